package org.sitrep.analysis;

import java.util.Locale;

/**
 * How the text presents an event: as something that happened ({@code actual}) or something intended, demanded,
 * threatened, hypothetical, future, possible or obliged; {@code content} is an event that is the content of another
 * (what a rejected request asked for). Only actual events, and announced intentions, are coded.
 */
public enum Modality {
    ACTUAL, INTENDED, DEMANDED, THREATENED, HYPOTHETICAL, FUTURE, POSSIBLE, OBLIGATION, CONTENT;

    /** The lower-case name the records and their JSON carry ("intended"). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** The constant of a label ("intended"), e.g. one read from a data file; an unknown label is an error. */
    public static Modality of(String label) { return valueOf(label.toUpperCase(Locale.ROOT)); }

    /** The label, so string concatenation and the records keep the words they always had. */
    @Override public String toString() { return label(); }
}
