package org.sitrep.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * A light analysis of one noun phrase ("Iraqi army commander", "militia groups in Iraq") without the
 * language model: modifiers attach to the last word, and a phrase after "in", "of" or "from" attaches to
 * the head before it. Enough for knowledge-base lookups and their tests.
 */
public final class NounPhrase {
    private NounPhrase() {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.'’\\-]*|[^\\s\\p{L}\\p{N}]");
    private static final Set<String> PREPOSITIONS = Set.of("in", "of", "from", "for");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "some", "other", "those", "these");

    public static Sentence parse(String text) {
        List<int[]> spans = new ArrayList<>();
        List<Integer> possessors = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            // a final full stop belongs to an abbreviation ("U.S.") only if the word has another dot
            String w = m.group();
            if (w.endsWith(".") && w.indexOf('.') == w.length() - 1 && w.length() > 1) end--;
            String lower = w.toLowerCase(Locale.ROOT);
            if ((lower.endsWith("'s") || lower.endsWith("’s")) && w.length() > 2) {
                // "Iraq's prime minister": the owner modifies the head, "'s" is its case marker
                possessors.add(spans.size());
                spans.add(new int[] {m.start(), end - 2});
                spans.add(new int[] {end - 2, end});
                continue;
            }
            spans.add(new int[] {m.start(), end});
        }
        int n = spans.size();
        int split = -1;
        for (int i = 1; i < n - 1; i++) {
            if (PREPOSITIONS.contains(
                    text.substring(spans.get(i)[0], spans.get(i)[1]).toLowerCase(Locale.ROOT))) {
                split = i;
                break;
            }
        }
        int head1 = split < 0 ? n - 1 : split - 1;
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = text.substring(spans.get(i)[0], spans.get(i)[1]);
            String lower = w.toLowerCase(Locale.ROOT);
            int head;
            String rel;
            if (i == head1) {
                head = -1;
                rel = "root";
            } else if (split >= 0 && i == n - 1) {
                head = head1;
                rel = "nmod";
            } else if (i == split) {
                head = n - 1;
                rel = "case";
            } else if (split >= 0 && i > split) {
                head = n - 1;
                rel = "compound";
            } else {
                head = head1;
                rel = DETERMINERS.contains(lower) ? "det" : possessors.contains(i) ? "nmod:poss" : "compound";
            }
            if (i > 0 && possessors.contains(i - 1)) {
                head = i - 1;
                rel = "case";
            }
            boolean capital = Character.isUpperCase(w.codePointAt(0));
            boolean plural = !lower.endsWith("ss")
                    && (lower.endsWith("s") && lower.length() > 3 || lower.endsWith("men") || lower.equals("children"));
            String pos = DETERMINERS.contains(lower)
                    ? "DT"
                    : PREPOSITIONS.contains(lower) && i == split
                            ? "IN"
                            : capital ? (plural ? "NNPS" : "NNP") : plural ? "NNS" : "NN";
            String lemma = plural ? ActorKb.singular(lower) : lower;
            tokens.add(new Token(i, w, lemma, pos, "O", spans.get(i)[0], spans.get(i)[1], head, rel));
        }
        int start = n == 0 ? 0 : spans.get(0)[0], end = n == 0 ? 0 : spans.get(n - 1)[1];
        return new Sentence(0, start, end, text.substring(start, end), tokens);
    }
}
