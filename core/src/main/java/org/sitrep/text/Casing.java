package org.sitrep.text;

import java.util.List;

/**
 * Which sentences of a document lost their capitals. Names, places and countries are found by their capitals,
 * so text stored all in lower case ("police fired at the mob in ahmedabad") or all in capitals (telex copy, a
 * wire headline) is truecased before it is tagged. The test is cheap and runs on the tokens, so normal text never
 * pays for the truecaser.
 *
 * <ul>
 *   <li>A sentence in capitals (two words or more, no small letter) is uncased in any document: the headline of an
 *       otherwise cased story.</li>
 *   <li>A document is in lower case when most of its words are in sentences that do not begin with a capitalised
 *       word and have hardly any (ordinary prose capitalises one word in seven or eight); then each such sentence
 *       is uncased, and a cased line among them ("This story is from March 1, 2002") is left alone.</li>
 *   <li>Likewise a document mostly in capitals: each sentence with hardly a small letter is uncased.</li>
 * </ul>
 */
public final class Casing {
    private Casing() {}

    /** Per sentence (each a list of its tokens as written): true when it should be truecased. */
    public static boolean[] uncased(List<List<String>> sentences) {
        int n = sentences.size(), total = 0, lowerWords = 0, upperWords = 0;
        Shape[] shapes = new Shape[n];
        for (int i = 0; i < n; i++) {
            shapes[i] = Shape.of(sentences.get(i));
            total += shapes[i].words;
            if (shapes[i].lowerish() && shapes[i].titled == 0) lowerWords += shapes[i].words;
            if (shapes[i].upperish()) upperWords += shapes[i].words;
        }
        boolean lowerDoc = total >= 3 && lowerWords * 10 >= total * 6;
        boolean upperDoc = total >= 3 && upperWords * 10 >= total * 6;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            Shape s = shapes[i];
            out[i] = s.capitals() || lowerDoc && s.lowerish() || upperDoc && s.upperish();
        }
        return out;
    }

    /** True when any sentence should be truecased. */
    public static boolean any(boolean[] uncased) {
        for (boolean b : uncased) if (b) return true;
        return false;
    }

    /**
     * @param words       tokens with a letter
     * @param capitalised words beginning with a capital
     * @param withSmall   words with a small letter
     * @param letters     letters in all
     * @param titled      words written like a name: a capital, then small letters ("Namibia")
     * @param titleStart  the first word is written like a sentence start ("The", "I"), not like an acronym ("TNN")
     */
    private record Shape(int words, int capitalised, int withSmall, int letters, int titled, boolean titleStart) {
        static Shape of(List<String> tokens) {
            int words = 0, capitalised = 0, withSmall = 0, letters = 0, titled = 0;
            boolean titleStart = false;
            for (String t : tokens) {
                int l = 0, small = 0;
                for (int k = 0; k < t.length(); k++) {
                    char c = t.charAt(k);
                    if (Character.isLetter(c)) {
                        l++;
                        if (Character.isLowerCase(c)) small++;
                    }
                }
                if (l == 0) continue;
                int first = firstLetter(t);
                boolean cap = Character.isUpperCase(first);
                if (words == 0) titleStart = cap && (small > 0 || l == 1);
                words++;
                letters += l;
                if (cap) capitalised++;
                if (cap && small > 0) titled++;
                if (small > 0) withSmall++;
            }
            return new Shape(words, capitalised, withSmall, letters, titled, titleStart);
        }

        private static int firstLetter(String t) {
            for (int k = 0; k < t.length(); k++) if (Character.isLetter(t.charAt(k))) return t.charAt(k);
            return ' ';
        }

        /** "POLICE FIRE ON MOB": no small letter at all, long enough not to be an acronym. */
        boolean capitals() {
            return words >= 2 && letters >= 6 && withSmall == 0;
        }

        /** One capitalised word (an acronym: "TNN") or one in ten at most, and not the first as a sentence's first word would be. */
        boolean lowerish() {
            return words > 0 && !titleStart && (capitalised <= 1 || capitalised * 10 <= words);
        }

        /** At most one word in five with a small letter. */
        boolean upperish() {
            return words > 0 && withSmall * 5 <= words && letters >= 2;
        }
    }
}
