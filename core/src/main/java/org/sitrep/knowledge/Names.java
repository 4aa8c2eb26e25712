package org.sitrep.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/** Normalised keys for matching names robustly to case, diacritics, apostrophes, dots and hyphens. */
public final class Names {
    private Names() {}

    /** "Kata’ib Hezbollah" and "Kataib-Hezbollah" share the key "kataibhezbollah". */
    public static String key(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
            else if (c == '&') sb.append("and");
        }
        return sb.toString();
    }

    /** Short all-capital aliases ("US", "U.S.", "IS") must match capitals, or "us" and "is" would be actors. */
    public static boolean needsCapitals(String alias) {
        String letters = alias.replaceAll("[^\\p{L}]", "");
        return letters.length() <= 4 && !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    public static boolean isCapitalised(String token) {
        String letters = token.replaceAll("[^\\p{L}]", "");
        return !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT));
    }
}
