package org.sitrep.sources;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The pages captured in a WARC archive (plain or gzipped), read with jwarc one record at a time so that archives of
 * any size stream through: HTML and plain-text responses with HTTP status 200, and resource records of those types.
 * Other responses are skipped and counted; requests, metadata, warcinfo and revisit records hold no page.
 * The caller owns and closes the stream.
 */
final class WarcPages {

    /**
     * @param id        the WARC-Record-ID, else the target URI
     * @param date      the WARC-Date as written (UTC), or null
     * @param charset   the charset the Content-Type states, or null
     * @param payload   opens the payload with chunking and content encoding undone; valid until the next page
     * @param offset    where the record starts in the archive (in the compressed file for .warc.gz)
     * @param truncated why the crawler cut the record short (WARC-Truncated), or null
     */
    record Page(
            String id,
            String url,
            String date,
            boolean html,
            String charset,
            Payload payload,
            long offset,
            String truncated) {}

    /** Opening is where an unsupported or broken content encoding first shows, so it can fail. */
    interface Payload {
        InputStream open() throws IOException;
    }

    private final WarcReader reader;
    private final EndGuard end;
    /** The archive ended in a malformed record trailer followed only by line breaks (see {@link EndGuard}). */
    boolean brokenTrailerAtEnd;

    private WarcRecord current;
    int records;
    int notText;
    int notOk;
    int unreadable;

    WarcPages(InputStream in) throws IOException {
        end = new EndGuard(in);
        reader = new WarcReader(end);
        // tolerate what careless writers produce: bare LF line ends, stray control characters in headers
        reader.setLenient(true);
    }

    /** The next page, or null at the end; throws when the archive itself is cut short or corrupt. */
    Page next() throws IOException {
        while (true) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (EndGuard.StuckAtEnd e) { // every byte was read and every record before it returned
                brokenTrailerAtEnd = true;
                return null;
            }
            if (next.isEmpty()) return null;
            current = next.get();
            records++;
            Page page = page(current);
            if (page != null) return page;
        }
    }

    /** Where the current record starts, or where reading stopped after a failure. */
    long position() {
        return reader.position();
    }

    /**
     * Reads past the rest of the current record after its payload could not be decoded: returns if the record
     * itself is whole (the problem is the page's own), throws if the archive ends or breaks inside it.
     */
    void skipRecord() throws IOException {
        if (current != null) current.body().consume();
    }

    int skipped() {
        return notText + notOk + unreadable;
    }

    private Page page(WarcRecord record) throws IOException {
        MediaType type;
        Payload payload;
        if (record instanceof WarcResponse response) {
            if (!response.contentType().base().equals(MediaType.HTTP)) { // dns:, gemini: and such
                notText++;
                return null;
            }
            HttpResponse http;
            try {
                http = response.http();
                if (http.status() != 200) {
                    notOk++;
                    return null;
                }
                type = http.contentType();
                payload = () -> http.bodyDecoded().stream();
            } catch (IOException e) { // no usable HTTP header, so what it held is unknown
                skipRecord(); // a record cut short is the archive's problem, not this response's
                unreadable++;
                return null;
            }
        } else if (record instanceof WarcResource resource) {
            type = resource.contentType();
            payload = () -> resource.body().stream();
        } else {
            return null;
        }
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
        if (!html && !base.equals("text/plain")) {
            notText++;
            return null;
        }
        String url = ((WarcTargetRecord) record).target();
        String id = record.headers()
                .first("WARC-Record-ID")
                .map(WarcPages::unbracket)
                .orElse(url);
        return new Page(
                id,
                url,
                record.headers().first("WARC-Date").orElse(null),
                html,
                type.parameters().get("charset"),
                payload,
                reader.position(),
                record.headers().first("WARC-Truncated").orElse(null));
    }

    /**
     * Stops jwarc (0.36) from looping forever at the end of an archive that ends in a malformed record trailer
     * followed by line breaks only: its trailer scan then rereads stale bytes of its buffer after the end of the
     * stream, asks the stream for more, and starts over. A reader that heeds the end asks again a few times at
     * most, so asking past {@link #MAX_READS_AT_END} ends the archive.
     */
    private static final class EndGuard extends FilterInputStream {
        static final int MAX_READS_AT_END = 16;
        private int readsAtEnd;

        static final class StuckAtEnd extends IOException {
            StuckAtEnd() {
                super("the WARC reader kept reading past the end of the archive");
            }
        }

        EndGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return atEnd(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return atEnd(super.read(b, off, len));
        }

        private int atEnd(int result) throws StuckAtEnd {
            if (result < 0 && ++readsAtEnd > MAX_READS_AT_END) throw new StuckAtEnd();
            return result;
        }
    }

    private static String unbracket(String s) {
        s = s.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }
}
