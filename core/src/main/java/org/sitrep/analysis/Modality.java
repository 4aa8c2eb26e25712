package org.sitrep.analysis;

import java.util.Locale;

/**
 * How the text presents an event: as something that happened ({@code actual}) or as something intended, demanded,
 * threatened, hypothetical, future, possible or obliged. An event that is what another is about takes that one's
 * frame: {@code demanded}, {@code promised}, {@code threatened}, {@code rejected}, {@code purpose} (what an act was
 * for), or {@code content} (what a protest, statement or meeting is about). Only actual events, and announced
 * intentions, are coded.
 */
public enum Modality {
    ACTUAL,
    INTENDED,
    DEMANDED,
    THREATENED,
    HYPOTHETICAL,
    FUTURE,
    POSSIBLE,
    OBLIGATION,
    PROMISED,
    REJECTED,
    PURPOSE,
    CONTENT;

    /** The lower-case name the records and their JSON carry ("intended"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of a label ("intended"), e.g. one read from a data file; an unknown label is an error. */
    public static Modality of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The label, so string concatenation and the records keep the words they always had. */
    @Override
    public String toString() {
        return label();
    }
}
