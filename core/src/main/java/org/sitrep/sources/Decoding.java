package org.sitrep.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw bytes into text: binary detection, charset choice with warnings, line-end normalisation. */
final class Decoding {

    /** How much of a source is inspected to call it binary or to sniff its format. */
    static final int HEAD = 8192;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Decoded(String text, List<String> warnings) {}

    private Decoding() {}

    /** UTF-16 with a byte order mark is text even though it is full of NUL bytes (PowerShell writes it by default). */
    static Charset utf16Bom(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    /**
     * UTF-16 by its byte order mark or, without one, by where its NUL bytes fall: English in UTF-16 is mostly
     * characters below U+0100, so one byte of each pair is NUL (the second in little-endian, the first in big-endian)
     * and the other almost never is. Binary data can alternate NULs too, so the head must also decode to text.
     */
    static Charset utf16(byte[] head) {
        Charset bom = utf16Bom(head);
        return bom != null ? bom : utf16WithoutBom(head);
    }

    static Charset utf16WithoutBom(byte[] head) {
        int pairs = Math.min(head.length, HEAD) / 2;
        if (pairs < 2) return null;
        int firstNul = 0, secondNul = 0;
        for (int i = 0; i < pairs; i++) {
            if (head[2 * i] == 0) firstNul++;
            if (head[2 * i + 1] == 0) secondNul++;
        }
        Charset charset = secondNul * 10L >= pairs * 6L && firstNul * 10L <= pairs
                ? StandardCharsets.UTF_16LE
                : firstNul * 10L >= pairs * 6L && secondNul * 10L <= pairs ? StandardCharsets.UTF_16BE : null;
        if (charset == null) return null;
        String text = new String(head, 0, pairs * 2, charset);
        long controls =
                text.chars().filter(c -> c == 0 || (c < 0x80 && isControl(c))).count();
        return controls * 10L > text.length() ? null : charset;
    }

    /** A NUL byte, or more than 10% control characters other than \t \n \f \r, in the first {@link #HEAD} bytes. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, HEAD);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (isControl(b)) controls++;
        }
        return controls * 10L > n;
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
    }

    /**
     * Decodes as UTF-8, replacing bad bytes with U+FFFD and saying where the first one was. Text that is not UTF-8
     * at all (no valid multi-byte sequence) but clean windows-1252 is decoded as such: legacy Windows exports are
     * common and replacing every accented letter would lose real content.
     *
     * @param offset position of {@code bytes} in the whole source, so warnings point at the right byte
     */
    static Decoded decode(byte[] bytes, long offset) {
        return decode(bytes, offset, null);
    }

    /** As {@link #decode(byte[], long)}, or as UTF-16 when {@code utf16} (from {@link #utf16}) says so. */
    static Decoded decode(byte[] bytes, long offset, Charset utf16) {
        Charset bom = utf16Bom(bytes);
        if (bom != null) return new Decoded(normalise(new String(bytes, 2, bytes.length - 2, bom)), List.of());
        if (utf16 != null) {
            return new Decoded(
                    normalise(new String(bytes, utf16)),
                    List.of("no byte order mark: decoded as " + utf16.name() + " (by where its NUL bytes fall)"));
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Utf8Scan scan = scanUtf8(bytes, start);
        List<String> warnings = new ArrayList<>();
        String text;
        if (scan.firstInvalid < 0) {
            text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } else if (scan.validMultiByte == 0 && isCleanWindows1252(bytes, start)) {
            text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
            warnings.add("not UTF-8: decoded as windows-1252");
        } else {
            // String(byte[], UTF_8) replaces each malformed sequence with U+FFFD and keeps everything else
            text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            warnings.add("invalid UTF-8 at byte " + (offset + scan.firstInvalid) + ": bytes replaced with U+FFFD");
        }
        return new Decoded(normalise(text), warnings);
    }

    // <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x"> alike
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * Decodes a web page or text in the charset stated by its Content-Type or, for HTML, a meta tag near the start;
     * without one, or when it says UTF-8, as {@link #decode(byte[], long)} does. A byte order mark wins, as in
     * browsers.
     */
    static Decoded decode(byte[] bytes, String declared, boolean html) {
        String name = declared != null && !declared.isBlank() ? declared.strip() : html ? metaCharset(bytes) : null;
        if (name == null || utf16Bom(bytes) != null || hasUtf8Bom(bytes))
            return decode(bytes, 0, name == null ? utf16(bytes) : null);
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            Decoded d = decode(bytes, 0);
            List<String> warnings = new ArrayList<>(d.warnings());
            warnings.add(0, "unknown charset '" + name + "': decoded as UTF-8");
            return new Decoded(d.text(), warnings);
        }
        if (charset.equals(StandardCharsets.UTF_8)) return decode(bytes, 0);
        // pages labelled Latin-1 or ASCII are windows-1252 in practice, and browsers read them so
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            charset = WINDOWS_1252;
        }
        return new Decoded(normalise(new String(bytes, charset)), List.of());
    }

    private static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Decodes loosely, only to look at how the content starts. */
    static String peek(byte[] head) {
        Charset utf16 = utf16(head);
        int skip = utf16Bom(head) != null ? 2 : 0;
        String s = utf16 != null
                ? new String(head, skip, head.length - skip, utf16)
                : new String(head, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The only changes made to decoded text: no leading BOM, and \r\n or \r become \n. */
    static String normalise(String s) {
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Counts the characters {@code in} decodes to (after line-end normalisation) without keeping them,
     * so an oversized file can be measured and rejected in constant memory.
     */
    static long countChars(InputStream in, Charset charset) throws IOException {
        Reader reader = new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        char[] buf = new char[1 << 16];
        long count = 0;
        char previous = 0;
        for (int n; (n = reader.read(buf)) > 0; ) {
            count += n;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n' && previous == '\r') count--;
                previous = buf[i];
            }
        }
        return count;
    }

    static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private record Utf8Scan(int firstInvalid, int validMultiByte) {}

    /**
     * Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). Scans to the end
     * because the windows-1252 decision needs to know whether any valid multi-byte sequence exists at all.
     */
    private static Utf8Scan scanUtf8(byte[] b, int start) {
        int firstInvalid = -1;
        int valid = 0;
        int i = start;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len == 0) {
                if (firstInvalid < 0) firstInvalid = i;
                i++;
            } else {
                if (len > 1) valid++;
                i += len;
            }
        }
        return new Utf8Scan(firstInvalid, valid);
    }

    /** Length of the well-formed UTF-8 sequence at {@code i}, or 0 if there is none. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0x80) return 1;
        int len;
        int min2 = 0x80, max2 = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) min2 = 0xA0;
            if (c == 0xED) max2 = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) min2 = 0x90;
            if (c == 0xF4) max2 = 0x8F;
        } else return 0;
        if (i + len > b.length) return 0;
        int second = b[i + 1] & 0xFF;
        if (second < min2 || second > max2) return 0;
        for (int k = 2; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) return 0;
        }
        return len;
    }

    /** Every byte defined in windows-1252 and none a control character. */
    private static boolean isCleanWindows1252(byte[] b, int start) {
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D || isControl(c)) return false;
        }
        return true;
    }
}
