package org.sitrep.analysis;

import java.util.Locale;

/** How precisely an event's date is known: the day, the ISO week, the month, the year or the decade. */
public enum DatePrecision {
    DAY,
    WEEK,
    MONTH,
    YEAR,
    DECADE;

    /** The lower-case name the records and their JSON carry ("month"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label, so string concatenation and the records keep the words they always had. */
    @Override
    public String toString() {
        return label();
    }
}
