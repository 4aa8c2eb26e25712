package org.sitrep.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores document records against a gold file in the evaluation kit's format: a gold event is found
 * when a system event's evidence contains its anchor and has an accepted PLOVER type or CAMEO root.
 * Recall counts required gold events, precision every system event; among found events it checks
 * source and target countries, location (within 50 km), date and historical flags; then actors,
 * causal relations and negatives. It also tabulates gold PLOVER type against the type coded.
 */
public final class Scorer {

    public record Summary(
            double f1,
            double precision,
            double recall,
            double source,
            double target,
            double location,
            double date,
            double historical,
            double actors,
            double relations,
            int negativesViolated) {
        public String line() {
            return String.format(
                    java.util.Locale.ROOT,
                    "f1 %.3f precision %.3f recall %.3f source %.3f target %.3f location %.3f date %.3f historical %.3f actors %.3f relations %.3f negatives_violated %d",
                    f1,
                    precision,
                    recall,
                    source,
                    target,
                    location,
                    date,
                    historical,
                    actors,
                    relations,
                    negativesViolated);
        }
    }

    /**
     * The scores; {@code confusion} counts every gold event by its first PLOVER type against the type coded in its
     * sentence, {@code required} and {@code found} count the required gold events by type (the summary's recall).
     */
    public record Result(
            Summary summary,
            Map<String, Map<String, Integer>> confusion,
            List<String> missed,
            List<String> unmatched,
            List<String> wrongActors,
            List<String> negativesViolated,
            Map<String, Integer> required,
            Map<String, Integer> found,
            Map<String, Integer> coded,
            Map<String, Integer> matched) {

        /** Precision of the events coded as that type (matched to a gold event / coded), recall of the required gold
         *  events of that type, and their F1. */
        public double[] perType(String type) {
            double p = ratio(matched.getOrDefault(type, 0), coded.getOrDefault(type, 0)),
                    r = ratio(found.getOrDefault(type, 0), required.getOrDefault(type, 0));
            return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
        }
    }

    private static final Map<Character, Character> QUOTES =
            Map.of('\u2018', '\'', '\u2019', '\'', '\u201c', '"', '\u201d', '"', '\u2013', '-', '\u2014', '-');

    static String norm(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) sb.append(QUOTES.getOrDefault(c, c));
        return sb.toString().replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private final Map<String, Integer> n = new HashMap<>();
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final Map<String, Integer> requiredByType = new TreeMap<>(),
            foundByType = new TreeMap<>(),
            codedByType = new TreeMap<>(),
            matchedByType = new TreeMap<>();
    private final List<String> missed = new ArrayList<>(),
            unmatched = new ArrayList<>(),
            wrong = new ArrayList<>(),
            negatives = new ArrayList<>();

    public static Result score(Path gold, Path records) throws IOException {
        return score(gold, records(records));
    }

    /** Document records (JSON Lines) by id, in file order. */
    public static Map<String, JsonNode> records(Path records) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> system = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode d = json.readTree(line);
                system.put(d.path("id").asText(), d);
            }
        }
        return system;
    }

    public static Result score(Path gold, Map<String, JsonNode> system) throws IOException {
        JsonNode g = new ObjectMapper().readTree(gold.toFile());
        Scorer s = new Scorer();
        for (JsonNode doc : g.path("documents"))
            s.document(doc, system.get(doc.path("id").asText()));
        return s.result();
    }

    private void add(String key, int v) {
        n.merge(key, v, Integer::sum);
    }

    private int get(String key) {
        return n.getOrDefault(key, 0);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static Set<String> countries(JsonNode side) {
        Set<String> out = new HashSet<>();
        for (JsonNode a : side) {
            String c = a.path("country").asText("");
            if (c.isEmpty() || a.path("country").isNull()) c = a.path("code").asText("");
            if (c.length() >= 3) out.add(c.substring(0, 3).toUpperCase());
            else if (!c.isEmpty()) out.add(c.toUpperCase());
        }
        return out;
    }

    private static Set<String> strings(JsonNode arr) {
        Set<String> out = new HashSet<>();
        for (JsonNode x : arr) out.add(x.asText());
        return out;
    }

    private static boolean typeOk(JsonNode gold, JsonNode e) {
        String plover = e.path("plover").asText("").toUpperCase();
        String cameo = e.path("cameo").asText("");
        String root = cameo.length() >= 2 ? cameo.substring(0, 2) : cameo;
        return strings(gold.path("plover")).contains(plover)
                || strings(gold.path("cameo_root")).contains(root);
    }

    private static String evidence(JsonNode e) {
        JsonNode ev = e.path("evidence");
        return norm(ev.isObject() ? ev.path("text").asText() : ev.asText());
    }

    private void document(JsonNode gold, JsonNode sys) {
        List<JsonNode> events = new ArrayList<>();
        if (sys != null) sys.path("events").forEach(events::add);
        String id = gold.path("id").asText();
        Set<Integer> used = new HashSet<>();
        Map<String, JsonNode> found = new LinkedHashMap<>();
        List<JsonNode> order = new ArrayList<>();
        gold.path("events").forEach(order::add);
        order.sort((a, b) -> Boolean.compare(
                !a.path("required").asBoolean(true), !b.path("required").asBoolean(true)));
        for (JsonNode ge : order) {
            String anchor = norm(ge.path("anchor").asText());
            int best = -1, bestScore = -1;
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                if (used.contains(i) || !evidence(e).contains(anchor) || !typeOk(ge, e)) continue;
                int sc = 0;
                if (ge.path("source").isArray()
                        && !java.util.Collections.disjoint(countries(e.path("source")), strings(ge.path("source"))))
                    sc++;
                if (ge.path("target").isArray()
                        && !java.util.Collections.disjoint(countries(e.path("target")), strings(ge.path("target"))))
                    sc++;
                if (sc > bestScore) {
                    best = i;
                    bestScore = sc;
                }
            }
            if (best >= 0) {
                used.add(best);
                found.put(ge.path("name").asText(), events.get(best));
            }
            // confusion: the gold type against what was coded in the anchor's sentence
            String goldType = ge.path("plover").path(0).asText("?");
            String got = "(none)";
            if (best >= 0) got = events.get(best).path("plover").asText("(none)");
            else
                for (JsonNode e : events)
                    if (evidence(e).contains(anchor)) {
                        got = e.path("plover").asText("(none)");
                        break;
                    }
            confusion.computeIfAbsent(goldType, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
        }
        int required = 0, requiredFound = 0;
        for (JsonNode ge : gold.path("events")) {
            if (!ge.path("required").asBoolean(true)) continue;
            required++;
            String type = ge.path("plover").path(0).asText("?");
            requiredByType.merge(type, 1, Integer::sum);
            if (found.containsKey(ge.path("name").asText())) {
                requiredFound++;
                foundByType.merge(type, 1, Integer::sum);
            } else missed.add(id + ":" + ge.path("name").asText());
        }
        add("required", required);
        add("required_found", requiredFound);
        add("system_events", events.size());
        add("system_matched", used.size());
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i).path("plover").asText("(none)");
            codedByType.merge(type, 1, Integer::sum);
            if (used.contains(i)) matchedByType.merge(type, 1, Integer::sum);
            if (!used.contains(i)) {
                JsonNode e = events.get(i);
                unmatched.add(id + ": " + e.path("plover").asText() + "/"
                        + e.path("cameo").asText() + " \""
                        + e.path("trigger").path("text").asText() + "\"");
            }
        }
        for (JsonNode ge : gold.path("events")) {
            JsonNode e = found.get(ge.path("name").asText());
            if (e == null) continue;
            for (String side : List.of("source", "target")) {
                if (!ge.path(side).isArray() || ge.path(side).isEmpty()) continue;
                add(side + "_checked", 1);
                if (!java.util.Collections.disjoint(countries(e.path(side)), strings(ge.path(side))))
                    add(side + "_ok", 1);
                else
                    wrong.add(ge.path("name").asText() + "." + side + ": got " + new TreeSet<>(countries(e.path(side)))
                            + " want " + strings(ge.path(side)));
            }
            if (ge.has("location")) {
                add("location_checked", 1);
                JsonNode loc = e.path("location");
                if (loc.has("lat")
                        && !loc.path("lat").isNull()
                        && km(
                                        loc.path("lat").asDouble(),
                                        loc.path("lon").asDouble(),
                                        ge.path("location").path("lat").asDouble(),
                                        ge.path("location").path("lon").asDouble())
                                <= 50) add("location_ok", 1);
            }
            JsonNode dv = e.path("date");
            String date = dv.isObject() ? dv.path("value").asText(null) : dv.asText(null);
            if (ge.has("date")) {
                add("date_checked", 1);
                if (ge.path("date").asText().equals(date)) add("date_ok", 1);
            }
            if (ge.path("historical").asBoolean(false)) {
                add("historical_checked", 1);
                if (e.path("historical").asBoolean(false)
                        || (date != null && !date.equals(gold.path("published").asText()))) add("historical_ok", 1);
            }
        }
        for (JsonNode neg : gold.path("negatives")) {
            String anchor = norm(neg.path("anchor").asText());
            for (JsonNode e : events) {
                if (evidence(e).contains(anchor) && typeOk(neg, e))
                    negatives.add(id + ": " + e.path("plover").asText() + " in \""
                            + neg.path("anchor").asText() + "\"");
            }
        }
        for (JsonNode ga : gold.path("actors")) {
            add("actors_checked", 1);
            String want = norm(ga.path("text").asText());
            if (sys == null) continue;
            for (JsonNode a : sys.path("actors")) {
                List<String> names = new ArrayList<>(
                        List.of(a.path("text").asText(""), a.path("name").asText("")));
                a.path("aliases").forEach(x -> names.add(x.asText()));
                String c = a.path("country").isNull()
                                || a.path("country").asText("").isEmpty()
                        ? a.path("code").asText("")
                        : a.path("country").asText();
                if (c.length() > 3) c = c.substring(0, 3);
                boolean nameOk =
                        names.stream().anyMatch(x -> !x.isEmpty() && (norm(x).equals(want) || norm(x).contains(want)));
                if (nameOk && c.equals(ga.path("country").asText())) {
                    add("actors_ok", 1);
                    break;
                }
            }
        }
        Map<String, String> byName = new HashMap<>();
        found.forEach((k, e) -> byName.put(k, e.path("id").asText()));
        Set<String> rels = new HashSet<>();
        if (sys != null)
            for (JsonNode r : sys.path("relations"))
                rels.add(r.path("type").asText() + "|" + r.path("from").asText() + "|"
                        + r.path("to").asText());
        for (JsonNode gr : gold.path("relations")) {
            add("relations_checked", 1);
            String from = byName.get(gr.path("from").asText()),
                    to = byName.get(gr.path("to").asText());
            if (from != null && to != null && rels.contains(gr.path("type").asText() + "|" + from + "|" + to))
                add("relations_ok", 1);
        }
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(Math.min(1.0, h)));
    }

    private Result result() {
        double recall = ratio(get("required_found"), get("required"));
        double precision = ratio(get("system_matched"), get("system_events"));
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Summary s = new Summary(
                f1,
                precision,
                recall,
                ratio(get("source_ok"), get("source_checked")),
                ratio(get("target_ok"), get("target_checked")),
                ratio(get("location_ok"), get("location_checked")),
                ratio(get("date_ok"), get("date_checked")),
                ratio(get("historical_ok"), get("historical_checked")),
                ratio(get("actors_ok"), get("actors_checked")),
                ratio(get("relations_ok"), get("relations_checked")),
                negatives.size());
        return new Result(
                s,
                confusion,
                missed,
                unmatched,
                wrong,
                negatives,
                requiredByType,
                foundByType,
                codedByType,
                matchedByType);
    }

    /**
     * Per PLOVER type, precision, recall and F1 (see {@link Result#perType}) of each named result side by side, with the
     * required gold events of the type; the last row is the summary's precision, recall and F1.
     */
    public static String perTypeTable(Map<String, Result> results) {
        Set<String> types = new TreeSet<>();
        for (Result r : results.values()) {
            types.addAll(r.required().keySet());
            types.addAll(r.coded().keySet());
        }
        StringBuilder sb = new StringBuilder(String.format("%-10s %5s", "type", "gold"));
        for (String name : results.keySet()) sb.append(String.format("  %-17.17s", name));
        sb.append('\n').append(String.format("%-10s %5s", "", ""));
        for (int i = 0; i < results.size(); i++) sb.append("      P     R    F1");
        sb.append('\n');
        Result first = results.values().iterator().next();
        for (String t : types) {
            sb.append(String.format("%-10.10s %5d", t, first.required().getOrDefault(t, 0)));
            for (Result r : results.values()) {
                if (r.required().getOrDefault(t, 0) == 0 && r.coded().getOrDefault(t, 0) == 0) {
                    sb.append(String.format("  %17s", "-"));
                    continue;
                }
                double[] v = r.perType(t);
                sb.append(String.format(java.util.Locale.ROOT, "  %5.2f %5.2f %5.2f", v[0], v[1], v[2]));
            }
            sb.append('\n');
        }
        sb.append(String.format(
                "%-10s %5d",
                "all",
                first.required().values().stream().mapToInt(Integer::intValue).sum()));
        for (Result r : results.values())
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "  %5.2f %5.2f %5.2f",
                    r.summary().precision(),
                    r.summary().recall(),
                    r.summary().f1()));
        return sb.append('\n').toString();
    }

    /**
     * The confusion table as text: gold PLOVER type down, coded type across (every gold event, in the sentence of its
     * anchor); then each type's recall as the summary counts it (required gold events matched with an accepted type),
     * and a last row with the summary's recall.
     */
    public static String table(Result r) {
        Set<String> cols = new TreeSet<>();
        r.confusion().values().forEach(m -> cols.addAll(m.keySet()));
        StringBuilder sb = new StringBuilder(String.format("%-10s", "gold\\got"));
        for (String c : cols) sb.append(String.format(" %6.6s", c));
        sb.append("  required  found  recall\n");
        Set<String> rows = new TreeSet<>(r.confusion().keySet());
        rows.addAll(r.required().keySet());
        int required = 0, found = 0;
        for (String row : rows) {
            sb.append(String.format("%-10s", row));
            Map<String, Integer> cells = r.confusion().getOrDefault(row, Map.of());
            for (String c : cols) {
                int v = cells.getOrDefault(c, 0);
                sb.append(String.format(" %6s", v == 0 ? "." : String.valueOf(v)));
            }
            int req = r.required().getOrDefault(row, 0), got = r.found().getOrDefault(row, 0);
            required += req;
            found += got;
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "  %8d  %5d  %s%n",
                    req,
                    got,
                    req == 0 ? "     -" : String.format(java.util.Locale.ROOT, "%6.2f", ratio(got, req))));
        }
        sb.append(String.format("%-10s", "all")).append(" ".repeat(7 * cols.size()));
        sb.append(String.format(java.util.Locale.ROOT, "  %8d  %5d  %6.2f%n", required, found, ratio(found, required)));
        return sb.toString();
    }
}
