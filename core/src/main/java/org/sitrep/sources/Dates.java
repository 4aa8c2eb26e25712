package org.sitrep.sources;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises the publication dates found in feeds and pages to ISO yyyy-MM-dd. */
final class Dates {

    private Dates() {}

    // The date as written is kept, time and zone ignored: "2019-12-31T23:30:00-05:00" was published on the 31st
    // where it was written, even though it was already January in UTC.
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[t\\s_].*|z)?");
    private static final Pattern BASIC_ISO = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:t.*)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})\\b.*");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sept", 9),
            Map.entry("sep", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    /** The ISO date for a date or date-time in a common format, or empty when it cannot be read unambiguously. */
    static Optional<String> toIso(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return Optional.empty();
        Matcher m;
        if ((m = ISO.matcher(s)).matches() || (m = BASIC_ISO.matcher(s)).matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        if (EPOCH.matcher(s).matches()) {
            long n = Long.parseLong(s);
            Instant t = s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return Optional.of(t.atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        if ((m = NUMERIC.matcher(s)).matches()) return numeric(m);
        if ((m = DAY_MONTH_YEAR.matcher(s)).find() && MONTHS.containsKey(m.group(2))) {
            return date(m.group(3), MONTHS.get(m.group(2)).toString(), m.group(1));
        }
        if ((m = MONTH_DAY_YEAR.matcher(s)).find() && MONTHS.containsKey(m.group(1))) {
            return date(m.group(3), MONTHS.get(m.group(1)).toString(), m.group(2));
        }
        return Optional.empty();
    }

    /** 31/12/2019, 12/31/2019, 31.12.2019; 01/02/2019 is refused because guessing the order would be a coin toss. */
    private static Optional<String> numeric(Matcher m) {
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
        String year = m.group(4);
        if (a > 12 || m.group(2).equals(".")) return date(year, String.valueOf(b), String.valueOf(a));
        if (b > 12) return date(year, String.valueOf(a), String.valueOf(b));
        return Optional.empty();
    }

    private static Optional<String> date(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return Optional.of(d.toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
