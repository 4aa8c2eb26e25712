package org.sitrep.text;

/**
 * Splits over-long sentences before the language model sees them. A run of text with no sentence end costs the
 * tagger, parser and SUTime far more than linear time (a 999,000-character "sentence" took 600 s and then overflowed
 * CoreNLP's stack), so every run longer than {@link #MAX_CHARS} is broken at a space into lines, which the model
 * takes as sentence ends. Offsets stay valid: a space becomes a newline, nothing is added or removed.
 */
public final class SentenceCap {
    /** Longer than nearly every real sentence (news sentences run 100-400 characters). */
    public static final int MAX_CHARS = 1_000;

    /** @param split how many breaks were added */
    public record Capped(String text, int split) {
        public String warning() {
            return split == 0
                    ? null
                    : "over-long sentences (no sentence end within " + MAX_CHARS + " characters) were split in " + split
                            + " place" + (split == 1 ? "" : "s");
        }
    }

    private SentenceCap() {}

    public static Capped apply(String text) {
        return apply(text, MAX_CHARS);
    }

    static Capped apply(String text, int max) {
        char[] chars = null;
        int runStart = 0, split = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n'
                    || ((c == '.' || c == '!' || c == '?')
                            && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                runStart = i + 1;
            } else if (i - runStart >= max) {
                int at = i;
                while (at > runStart + max / 2 && !Character.isWhitespace(text.charAt(at))) at--;
                if (at <= runStart + max / 2) { // one enormous token: it is a single token to the model, leave it
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
                    runStart = i;
                    continue;
                }
                if (chars == null) chars = text.toCharArray();
                chars[at] = '\n';
                split++;
                runStart = at + 1;
            }
        }
        return new Capped(chars == null ? text : new String(chars), split);
    }
}
