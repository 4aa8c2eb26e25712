package org.sitrep.text;

/**
 * How a document is capitalised. Names, places and countries are found by their capitals, so text stored
 * all in lower case ("police fired at the mob in ahmedabad") or all in capitals (wire headlines, telex
 * copy) is truecased before it is parsed.
 */
public enum Casing {
    MIXED, LOWER, UPPER;

    /**
     * Lower case when sentences do not start with a capital and hardly any word does (ordinary prose
     * capitalises one word in seven or eight); upper case when almost no letter is small.
     */
    public static Casing of(String text) {
        int letters = 0, small = 0, words = 0, capitalised = 0, starts = 0, capitalStarts = 0;
        boolean inWord = false, sentenceStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) small++;
                if (!inWord) {
                    words++;
                    if (Character.isUpperCase(c)) capitalised++;
                    if (sentenceStart) {
                        starts++;
                        if (Character.isUpperCase(c)) capitalStarts++;
                    }
                }
                inWord = true;
                sentenceStart = false;
            } else {
                inWord = c == '\'' && inWord;
                if (c == '.' || c == '!' || c == '?' || c == '\n') sentenceStart = true;
                else if (Character.isDigit(c)) sentenceStart = false;
            }
        }
        if (letters < 20) return MIXED;
        if (small < letters * 0.1) return UPPER;
        if (capitalised < words * 0.05 || capitalised < words * 0.09 && capitalStarts * 2 < starts) return LOWER;
        return MIXED;
    }
}
