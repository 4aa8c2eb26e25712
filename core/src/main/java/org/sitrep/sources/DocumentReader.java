package org.sitrep.sources;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sitrep.sources.Source.Format;

/**
 * Reads news documents from files, directories and streams. Bad input never stops a batch: each problem comes back
 * as a {@link Document} whose {@code error} says what is wrong, and reading goes on with the next document.
 *
 * <p>Streams returned for a file may hold it open until fully consumed; close them (try-with-resources) when
 * stopping early.
 *
 * <p>This class finds the inputs, tells their formats apart, holds each to its size limit and checks every document
 * the same way ({@link #finish}); plain text and HTML are read here, JSON and JSON Lines by {@link JsonDocuments},
 * feeds by {@link FeedDocuments}, web archives by {@link WarcDocuments}.
 */
public final class DocumentReader {

    /**
     * @param defaultPublished ISO date for documents that state none; null to fall back to the file's modification
     *                         date (today for streams), with a warning
     * @param maxChars         longest text accepted, in characters; longer documents are rejected, not truncated,
     *                         because a silently cut article would be coded as if it were complete
     */
    public record Options(String defaultPublished, long maxChars) {
        public static final long DEFAULT_MAX_CHARS = 1_000_000;

        public Options {
            if (maxChars <= 0) throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
            if (defaultPublished != null) {
                String given = defaultPublished;
                defaultPublished = Dates.toIso(given)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "default publication date is not a date: '" + given + "'"));
            }
        }

        public static Options defaults() {
            return new Options(null, DEFAULT_MAX_CHARS);
        }
    }

    private static final String STDIN = "-";
    // UTF-8 needs at most 3 bytes per Java char, so a text with more than 4 bytes per allowed char is surely too long
    static final int BYTES_PER_CHAR_BOUND = 4;
    // HTML carries markup, scripts and styles around the text; pages many times the text limit are normal.
    // A feed, read whole too, is held to the same bound: its items carry markup, and few feeds hold many stories.
    static final int HTML_BYTES_PER_CHAR = 16;
    // a JSON array is read whole, unlike JSON Lines; beyond this, JSON Lines is the right format
    private static final int JSON_BYTES_PER_CHAR = 64;
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Options options;
    private final JsonDocuments json = new JsonDocuments(this);
    private final FeedDocuments feeds = new FeedDocuments(this);
    private final WarcDocuments warcs = new WarcDocuments(this);

    public DocumentReader(Options options) {
        this.options = options;
    }

    long maxChars() {
        return options.maxChars();
    }

    /**
     * Reads each input in order: a file, a directory (recursively, files sorted by path, hidden files skipped),
     * or "-" for stdin. Never throws for bad content: a bad document comes back with error set; an unreadable
     * path too.
     */
    public Stream<Document> read(List<String> inputs) {
        return lazyFlat(inputs, this::readInput);
    }

    /**
     * Like {@code parts.stream().flatMap(f)}, but each part is read only as far as the consumer goes: an
     * iterator over a flatMapped stream buffers a whole inner stream first, a million-line file in memory.
     */
    static <P> Stream<Document> lazyFlat(List<P> parts, java.util.function.Function<P, Stream<Document>> f) {
        Iterator<P> outer = parts.iterator();
        var open = new java.util.concurrent.atomic.AtomicReference<Stream<Document>>();
        Iterator<Document> docs = new Iterator<>() {
            Iterator<Document> inner = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!inner.hasNext()) {
                    Stream<Document> done = open.getAndSet(null);
                    if (done != null) done.close();
                    if (!outer.hasNext()) return false;
                    open.set(f.apply(outer.next()));
                    inner = open.get().iterator();
                }
                return true;
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return inner.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(docs, Spliterator.ORDERED), false)
                .onClose(() -> {
                    if (open.get() != null) open.get().close();
                });
    }

    /**
     * One file (a JSON Lines or JSON array file, a feed or a WARC archive yields many documents); a directory is
     * read as in {@link #read(List)}.
     */
    public Stream<Document> read(Path file) {
        String shown = file.toString();
        InputStream in = null;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isDirectory()) return readDirectory(file);
            String modified = LocalDate.ofInstant(attrs.lastModifiedTime().toInstant(), ZoneId.systemDefault())
                    .toString();
            String name =
                    file.getFileName() == null ? shown : file.getFileName().toString();
            Source source = new Source(
                    name,
                    shown,
                    formatOf(name),
                    file.toUri().toString(),
                    modified,
                    "no publication date: using the file's modification date");
            in = Files.newInputStream(file);
            // pipes and devices have no meaningful size
            return read(source, in, attrs.isRegularFile() ? attrs.size() : -1, in);
        } catch (IOException | SecurityException e) {
            closeQuietly(in);
            return Stream.of(Document.failed(shown, shown, "cannot read: " + reason(e)));
        }
    }

    /** Reads a stream the caller owns and closes (stdin, tests); the format is sniffed from the content. */
    public Stream<Document> read(String name, InputStream in) {
        Source source = new Source(
                name, name, formatOf(name), "", LocalDate.now().toString(), "no publication date: using today's date");
        return read(source, in, -1, null);
    }

    /**
     * Reads a file held elsewhere (a Hadoop filesystem, an object store) exactly as {@link #read(Path)} reads a
     * local one: {@code name} is the file name (the base of generated ids), {@code origin} its full path,
     * {@code modified} its modification date (ISO) for documents without one. The stream is closed here.
     */
    public Stream<Document> read(String name, String origin, InputStream in, long size, String modified) {
        Source source = new Source(
                name,
                origin,
                formatOf(name),
                origin,
                modified,
                "no publication date: using the file's modification date");
        return read(source, in, size, in);
    }

    /**
     * A document given as fields (a row of a table), checked like every document read: empty, over-long and
     * non-English texts get an error, the publication date is settled.
     */
    public Document fields(
            String id, String text, String published, String title, String url, String outlet, String origin) {
        Document d = new Document(
                id,
                text == null ? "" : Decoding.normalise(text),
                published,
                title,
                url,
                outlet,
                origin,
                null,
                List.of(),
                null);
        return finish(
                d,
                new Source(
                        id,
                        origin,
                        Format.TEXT,
                        "",
                        LocalDate.now().toString(),
                        "no publication date: using today's date"),
                -1);
    }

    private Stream<Document> readInput(String input) {
        if (input.equals(STDIN)) return read("stdin", System.in);
        try {
            return read(Path.of(input));
        } catch (InvalidPathException e) {
            return Stream.of(Document.failed(input, input, "cannot read: invalid path (" + e.getReason() + ")"));
        }
    }

    private record Entry(Path path, Document failure) {}

    private Stream<Document> readDirectory(Path dir) {
        List<Entry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(dir, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    // sockets and pipes inside a tree are not documents, and reading a pipe could block forever
                    if (attrs.isRegularFile() && !isHidden(f)) entries.add(new Entry(f, null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    // a symlink loop is a tree already visited, not a document
                    if (!isHidden(f) && !(e instanceof FileSystemLoopException)) {
                        entries.add(
                                new Entry(f, Document.failed(f.toString(), f.toString(), "cannot read: " + reason(e))));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return Stream.of(Document.failed(dir.toString(), dir.toString(), "cannot read: " + reason(e)));
        }
        entries.sort(Comparator.comparing(Entry::path));
        return lazyFlat(entries, e -> e.failure() != null ? Stream.of(e.failure()) : read(e.path()));
    }

    private static boolean isHidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    /** Reads one source; {@code owned} (null for a caller's stream) is closed once its documents are read. */
    private Stream<Document> read(Source src, InputStream raw, long size, Closeable owned) {
        boolean streaming = false;
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(Decoding.HEAD);
            byte[] head = in.readNBytes(Decoding.HEAD);
            in.reset();
            if (head.length == 0) return Stream.of(failed(src, "empty document"));
            // an archive is read record by record, and a .warc.gz is binary
            if (src.format() == Format.WARC || (src.format() == Format.UNKNOWN && WarcDocuments.isWarc(head))) {
                streaming = true;
                return warcs.read(src, in, owned);
            }
            Charset utf16 = Decoding.utf16(head);
            if (utf16 == null && Decoding.looksBinary(head)) return Stream.of(failed(src, "binary file (not text)"));
            Format format = src.format() != Format.UNKNOWN ? src.format() : sniff(Decoding.peek(head));
            // JSON Lines is streamed line by line: such a file may hold far more than one document's limit
            if (format == Format.JSON_LINES
                    && utf16 == null
                    && (src.format() == Format.JSON_LINES
                            || json.firstLineIsObject(Decoding.peek(head), head.length))) {
                streaming = true;
                return json.lines(src, in, owned);
            }
            return readWhole(src, in, size, format, utf16);
        } catch (IOException e) {
            return Stream.of(failed(src, "cannot read: " + reason(e)));
        } finally {
            if (!streaming) closeQuietly(owned);
        }
    }

    private Stream<Document> readWhole(Source src, InputStream in, long size, Format format, Charset utf16)
            throws IOException {
        int perChar =
                switch (format) {
                    case HTML, FEED -> HTML_BYTES_PER_CHAR;
                    case JSON, JSON_LINES -> JSON_BYTES_PER_CHAR;
                    default -> BYTES_PER_CHAR_BOUND;
                };
        int cap = (int) Math.min(MAX_ARRAY, times(options.maxChars(), perChar) + BYTES_PER_CHAR_BOUND);
        // a file known to be too big is measured as it streams past, never held in memory
        if (size > cap) return Stream.of(oversized(src, format, in, utf16, size));
        byte[] bytes = in.readNBytes(cap + 1);
        if (bytes.length > cap) {
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(bytes), in);
            return Stream.of(oversized(src, format, all, utf16, -1));
        }
        if (format == Format.FEED) return feeds.read(src, bytes); // the XML parser decodes as the feed declares
        Decoding.Decoded decoded = Decoding.decode(bytes, 0, utf16);
        return switch (format) {
            case HTML -> Stream.of(html(src, decoded));
            case JSON, JSON_LINES, JSON_OR_TEXT -> json.read(src, decoded, format, bytes.length);
            default -> Stream.of(plain(src, decoded, bytes.length));
        };
    }

    private Document oversized(Source src, Format format, InputStream in, Charset utf16, long size) throws IOException {
        return failed(src, oversized(format, in, utf16, size));
    }

    /** Explains why a source is too big; {@code size} is its byte count if known, else it is measured. */
    String oversized(Format format, InputStream in, Charset utf16, long size) throws IOException {
        CountingStream counted = new CountingStream(in);
        if (format == Format.HTML || format == Format.FEED || format == Format.JSON || format == Format.JSON_LINES) {
            double mb = (size >= 0 ? size : counted.transferTo(OutputStream.nullOutputStream())) / 1e6;
            if (format == Format.HTML || format == Format.FEED) {
                return String.format(
                        Locale.ROOT,
                        "%s is %.1f MB, too large to %s (limit %.1f MB = %d x max chars);" + " raise --max-chars",
                        format == Format.HTML ? "HTML page" : "feed",
                        mb,
                        format == Format.HTML ? "extract" : "read at once",
                        options.maxChars() * HTML_BYTES_PER_CHAR / 1e6,
                        HTML_BYTES_PER_CHAR);
            }
            return String.format(
                    Locale.ROOT,
                    "JSON file is %.1f MB, too large to read at once;"
                            + " write it as JSON Lines (one document per line) or raise --max-chars",
                    mb);
        }
        long chars = Decoding.countChars(counted, utf16 != null ? utf16 : StandardCharsets.UTF_8);
        return tooLong(counted.count, chars);
    }

    private String tooLong(long bytes, long chars) {
        return String.format(
                Locale.ROOT,
                "document is %.1f MB (%d chars), over the limit of %d chars;" + " split it or raise --max-chars",
                bytes / 1e6,
                chars,
                options.maxChars());
    }

    Document plain(Source src, Decoding.Decoded decoded, long bytes) {
        Document d = new Document(
                src.baseId(), decoded.text(), null, null, null, null, src.origin(), null, decoded.warnings(), null);
        return finish(d, src, bytes);
    }

    private Document html(Source src, Decoding.Decoded decoded) {
        HtmlExtractor.Page page = HtmlExtractor.extract(decoded.text(), src.baseUri());
        Document d = new Document(
                        src.baseId(),
                        page.text(),
                        page.published(),
                        page.title(),
                        page.url(),
                        page.outlet(),
                        src.origin(),
                        null,
                        decoded.warnings(),
                        null)
                .withWarnings(page.warnings());
        if (HtmlExtractor.letters(page.text()) < HtmlExtractor.MIN_ARTICLE_LETTERS) {
            d = d.withError("HTML page has no article text");
        }
        return finish(d, src, -1);
    }

    /** The lower-case host of a URL, or null. */
    static String host(String url) {
        if (url == null) return null;
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- checks shared by all formats ----------------------------------------------------------------------------

    /** Checks a document read from {@code src} and settles its publication date; the first problem found wins. */
    Document finish(Document d, Source src, long bytes) {
        d = d.wellFormed(); // a numeric reference or escape can make half a surrogate pair, which no writer can encode
        if (!d.ok()) return d;
        String text = d.text();
        if (text.isBlank()) return d.withError("empty document");
        if (text.length() > options.maxChars()) {
            return d.withError(tooLong(bytes >= 0 ? bytes : utf8Length(text), text.length()));
        }
        d = withLanguageChecked(d);
        return d.ok() ? dated(d, src) : d;
    }

    /**
     * The language check the reader applies, for documents that come by other ways (the API): the detected
     * language set, and an error when it is not English.
     */
    public static Document withLanguageChecked(Document d) {
        String language = Language.detect(d.text());
        d = d.withLanguage(language);
        return language.equals(Language.ENGLISH)
                ? d
                : d.withError("not English (detected: " + language + "); sitrep codes English text only");
    }

    private Document dated(Document d, Source src) {
        String given = d.published();
        if (given != null && !given.isBlank()) {
            Optional<String> iso = Dates.toIso(given);
            if (iso.isPresent()) return d.withPublished(iso.get(), null);
            d = d.withWarning("unparseable publication date '" + given + "'");
        }
        if (options.defaultPublished() != null) return d.withPublished(options.defaultPublished(), null);
        return d.withPublished(src.fallbackDate(), src.fallbackWarning());
    }

    static Document failed(Source src, String reason) {
        return Document.failed(src.baseId(), src.origin(), reason);
    }

    private static Format formatOf(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".warc.gz")) return Format.WARC;
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "jsonl", "ndjson" -> Format.JSON_LINES;
            case "json" -> Format.JSON;
            case "html", "htm", "xhtml" -> Format.HTML;
            case "txt", "text" -> Format.TEXT;
            case "rss", "atom" -> Format.FEED;
            case "warc" -> Format.WARC;
            default -> Format.UNKNOWN;
        };
    }

    private static Format sniff(String content) {
        if (Feeds.isFeed(content)) return Format.FEED; // before HTML: an old RSS feed may start with its DOCTYPE
        String s = content.stripLeading();
        if (s.startsWith("{")) return Format.JSON_LINES;
        if (s.startsWith("[")) return Format.JSON_OR_TEXT;
        String start = s.substring(0, Math.min(s.length(), 9)).toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype") || start.startsWith("<html")) return Format.HTML;
        return Format.TEXT;
    }

    /** a * b, saturating well below overflow so that a margin can still be added. */
    static long times(long a, int b) {
        return a > Long.MAX_VALUE / 4 / b ? Long.MAX_VALUE / 4 : a * b;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileSystemLoopException) return "symbolic link loop";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // nothing useful to do: everything needed has been read
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
