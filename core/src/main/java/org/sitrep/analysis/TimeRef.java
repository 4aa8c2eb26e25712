package org.sitrep.analysis;

/** When an event happened: an ISO value ("2019-12-31", "2019-12", "1983"), its precision, and where it came from. */
public record TimeRef(String value, DatePrecision precision, String from, String text) {
    public static TimeRef publication(java.time.LocalDate d) {
        return new TimeRef(d.toString(), DatePrecision.DAY, "publication", null);
    }

    /** The first day of an ISO value's period ("2019-12-31", "2019-12", "2019", "2019-W52"), for sorting; null if it is none of these. */
    public static java.time.LocalDate periodStart(String value) {
        if (value == null) return null;
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) return java.time.LocalDate.parse(value);
            if (value.matches("\\d{4}-\\d{2}"))
                return java.time.YearMonth.parse(value).atDay(1);
            if (value.matches("\\d{4}")) return java.time.LocalDate.of(Integer.parseInt(value), 1, 1);
            if (value.matches("\\d{4}-W\\d{2}")) {
                return java.time.LocalDate.of(Integer.parseInt(value.substring(0, 4)), 1, 4)
                        .with(
                                java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                                Integer.parseInt(value.substring(6)))
                        .with(java.time.DayOfWeek.MONDAY);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * A date written without a year or week for something that already happened is the last such date before
     * publication: in an August 2024 story, "closed the crossing in February" is 2024-02, not 2025-02, and
     * "attacked on Monday" is the Monday before, not the one after.
     */
    public TimeRef inThePast(java.time.LocalDate published) {
        if (value == null || !value.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") || text != null && text.matches(".*\\d{4}.*"))
            return this;
        if (value.compareTo(published.toString().substring(0, value.length())) <= 0) return this;
        String earlier;
        if (value.length() == 10 && !java.time.LocalDate.parse(value).isAfter(published.plusDays(7))) {
            earlier = java.time.LocalDate.parse(value).minusDays(7).toString();
        } else {
            earlier = (Integer.parseInt(value.substring(0, 4)) - 1) + value.substring(4);
            if (earlier.endsWith("-02-29")) earlier = earlier.substring(0, 8) + "28";
        }
        return new TimeRef(earlier, precision, from, text);
    }
}
