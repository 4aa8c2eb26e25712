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
public record Document(
        String id,
        String text,
        String published,
        String title,
        String url,
        String outlet,
        String origin,
        String language,
        List<String> warnings,
        String error) {

    public Document {
        text = text == null ? "" : text;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A document made in code rather than read from a source (tests, {@code explain}, the API): English text with
     * its publication date (ISO yyyy-MM-dd, or null), its own id as its origin; add a title, URL or outlet with
     * the {@code with} methods.
     *
     * <pre>{@code Document d = Document.of("id-1", text, "2024-03-12").withTitle("Clashes in Goma");}</pre>
     */
    public static Document of(String id, String text, String published) {
        return new Document(id, text, published, null, null, null, id, "en", List.of(), null);
    }

    public Document withTitle(String title) {
        return new Document(id, text, published, title, url, outlet, origin, language, warnings, error);
    }

    public Document withUrl(String url) {
        return new Document(id, text, published, title, url, outlet, origin, language, warnings, error);
    }

    public Document withOutlet(String outlet) {
        return new Document(id, text, published, title, url, outlet, origin, language, warnings, error);
    }

    public Document withOrigin(String origin) {
        return new Document(id, text, published, title, url, outlet, origin, language, warnings, error);
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
        return error != null
                ? this
                : new Document(id, text, published, title, url, outlet, origin, language, warnings, reason);
    }

    /**
     * This document with every unpaired surrogate (a JSON escape of half a pair makes one; no encoding can write
     * it) replaced by U+FFFD, and a warning saying so; the same instance when there is none.
     */
    public Document wellFormed() {
        String[] fields = {id, text, published, title, url, outlet};
        int replaced = 0;
        for (int i = 0; i < fields.length; i++) {
            String fixed = wellFormed(fields[i]);
            if (fixed != fields[i]) {
                replaced += countUnpaired(fields[i]);
                fields[i] = fixed;
            }
        }
        if (replaced == 0) return this;
        return new Document(
                        fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], origin, language, warnings,
                        error)
                .withWarning(replaced + " unpaired UTF-16 surrogate" + (replaced == 1 ? "" : "s")
                        + " (not a character) replaced by U+FFFD");
    }

    /** {@code s} with unpaired surrogates replaced by U+FFFD; the same instance when it has none (or is null). */
    public static String wellFormed(String s) {
        if (s == null || countUnpaired(s) == 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static int countUnpaired(String s) {
        if (s == null) return 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) n++;
        }
        return n;
    }

    private List<String> plus(String warning) {
        if (warning == null) return warnings;
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return all;
    }
}
