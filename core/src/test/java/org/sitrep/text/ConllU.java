package org.sitrep.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a {@link LanguageModel}'s output as CoNLL-U, so parses can be checked in as test fixtures.
 *
 * <p>One file holds one parsed text. Standard columns carry what they are meant for: FORM, LEMMA, XPOS (the
 * Penn tag; UPOS, FEATS and DEPS stay "_"), HEAD (0 for the root and for tokens the parser left unattached)
 * and DEPREL. What the standard has no column for goes where CoNLL-U allows extras:
 * <pre>
 * # newdoc id = KEY             the fixture's key (see FixtureModel)
 * # anchor = 2021-06-15          the date time expressions were normalised against; absent when none
 * # doc_text = ...               the whole text the model was given (escaped), so offsets mean something
 * # sent_id = 1
 * # text = ...                   the sentence's text
 * # time = FROM TO TYPE VALUE TEXT   one per time expression: 0-based token range, TIMEX3 type and value
 * 1  Israeli  israeli  _  JJ  _  2  amod  _  start_char=0|end_char=7|NER=MISC
 * </pre>
 * MISC holds the token's character offsets into the document text and its NER class (omitted when "O").
 * Text fields escape backslash, tab, CR and newline with a backslash. When a hand-written file leaves out
 * offsets or the document text, they are laid out from the sentence texts and forms, as CoNLL-U readers do.
 */
public final class ConllU {
    private ConllU() {}

    /** One parsed text: what {@code model.analyze(text, anchor)} returned. */
    public record Parse(String key, String text, LocalDate anchor, List<Sentence> sentences) {
        public Parse {
            sentences = List.copyOf(sentences);
        }
    }

    public static String write(Parse p) {
        StringBuilder sb = new StringBuilder();
        if (p.key() != null) sb.append("# newdoc id = ").append(p.key()).append('\n');
        if (p.anchor() != null) sb.append("# anchor = ").append(p.anchor()).append('\n');
        if (p.text() != null)
            sb.append("# doc_text = ").append(escape(p.text())).append('\n');
        for (Sentence s : p.sentences()) {
            sb.append("# sent_id = ").append(s.index() + 1).append('\n');
            sb.append("# text = ").append(escape(s.text())).append('\n');
            for (TimeExpression t : s.times()) {
                sb.append("# time = ")
                        .append(t.from())
                        .append(' ')
                        .append(t.to())
                        .append(' ')
                        .append(orBlank(t.type()))
                        .append(' ')
                        .append(orBlank(t.value()))
                        .append(' ')
                        .append(escape(t.text() == null ? "" : t.text()))
                        .append('\n');
            }
            for (Token t : s.tokens()) {
                sb.append(t.index() + 1)
                        .append('\t')
                        .append(escape(t.text()))
                        .append('\t')
                        .append(escape(t.lemma()))
                        .append('\t')
                        .append("_\t")
                        .append(escape(t.pos()))
                        .append('\t')
                        .append("_\t")
                        .append(t.head() + 1)
                        .append('\t')
                        .append(escape(t.deprel()))
                        .append('\t')
                        .append("_\t")
                        .append("start_char=")
                        .append(t.start())
                        .append("|end_char=")
                        .append(t.end());
                if (t.ner() != null && !t.ner().equals("O")) sb.append("|NER=").append(t.ner());
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Parses CoNLL-U as {@link #write} writes it; {@code source} names the input in error messages. */
    public static Parse read(String conllu, String source) {
        String key = null, docText = null;
        LocalDate anchor = null;
        List<RawSentence> raw = new ArrayList<>();
        RawSentence current = null;
        String[] lines = conllu.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            String where = source + ":" + (n + 1);
            if (line.isBlank()) {
                current = null;
                continue;
            }
            if (line.startsWith("#")) {
                int eq = line.indexOf('=');
                if (eq < 0) continue; // a free comment
                String name = line.substring(1, eq).trim(),
                        value = line.substring(eq + 1).strip();
                switch (name) {
                    case "newdoc id" -> key = value;
                    case "anchor" -> anchor = LocalDate.parse(value);
                    case "doc_text" -> docText = unescape(line.substring(eq + 1).replaceFirst("^ ", ""));
                    case "text" -> {
                        if (current == null || !current.tokens.isEmpty()) raw.add(current = new RawSentence());
                        current.text = unescape(line.substring(eq + 1).replaceFirst("^ ", ""));
                    }
                    case "time" -> {
                        if (current == null) raw.add(current = new RawSentence());
                        current.times.add(time(value, where));
                    }
                    default -> {} // sent_id and any other metadata
                }
                continue;
            }
            if (current == null) raw.add(current = new RawSentence());
            current.tokens.add(token(line, current.tokens.size(), where));
        }
        raw.removeIf(r -> r.tokens.isEmpty());
        return layOut(key, docText, anchor, raw, source);
    }

    private static final class RawSentence {
        String text;
        final List<TimeExpression> times = new ArrayList<>();
        final List<RawToken> tokens = new ArrayList<>();
    }

    private record RawToken(
            String form, String lemma, String pos, String ner, int start, int end, int head, String deprel) {}

    private static RawToken token(String line, int expectedIndex, String where) {
        String[] c = line.split("\t", -1);
        if (c.length != 10)
            throw new IllegalArgumentException(where + ": expected 10 tab-separated columns, found " + c.length);
        if (c[0].contains("-") || c[0].contains(".")) {
            throw new IllegalArgumentException(
                    where + ": multiword tokens and empty nodes are not supported (" + c[0] + ")");
        }
        int id = integer(c[0], where, "ID");
        if (id != expectedIndex + 1)
            throw new IllegalArgumentException(where + ": token ID " + id + " should be " + (expectedIndex + 1));
        Map<String, String> misc = new LinkedHashMap<>();
        if (!c[9].equals("_")) {
            for (String kv : c[9].split("\\|")) {
                int eq = kv.indexOf('=');
                if (eq > 0) misc.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        int start = misc.containsKey("start_char") ? integer(misc.get("start_char"), where, "start_char") : -1;
        int end = misc.containsKey("end_char") ? integer(misc.get("end_char"), where, "end_char") : -1;
        String pos = c[4].equals("_") ? c[3] : c[4];
        return new RawToken(
                unescape(c[1]),
                unescape(c[2]),
                unescape(pos),
                misc.getOrDefault("NER", "O"),
                start,
                end,
                integer(c[6], where, "HEAD") - 1,
                unescape(c[7]));
    }

    private static TimeExpression time(String value, String where) {
        String[] f = value.split(" ", 5);
        if (f.length < 4)
            throw new IllegalArgumentException(
                    where + ": a time line is 'FROM TO TYPE VALUE TEXT', got '" + value + "'");
        return new TimeExpression(
                integer(f[0], where, "FROM"),
                integer(f[1], where, "TO"),
                blankToNull(f[2]),
                blankToNull(f[3]),
                f.length == 5 ? unescape(f[4]) : "");
    }

    /** Builds the sentences, filling in offsets and texts a hand-written file left out. */
    private static Parse layOut(String key, String docText, LocalDate anchor, List<RawSentence> raw, String source) {
        if (docText == null) {
            StringBuilder sb = new StringBuilder();
            for (RawSentence r : raw) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(
                        r.text != null
                                ? r.text
                                : String.join(
                                        " ",
                                        r.tokens.stream().map(RawToken::form).toList()));
            }
            docText = sb.toString();
        }
        List<Sentence> sentences = new ArrayList<>();
        int cursor = 0;
        for (RawSentence r : raw) {
            List<Token> tokens = new ArrayList<>();
            for (RawToken t : r.tokens) {
                int start = t.start, end = t.end;
                if (start < 0 || end < 0) {
                    start = docText.indexOf(t.form, cursor);
                    if (start < 0)
                        throw new IllegalArgumentException(
                                source + ": token '" + t.form + "' not found in the text after offset " + cursor);
                    end = start + t.form.length();
                }
                cursor = end;
                tokens.add(new Token(tokens.size(), t.form, t.lemma, t.pos, t.ner, start, end, t.head, t.deprel));
            }
            int start = tokens.get(0).start(),
                    end = tokens.get(tokens.size() - 1).end();
            if (end > docText.length())
                throw new IllegalArgumentException(source + ": offset " + end + " is beyond the text's end");
            String text = docText.substring(start, end);
            if (r.text != null && !r.text.equals(text)) {
                throw new IllegalArgumentException(source + ": sentence " + (sentences.size() + 1) + " text '" + r.text
                        + "' does not match its tokens' offsets ('" + text + "')");
            }
            sentences.add(new Sentence(sentences.size(), start, end, text, tokens, r.times));
        }
        return new Parse(key, docText, anchor, sentences);
    }

    private static int integer(String s, String where, String column) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " is not a number: '" + s + "'");
        }
    }

    private static String orBlank(String s) {
        return s == null ? "_" : s;
    }

    private static String blankToNull(String s) {
        return s.equals("_") ? null : s;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
