package org.sitrep.sources;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.sitrep.sources.Source.Format;

/** WARC web archives for {@link DocumentReader}: one document per captured HTML or plain-text page. */
final class WarcDocuments {
    private final DocumentReader reader;

    WarcDocuments(DocumentReader reader) {
        this.reader = reader;
    }

    /**
     * The pages of an archive, read lazily record by record. The last document carries a note of the responses
     * skipped; an archive that breaks ends with one error saying where, after the documents read before it.
     */
    Stream<Document> read(Source src, InputStream in, Closeable owned) {
        Spliterator<Document> docs =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    private WarcPages pages;
                    private Document held; // one document is held back so that the last can carry the archive's summary
                    private boolean done;
                    private boolean ended;

                    @Override
                    public boolean tryAdvance(Consumer<? super Document> action) {
                        while (!done) {
                            Document next = next();
                            if (next == null) break;
                            Document out = held;
                            held = next;
                            if (out != null) {
                                action.accept(out);
                                return true;
                            }
                        }
                        if (ended) return false;
                        ended = true;
                        Document last = held != null
                                ? held
                                : DocumentReader.failed(
                                        src, "no HTML or plain-text page with HTTP status 200 in the archive");
                        if (pages != null && pages.skipped() > 0) last = last.withWarning(skippedNote(pages));
                        if (pages != null && pages.brokenTrailerAtEnd) {
                            last = last.withWarning(
                                    "archive: its last record ends in a malformed trailer (line breaks to the end of the file)");
                        }
                        action.accept(last);
                        return true;
                    }

                    /** The next document, or null at the end; an archive that breaks yields an error and then ends. */
                    private Document next() {
                        try {
                            if (pages == null) pages = new WarcPages(in);
                            WarcPages.Page page = pages.next();
                            if (page != null) return capture(src, pages, page);
                            done = true;
                            DocumentReader.closeQuietly(owned);
                            return null;
                        } catch (IOException | RuntimeException e) { // jwarc reports some malformed headers unchecked
                            done = true;
                            DocumentReader.closeQuietly(owned);
                            return DocumentReader.failed(
                                    src,
                                    "archive cut short or corrupt at byte " + (pages == null ? 0 : pages.position())
                                            + ": " + DocumentReader.reason(e));
                        }
                    }
                };
        return StreamSupport.stream(docs, false).onClose(() -> DocumentReader.closeQuietly(owned));
    }

    /** A page from an archive, dated by the page if it says, else by when it was captured. */
    private Document capture(Source src, WarcPages pages, WarcPages.Page p) throws IOException {
        String origin = src.origin() + "@" + p.offset();
        // a record without a WARC-Record-ID still needs an id: its place in the archive
        String id = p.id() != null && !p.id().isBlank() ? p.id() : src.name() + "@" + p.offset();
        String host = DocumentReader.host(p.url());
        Format format = p.html() ? Format.HTML : Format.TEXT;
        int cap = (int) Math.min(
                DocumentReader.MAX_ARRAY,
                DocumentReader.times(
                                reader.maxChars(),
                                p.html() ? DocumentReader.HTML_BYTES_PER_CHAR : DocumentReader.BYTES_PER_CHAR_BOUND)
                        + DocumentReader.BYTES_PER_CHAR_BOUND);
        byte[] bytes;
        String problem;
        try {
            InputStream body = p.payload().open();
            bytes = body.readNBytes(cap + 1);
            problem = bytes.length <= cap
                    ? null
                    : reader.oversized(
                            format, new SequenceInputStream(new ByteArrayInputStream(bytes), body), null, -1);
        } catch (IOException e) {
            pages.skipRecord(); // throws if the archive itself breaks here; else the page's encoding is at fault
            bytes = null;
            problem = "cannot decode the page: " + DocumentReader.reason(e);
        }
        if (problem != null) {
            return new Document(id, "", null, null, p.url(), host, origin, null, List.of(), problem);
        }
        Decoding.Decoded decoded = Decoding.decode(bytes, p.charset(), p.html());
        String captured = Dates.toIso(p.date()).orElse(null);
        Document d;
        if (p.html()) {
            HtmlExtractor.Page page = HtmlExtractor.extract(decoded.text(), p.url() == null ? "" : p.url());
            boolean stated = Dates.toIso(page.published()).isPresent();
            d = new Document(
                            id,
                            page.text(),
                            stated || captured == null ? page.published() : captured,
                            page.title(),
                            p.url(),
                            host,
                            origin,
                            null,
                            decoded.warnings(),
                            null)
                    .withWarnings(page.warnings());
            if (page.published() != null && !stated && captured != null) {
                d = d.withWarning("unparseable publication date '" + page.published() + "': using the capture date");
            }
            if (HtmlExtractor.letters(page.text()) < HtmlExtractor.MIN_ARTICLE_LETTERS) {
                d = d.withError("HTML page has no article text");
            }
        } else {
            d = new Document(id, decoded.text(), captured, null, p.url(), host, origin, null, decoded.warnings(), null);
        }
        if (p.truncated() != null) d = d.withWarning("the archive holds this page cut short (" + p.truncated() + ")");
        return reader.finish(d, src, -1);
    }

    private static String skippedNote(WarcPages pages) {
        List<String> parts = new ArrayList<>();
        if (pages.notText > 0) parts.add(pages.notText + " not HTML or plain text");
        if (pages.notOk > 0) parts.add(pages.notOk + " with HTTP status other than 200");
        if (pages.unreadable > 0) parts.add(pages.unreadable + " unreadable");
        return "archive: skipped " + pages.skipped() + " response" + (pages.skipped() == 1 ? "" : "s") + " ("
                + String.join(", ", parts) + ")";
    }

    /** WARC/ at the start, plain or as the first gzip member (a .warc.gz compresses each record on its own). */
    static boolean isWarc(byte[] head) {
        byte[] start = head;
        if (head.length > 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(head))) {
                start = gz.readNBytes(5);
            } catch (IOException e) {
                return false;
            }
        }
        return start.length >= 5 && new String(start, 0, 5, StandardCharsets.ISO_8859_1).equals("WARC/");
    }
}
