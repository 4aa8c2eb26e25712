package org.sitrep.sources;

import java.util.Locale;

/**
 * Where documents come from.
 *
 * @param name         file or stream name, the base of generated ids
 * @param origin       how to point a user at it (the path as given)
 * @param fallbackDate ISO date for documents without a usable publication date
 */
record Source(String name, String origin, Format format, String baseUri, String fallbackDate, String fallbackWarning) {

    /** The formats {@link DocumentReader} tells apart, by file extension or by sniffing the content. */
    enum Format {
        TEXT,
        HTML,
        JSON_LINES,
        JSON,
        JSON_OR_TEXT,
        FEED,
        WARC,
        UNKNOWN
    }

    String baseId() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".warc.gz")) return name.substring(0, name.length() - 8);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
