package org.sitrep.knowledge;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PETRARCH/TABARI actor and agent dictionaries so that users who have them lose nothing by
 * switching: actors ("NAME [CODE]", "+SYNONYM" lines, dated blocks such as "[USAGOV 170120-210120]",
 * "[HOB < 950601]", "[HOBREB > 990816]") and agents ("NAME {PLURAL} [~GOV]", "[NGO~]", "!MACRO!"
 * substitutions). {@link #writeLayer} turns them into a knowledge layer for {@code --kb}.
 */
public final class PetrarchDictionary {

    public record Dated(String code, LocalDate from, LocalDate to) {}

    /** An actor entry: its names (the first is the main one) and its codes, dated or not. */
    public record Actor(List<String> names, List<Dated> codes) {}

    /** An agent entry: its names (plurals included) and code; {@code prefix} for "NGO~" codes that go before the country. */
    public record Agent(List<String> names, String code, boolean prefix) {}

    private static final Pattern CODE_BLOCK = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern MACRO = Pattern.compile("^(![A-Z]+!)\\s*=\\s*(.+)$");

    private PetrarchDictionary() {}

    /** "PRESIDENT_GEORGE_W._BUSH_" → "President George W. Bush": underscores are spaces, a final one only marks a whole word. */
    static String phrase(String raw) {
        String s = raw.trim();
        while (s.endsWith("_")) s = s.substring(0, s.length() - 1);
        s = s.replace('_', ' ').trim();
        if (!s.equals(s.toUpperCase(Locale.ROOT))) return s;
        // dictionaries shout; names in text do not: "KING OTTO" is "King Otto", short acronyms ("IMF") stay
        StringBuilder out = new StringBuilder();
        for (String w : s.split(" ")) {
            if (out.length() > 0) out.append(' ');
            out.append(
                    w.length() <= 3 || !w.matches("[A-Z][A-Z'-]+")
                            ? w
                            : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String stripComments(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private static List<String> lines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        return List.of(text.split("\\r?\\n"));
    }

    public static List<Actor> readActors(Path file) throws IOException {
        List<Actor> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Dated> codes = new ArrayList<>();
        for (String raw : lines(file)) {
            String line = stripComments(raw);
            if (line.isBlank()) continue;
            boolean indented = Character.isWhitespace(line.charAt(0));
            String t = line.trim();
            if (t.startsWith("+")) {
                names.add(phrase(t.substring(1)));
                continue;
            }
            if (!indented && !t.startsWith("[")) {
                if (!names.isEmpty() && !codes.isEmpty()) out.add(new Actor(List.copyOf(names), List.copyOf(codes)));
                names.clear();
                codes.clear();
                int bracket = t.indexOf('[');
                names.add(phrase(bracket >= 0 ? t.substring(0, bracket) : t));
                if (bracket < 0) continue;
                t = t.substring(bracket);
            }
            Matcher m = CODE_BLOCK.matcher(t);
            while (m.find()) {
                Dated d = dated(m.group(1));
                if (d != null) codes.add(d);
            }
        }
        if (!names.isEmpty() && !codes.isEmpty()) out.add(new Actor(List.copyOf(names), List.copyOf(codes)));
        return out;
    }

    /** "USAGOV 170120-210120", "HOB < 950601", "HOBREB > 990816", "IRQ": a code and its dates. */
    static Dated dated(String block) {
        String b = block.trim();
        if (b.isEmpty()) return null;
        String[] parts = b.split("\\s+", 2);
        String code = parts[0].toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9~/]+") || code.matches("[-+#]+")) return null; // ---, +++: the dictionary's "no code"
        if (parts.length == 1) return new Dated(code, null, null);
        String rest = parts[1].replace(" ", "");
        if (rest.startsWith("<")) return new Dated(code, null, date(rest.substring(1)));
        if (rest.startsWith(">")) return new Dated(code, date(rest.substring(1)), null);
        int dash = rest.indexOf('-');
        if (dash > 0) return new Dated(code, date(rest.substring(0, dash)), date(rest.substring(dash + 1)));
        return new Dated(code, null, null);
    }

    /** YYMMDD (years before 30 are 20xx) or YYYYMMDD. */
    static LocalDate date(String s) {
        String d = s.trim();
        if (d.length() == 6) {
            int yy = Integer.parseInt(d.substring(0, 2));
            d = (yy < 30 ? "20" : "19") + d;
        }
        if (d.length() != 8)
            throw new IllegalArgumentException("bad dictionary date '" + s + "' (want YYMMDD or YYYYMMDD)");
        return LocalDate.of(
                Integer.parseInt(d.substring(0, 4)),
                Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)));
    }

    public static List<Agent> readAgents(Path file) throws IOException {
        Map<String, List<String>> macros = new LinkedHashMap<>();
        List<Agent> out = new ArrayList<>();
        for (String raw : lines(file)) {
            String line = stripComments(raw).trim();
            if (line.isEmpty()) continue;
            Matcher macro = MACRO.matcher(line);
            if (macro.matches()) {
                List<String> values = new ArrayList<>();
                for (String v : macro.group(2).split(",")) values.add(v.trim());
                macros.put(macro.group(1), values);
                continue;
            }
            Matcher code = CODE_BLOCK.matcher(line);
            if (!code.find()) continue;
            String c = code.group(1).trim().toUpperCase(Locale.ROOT);
            boolean prefix = c.endsWith("~");
            c = c.replace("~", "").trim();
            String head = line.substring(0, code.start());
            String plural = null;
            int brace = head.indexOf('{');
            if (brace >= 0) {
                int close = head.indexOf('}', brace);
                String inside = head.substring(brace + 1, close < 0 ? head.length() : close)
                        .trim();
                plural = inside.isEmpty() ? "" : inside;
                head = head.substring(0, brace);
            }
            for (String name : expand(head.trim(), macros)) {
                Set<String> names = new LinkedHashSet<>();
                names.add(phrase(name));
                if (plural != null && !plural.isEmpty()) for (String p : expand(plural, macros)) names.add(phrase(p));
                out.add(new Agent(List.copyOf(names), c, prefix));
            }
        }
        return out;
    }

    private static List<String> expand(String name, Map<String, List<String>> macros) {
        for (var m : macros.entrySet()) {
            if (name.contains(m.getKey())) {
                List<String> out = new ArrayList<>();
                for (String v : m.getValue()) out.addAll(expand(name.replace(m.getKey(), v), macros));
                return out;
            }
        }
        return List.of(name);
    }

    /**
     * Writes actors and agents as a knowledge layer: undated actors to actors/groups.tsv, actors with dated
     * codes to actors/people.tsv, agents to actors/agents.tsv. Returns the number of entries written.
     */
    public static int writeLayer(List<Actor> actors, List<Agent> agents, Path dir, String origin) throws IOException {
        Path a = dir.resolve("actors");
        Files.createDirectories(a);
        int n = 0;
        String header = "# imported from PETRARCH/TABARI dictionaries (" + origin + ")\n";
        if (!actors.isEmpty())
            try (Writer groups = append(a.resolve("groups.tsv"), header);
                    Writer people = append(a.resolve("people.tsv"), header)) {
                for (Actor act : actors) {
                    String id = "petrarch-" + Names.key(act.names().get(0));
                    String name = act.names().get(0);
                    String aliases =
                            String.join("|", act.names().subList(1, act.names().size()));
                    boolean dated = act.codes().stream().anyMatch(d -> d.from() != null || d.to() != null);
                    if (!dated) {
                        String code = act.codes().get(0).code().split("/")[0];
                        groups.write(
                                String.join("\t", id, code, country(code), sectors(code), name, aliases, "", "imported")
                                        + "\n");
                    } else {
                        for (Dated d : act.codes()) {
                            people.write(String.join(
                                            "\t",
                                            id,
                                            name,
                                            aliases,
                                            country(d.code()),
                                            d.code(),
                                            d.from() == null ? "" : d.from().toString(),
                                            d.to() == null ? "" : d.to().toString(),
                                            "imported")
                                    + "\n");
                        }
                    }
                    n++;
                }
            }
        if (!agents.isEmpty())
            try (Writer out = append(a.resolve("agents.tsv"), header)) {
                for (Agent g : agents) {
                    List<String> terms = g.names().stream()
                            .map(s -> s.toLowerCase(Locale.ROOT))
                            .toList();
                    out.write(String.join("|", terms) + "\t" + blocks(g.code(), 0) + "\t"
                            + (g.prefix() ? "agent-prefix" : "agent") + "\n");
                    n++;
                }
            }
        return n;
    }

    private static Writer append(Path f, String header) throws IOException {
        boolean fresh = !Files.exists(f);
        Writer w = Files.newBufferedWriter(
                f,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (fresh) w.write(header);
        return w;
    }

    /** The country part of an actor code; international ("IGO…") and non-governmental ("NGO…") codes have none. */
    private static String country(String code) {
        if (code.startsWith("IGO") || code.startsWith("NGO") || code.length() < 3) return "";
        return code.substring(0, 3);
    }

    private static String sectors(String code) {
        return blocks(code, country(code).isEmpty() && !code.startsWith("IGO") && !code.startsWith("NGO") ? 0 : 3);
    }

    private static String blocks(String code, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i + 3 <= code.length(); i += 3) out.add(code.substring(i, i + 3));
        return String.join("|", out);
    }
}
