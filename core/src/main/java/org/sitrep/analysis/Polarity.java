package org.sitrep.analysis;

import java.util.Locale;

/** Whether an event's text says it happened ({@code asserted}), did not ({@code negated}) or was tried and failed ({@code failed}). */
public enum Polarity {
    ASSERTED,
    NEGATED,
    FAILED;

    /** The lower-case name the records and their JSON carry ("negated"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of a label ("negated"); an unknown label is a bug in the caller or the data. */
    public static Polarity of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The label, so string concatenation and the records keep the words they always had. */
    @Override
    public String toString() {
        return label();
    }
}
