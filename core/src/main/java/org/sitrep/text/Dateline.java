package org.sitrep.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire story's dateline: "BASRA, Iraq, March 4 (Example Wire) - ". It says where the story was filed and by
 * whom; it is not part of the first sentence, so the parser never sees it (its characters are blanked, which
 * keeps every offset), and the place stage takes its place as a weak hint about the document's place.
 *
 * @param start   first character of the dateline, where the city begins
 * @param end     first character after it (after the dash and spaces)
 * @param city    the place as written ("BASRA")
 * @param country the country written after it ("Iraq"), or null
 * @param outlet  the outlet in parentheses ("Example Wire"), or null
 */
public record Dateline(int start, int end, String city, String country, String outlet) {
    private static final String MONTH = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?<city>\\p{Lu}[\\p{Lu}\\p{M}.'’]+(?:[ -]\\p{Lu}[\\p{Lu}\\p{M}.'’]*){0,3})" // a city in capitals
                    + "(?:,\\s*(?<country>\\p{Lu}[\\p{L}.'’]+(?: \\p{Lu}[\\p{L}.'’]+){0,3}))?" // ", Iraq"
                    + "(?:,?\\s+(?:(?:" + MONTH + ")\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:" + MONTH
                    + ")\\.?)(?:,?\\s*\\d{4})?)?" // "March 4"
                    + "\\s*(?:\\((?<outlet>[^()\\n]{2,60})\\))?" // "(Example Wire)"
                    + "\\s*(?:--|[-–—])\\s+");

    /** The dateline at the start of a text, or null when it has none. */
    public static Dateline find(String text) {
        Matcher m = DATELINE.matcher(text);
        // a run of three capitals: "ROME", "ABU DHABI", not "U.S. - China talks"
        if (!m.lookingAt() || !m.group("city").matches(".*\\p{Lu}{3}.*")) return null;
        return new Dateline(m.start("city"), m.end(), m.group("city"), m.group("country"), m.group("outlet"));
    }

    /** The text with the dateline blanked: same length, so offsets into it are offsets into the original. */
    public String blank(String text) {
        return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
    }
}
