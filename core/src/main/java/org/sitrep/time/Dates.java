package org.sitrep.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.sitrep.analysis.DatePrecision;
import org.sitrep.analysis.TimeRef;
import org.sitrep.knowledge.Cues;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Time expressions attached to an event's clause, anchored on the publication date: "on Tuesday",
 * "yesterday", "last week", "December 31, 2019", "in March", "in 1983", "two years ago".
 */
public final class Dates {
    private Dates() {}

    /** The day a date or timestamp string starts with ("2024-03-11", "2024-03-11T08:00:00Z"), or null. */
    public static LocalDate day(String s) {
        if (s == null || s.length() < 10) return null;
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The time of the clause headed by {@code clause}, or null if it names none: SUTime's normalisation
     * of a time expression attached to the clause, else this class's own reading of it ({@link #parse}).
     */
    public static TimeRef of(Sentence s, Token clause, LocalDate published, Cues cues) {
        for (Token c : s.children(clause)) {
            if (!(c.relation().equals("obl")
                    || c.relation().equals("nmod")
                    || c.relation().equals("advmod")
                    || c.deprel().equals("obl:tmod")
                    || c.deprel().equals("nmod:tmod"))) continue;
            int[] span = s.span(c);
            for (org.sitrep.text.TimeExpression te : s.times()) {
                if (te.from() >= span[0] && te.to() <= span[1]) {
                    TimeRef t = fromTimex(te);
                    if (t != null) return t;
                }
            }
            TimeRef t = parse(s, c, published, cues);
            if (t != null) return t;
        }
        return null;
    }

    /** A TIMEX3 date value as a time reference: "2019-12-31" (day), "2019-12" (month), "2019-W52" (week), "1983" (year), "198X" (decade). */
    static TimeRef fromTimex(org.sitrep.text.TimeExpression te) {
        if (te.value() == null || !("DATE".equals(te.type()) || "TIME".equals(te.type()))) return null;
        String v = te.value();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}.*"))
            return new TimeRef(v.substring(0, 10), DatePrecision.DAY, "text", te.text());
        if (v.matches("\\d{4}-W\\d{2}.*")) return new TimeRef(v.substring(0, 8), DatePrecision.WEEK, "text", te.text());
        if (v.matches("\\d{4}-\\d{2}")) return new TimeRef(v, DatePrecision.MONTH, "text", te.text());
        if (v.matches("\\d{4}")) return new TimeRef(v, DatePrecision.YEAR, "text", te.text());
        if (v.matches("\\d{3}X")) return new TimeRef(v, DatePrecision.DECADE, "text", te.text());
        return null; // PAST_REF, PRESENT_REF, XXXX-…: not a date of its own
    }

    /** A time expression headed by {@code head}; "two years ago" reads its number words from the cues (kind number). */
    public static TimeRef parse(Sentence s, Token head, LocalDate published, Cues cues) {
        int[] span = s.span(head);
        List<Token> toks = s.tokens().subList(span[0], span[1] + 1);
        String text = s.text(span[0], span[1]);
        String w = head.lower();
        if (w.equals("yesterday"))
            return new TimeRef(published.minusDays(1).toString(), DatePrecision.DAY, "text", text);
        if (w.equals("today") || w.equals("tonight"))
            return new TimeRef(published.toString(), DatePrecision.DAY, "text", text);
        if (w.equals("ago")) {
            for (Token t : toks) {
                String u = t.lemma();
                Integer word = cues.number(t.lower());
                int n = word != null ? word : parseInt(t.text());
                Token unit = s.head(t);
                if (n > 0 && unit != null) {
                    switch (unit.lemma()) {
                        case "year":
                            return new TimeRef(
                                    String.valueOf(published.minusYears(n).getYear()),
                                    DatePrecision.YEAR,
                                    "text",
                                    text);
                        case "month":
                            return new TimeRef(
                                    published.minusMonths(n).toString().substring(0, 7),
                                    DatePrecision.MONTH,
                                    "text",
                                    text);
                        case "day":
                            return new TimeRef(published.minusDays(n).toString(), DatePrecision.DAY, "text", text);
                        default:
                            break;
                    }
                }
                if (u.equals("decade")) return new TimeRef(null, DatePrecision.DECADE, "text", text);
            }
            return null;
        }
        DayOfWeek dow = dayOfWeek(w);
        if (dow != null) {
            LocalDate d = published.getDayOfWeek() == dow ? published : published.with(TemporalAdjusters.previous(dow));
            return new TimeRef(d.toString(), DatePrecision.DAY, "text", text);
        }
        boolean last = toks.stream().anyMatch(t -> t.lower().equals("last"));
        if (last && w.equals("week"))
            return new TimeRef(published.minusWeeks(1).toString(), DatePrecision.WEEK, "text", text);
        if (last && w.equals("month"))
            return new TimeRef(published.minusMonths(1).toString().substring(0, 7), DatePrecision.MONTH, "text", text);
        if (last && w.equals("year"))
            return new TimeRef(String.valueOf(published.getYear() - 1), DatePrecision.YEAR, "text", text);
        Month month = null;
        int day = -1, year = -1;
        for (Token t : toks) {
            Month m = month(t.lower());
            if (m != null) month = m;
            int v = parseInt(t.text());
            if (v >= 1 && v <= 31 && day < 0 && month != null) day = v;
            else if (v >= 1000 && v <= 2100) year = v;
        }
        if (month != null) {
            int y = year > 0
                    ? year
                    : (month.getValue() > published.getMonthValue() ? published.getYear() - 1 : published.getYear());
            if (day > 0)
                return new TimeRef(
                        LocalDate.of(y, month, Math.min(day, month.length(java.time.Year.isLeap(y))))
                                .toString(),
                        DatePrecision.DAY,
                        "text",
                        text);
            return new TimeRef(
                    String.format(Locale.ROOT, "%04d-%02d", y, month.getValue()), DatePrecision.MONTH, "text", text);
        }
        if (year > 0 && head.text().equals(String.valueOf(year)))
            return new TimeRef(String.valueOf(year), DatePrecision.YEAR, "text", text);
        return null;
    }

    private static int parseInt(String s) {
        if (s.isEmpty() || s.length() > 4) return -1;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return -1;
        return Integer.parseInt(s);
    }

    private static DayOfWeek dayOfWeek(String w) {
        for (DayOfWeek d : DayOfWeek.values())
            if (d.name().toLowerCase(Locale.ROOT).equals(w)) return d;
        return null;
    }

    private static Month month(String w) {
        for (Month m : Month.values()) {
            String name = m.name().toLowerCase(Locale.ROOT);
            if (name.equals(w)
                    || (w.length() >= 3
                            && name.startsWith(w.replace(".", ""))
                            && w.length() <= 4
                            && !w.equals("may")
                            && !w.equals("mar"))) return m;
        }
        if (w.equals("may")) return Month.MAY;
        return null;
    }
}
