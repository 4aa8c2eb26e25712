package org.sitrep.analysis;

import java.util.Locale;

/** How two events are linked: one caused the other ("in response to", "sparked"). */
public enum RelationType {
    CAUSE;

    /** The lower-case name the records and their JSON carry ("cause"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label, so string concatenation and the records keep the words they always had. */
    @Override
    public String toString() {
        return label();
    }
}
