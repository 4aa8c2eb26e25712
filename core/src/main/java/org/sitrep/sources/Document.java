package org.sitrep.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * A news document as read from its source. {@code text} is never null ("" when unreadable).
 *
 * @param id        given in the input (a feed item's guid or link, a WARC record's id), else derived from the
 *                  file name ("name:line" for JSON Lines)
 * @param text      the body as decoded; only a leading BOM is stripped and line ends become \n,
 *                  so character offsets into it stay meaningful downstream
 * @param published publication date as ISO yyyy-MM-dd; null when the document has an error
 * @param title     headline, or null
 * @param url       canonical URL, or null
 * @param outlet    publishing outlet, or null
 * @param origin    where it was read from: a path, "path:line" for JSON Lines, "path[n]" for an item of a JSON
 *                  array or a feed, "path@offset" for a record of a WARC archive, or a stream name
 * @param language  detected ISO 639-1 code ("und" if unknown); null if not checked because of an earlier error
 * @param warnings  non-fatal notes, in the order they arose
 * @param error     why the document cannot be coded, in plain words; null when it can
 */
public record Document(String id, String text, String published, String title, String url, String outlet,
                       String origin, String language, List<String> warnings, String error) {

    public Document {
        text = text == null ? "" : text;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A document that could not be read at all. */
    public static Document failed(String id, String origin, String error) {
        return new Document(id, "", null, null, null, null, origin, null, List.of(), error);
    }

    /** True when the document can be coded; warnings do not prevent that. */
    public boolean ok() {
        return error == null;
    }

    /** Sets the publication date, adding {@code warning} unless it is null. */
    public Document withPublished(String date, String warning) {
        return new Document(id, text, date, title, url, outlet, origin, language, plus(warning), error);
    }

    public Document withLanguage(String code) {
        return new Document(id, text, published, title, url, outlet, origin, code, warnings, error);
    }

    public Document withWarning(String warning) {
        return new Document(id, text, published, title, url, outlet, origin, language, plus(warning), error);
    }

    public Document withWarnings(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Document(id, text, published, title, url, outlet, origin, language, all, error);
    }

    /** Marks the document as uncodable; the first error wins because later checks depend on earlier ones. */
    public Document withError(String reason) {
        return error != null ? this
                : new Document(id, text, published, title, url, outlet, origin, language, warnings, reason);
    }

    private List<String> plus(String warning) {
        if (warning == null) return warnings;
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return all;
    }
}
