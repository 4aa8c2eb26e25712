package org.sitrep.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Splits a byte stream into lines before decoding, so each line's encoding problems stay its own. */
final class LineReader {
    private final InputStream in;
    private final long maxLength;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long next; // byte offset of the next line
    int number; // 1-based number of the line last returned
    long offset; // its byte offset in the stream
    long length; // its length in bytes, including any part dropped for being too long

    LineReader(InputStream in, long maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its \n (at most maxLength bytes kept), or null at the end. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long len = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(buf);
                if (n <= 0) {
                    if (!any) return null;
                    break;
                }
                pos = 0;
                end = n;
            }
            any = true;
            int nl = pos;
            while (nl < end && buf[nl] != '\n') nl++;
            int n = nl - pos;
            if (len + n <= maxLength) line.write(buf, pos, n);
            len += n;
            boolean found = nl < end;
            pos = found ? nl + 1 : end;
            if (found) break;
        }
        number++;
        offset = next;
        length = len;
        next += len + 1;
        return line.toByteArray();
    }

    boolean overflowed() {
        return length > maxLength;
    }
}
