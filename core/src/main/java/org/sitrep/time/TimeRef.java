package org.sitrep.time;

/** When an event happened: an ISO value ("2019-12-31", "2019-12", "1983"), its precision, and where it came from. */
public record TimeRef(String value, String precision, String from, String text) {
    public static TimeRef publication(java.time.LocalDate d) {
        return new TimeRef(d.toString(), "day", "publication", null);
    }
}
