package org.sitrep.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads news documents from files, directories and streams. Bad input never stops a batch: each problem comes back
 * as a {@link Document} whose {@code error} says what is wrong, and reading goes on with the next document.
 *
 * <p>Streams returned for a file may hold it open until fully consumed; close them (try-with-resources) when
 * stopping early.
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
                defaultPublished = Dates.toIso(given).orElseThrow(
                        () -> new IllegalArgumentException("default publication date is not a date: '" + given + "'"));
            }
        }

        public static Options defaults() {
            return new Options(null, DEFAULT_MAX_CHARS);
        }
    }

    private enum Format { TEXT, HTML, JSON_LINES, JSON, JSON_OR_TEXT, FEED, WARC, UNKNOWN }

    /**
     * Where documents come from.
     *
     * @param name         file or stream name, the base of generated ids
     * @param origin       how to point a user at it (the path as given)
     * @param fallbackDate ISO date for documents without a usable publication date
     */
    private record Source(String name, String origin, Format format, String baseUri,
                          String fallbackDate, String fallbackWarning) {
        String baseId() {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".warc.gz")) return name.substring(0, name.length() - 8);
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    private static final String STDIN = "-";
    // UTF-8 needs at most 3 bytes per Java char, so a text with more than 4 bytes per allowed char is surely too long
    private static final int BYTES_PER_CHAR_BOUND = 4;
    // HTML carries markup, scripts and styles around the text; pages many times the text limit are normal.
    // A feed, read whole too, is held to the same bound: its items carry markup, and few feeds hold many stories.
    private static final int HTML_BYTES_PER_CHAR = 16;
    // a JSON array is read whole, unlike JSON Lines; beyond this, JSON Lines is the right format
    private static final int JSON_BYTES_PER_CHAR = 64;
    // JSON escapes such as \u00e9 take 6 bytes for one char, plus room for the other fields
    private static final int JSON_LINE_BYTES_PER_CHAR = 8;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Options options;
    private final ObjectMapper json;

    public DocumentReader(Options options) {
        this.options = options;
        // the reader enforces its own size limits, so Jackson's default cap on string length must not interfere
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_ARRAY).build()).build();
        this.json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
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
                .onClose(() -> { if (open.get() != null) open.get().close(); });
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
            String name = file.getFileName() == null ? shown : file.getFileName().toString();
            Source source = new Source(name, shown, formatOf(name), file.toUri().toString(), modified,
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
        Source source = new Source(name, name, formatOf(name), "", LocalDate.now().toString(),
                "no publication date: using today's date");
        return read(source, in, -1, null);
    }

    /**
     * Reads a file held elsewhere (a Hadoop filesystem, an object store) exactly as {@link #read(Path)} reads a
     * local one: {@code name} is the file name (the base of generated ids), {@code origin} its full path,
     * {@code modified} its modification date (ISO) for documents without one. The stream is closed here.
     */
    public Stream<Document> read(String name, String origin, InputStream in, long size, String modified) {
        Source source = new Source(name, origin, formatOf(name), origin, modified,
                "no publication date: using the file's modification date");
        return read(source, in, size, in);
    }

    /**
     * A document given as fields (a row of a table), checked like every document read: empty, over-long and
     * non-English texts get an error, the publication date is settled.
     */
    public Document fields(String id, String text, String published, String title, String url, String outlet, String origin) {
        Document d = new Document(id, text == null ? "" : Decoding.normalise(text), published, title, url, outlet, origin,
                null, List.of(), null);
        return finish(d, new Source(id, origin, Format.TEXT, "", LocalDate.now().toString(),
                "no publication date: using today's date"), -1);
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
                        entries.add(new Entry(f, Document.failed(f.toString(), f.toString(), "cannot read: " + reason(e))));
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
            if (src.format() == Format.WARC || (src.format() == Format.UNKNOWN && isWarc(head))) {
                streaming = true;
                return warc(src, in, owned);
            }
            Charset utf16 = Decoding.utf16(head);
            if (utf16 == null && Decoding.looksBinary(head)) return Stream.of(failed(src, "binary file (not text)"));
            Format format = src.format() != Format.UNKNOWN ? src.format() : sniff(Decoding.peek(head));
            // JSON Lines is streamed line by line: such a file may hold far more than one document's limit
            if (format == Format.JSON_LINES && utf16 == null
                    && (src.format() == Format.JSON_LINES || firstLineIsObject(Decoding.peek(head), head.length))) {
                streaming = true;
                return jsonLines(src, in, owned);
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
        int perChar = switch (format) {
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
        if (format == Format.FEED) return feed(src, bytes); // the XML parser decodes as the feed declares
        Decoding.Decoded decoded = Decoding.decode(bytes, 0, utf16);
        return switch (format) {
            case HTML -> Stream.of(html(src, decoded));
            case JSON, JSON_LINES, JSON_OR_TEXT -> json(src, decoded, format, bytes.length);
            default -> Stream.of(plain(src, decoded, bytes.length));
        };
    }

    private Document oversized(Source src, Format format, InputStream in, Charset utf16, long size) throws IOException {
        return failed(src, oversized(format, in, utf16, size));
    }

    /** Explains why a source is too big; {@code size} is its byte count if known, else it is measured. */
    private String oversized(Format format, InputStream in, Charset utf16, long size) throws IOException {
        CountingStream counted = new CountingStream(in);
        if (format == Format.HTML || format == Format.FEED || format == Format.JSON || format == Format.JSON_LINES) {
            double mb = (size >= 0 ? size : counted.transferTo(OutputStream.nullOutputStream())) / 1e6;
            if (format == Format.HTML || format == Format.FEED) {
                return String.format(Locale.ROOT, "%s is %.1f MB, too large to %s (limit %.1f MB = %d x max chars);"
                        + " raise --max-chars", format == Format.HTML ? "HTML page" : "feed", mb,
                        format == Format.HTML ? "extract" : "read at once",
                        options.maxChars() * HTML_BYTES_PER_CHAR / 1e6, HTML_BYTES_PER_CHAR);
            }
            return String.format(Locale.ROOT, "JSON file is %.1f MB, too large to read at once;"
                    + " write it as JSON Lines (one document per line) or raise --max-chars", mb);
        }
        long chars = Decoding.countChars(counted, utf16 != null ? utf16 : StandardCharsets.UTF_8);
        return tooLong(counted.count, chars);
    }

    private String tooLong(long bytes, long chars) {
        return String.format(Locale.ROOT, "document is %.1f MB (%d chars), over the limit of %d chars;"
                + " split it or raise --max-chars", bytes / 1e6, chars, options.maxChars());
    }

    private Document plain(Source src, Decoding.Decoded decoded, long bytes) {
        Document d = new Document(src.baseId(), decoded.text(), null, null, null, null, src.origin(), null,
                decoded.warnings(), null);
        return finish(d, src, bytes);
    }

    private Document html(Source src, Decoding.Decoded decoded) {
        HtmlExtractor.Page page = HtmlExtractor.extract(decoded.text(), src.baseUri());
        Document d = new Document(src.baseId(), page.text(), page.published(), page.title(), page.url(),
                page.outlet(), src.origin(), null, decoded.warnings(), null).withWarnings(page.warnings());
        if (HtmlExtractor.letters(page.text()) < HtmlExtractor.MIN_ARTICLE_LETTERS) {
            d = d.withError("HTML page has no article text");
        }
        return finish(d, src, -1);
    }

    // ---- JSON ----------------------------------------------------------------------------------------------------

    /** A whole JSON document: one object, an array of objects, or JSON Lines that could not be streamed. */
    private Stream<Document> json(Source src, Decoding.Decoded decoded, Format format, long bytes) {
        String text = decoded.text();
        JsonNode root;
        try {
            root = readTree(text);
        } catch (JsonProcessingException e) {
            if (e instanceof StreamConstraintsException) return Stream.of(failed(src, located(e)).withWarnings(decoded.warnings()));
            if (format == Format.JSON_OR_TEXT) return Stream.of(plain(src, decoded, bytes)); // "[Reuters] ..." is text
            if (format == Format.JSON_LINES || firstLineIsObject(text, -1)) return jsonLines(src, decoded);
            return Stream.of(failed(src, located(e)).withWarnings(decoded.warnings()));
        }
        if (root == null || root.isMissingNode()) return Stream.of(failed(src, "empty document"));
        if (root.isObject()) {
            return Stream.of(finish(fromJson(root, src.baseId(), src.origin(), null, decoded.warnings()), src, -1));
        }
        if (format == Format.JSON_OR_TEXT && !root.isArray()) return Stream.of(plain(src, decoded, bytes));
        if (!root.isArray()) {
            return Stream.of(failed(src, "expected a JSON object or an array of objects, found " + kind(root)));
        }
        if (root.isEmpty()) return Stream.of(failed(src, "empty document (empty JSON array)"));
        List<Document> docs = new ArrayList<>();
        int item = 0;
        for (JsonNode node : root) {
            item++;
            String id = src.name() + ":" + item;
            String origin = src.origin() + "[" + item + "]";
            docs.add(node.isObject()
                    ? finish(fromJson(node, id, origin, "item " + item, decoded.warnings()), src, -1)
                    : Document.failed(id, origin, "item " + item + ": expected a JSON object, found " + kind(node)));
        }
        return docs.stream();
    }

    private static final String NO_LINES = "empty document (JSON Lines with only blank lines)";

    /** JSON Lines already decoded in memory (UTF-16 input, or content that only turned out to be JSON Lines). */
    private Stream<Document> jsonLines(Source src, Decoding.Decoded decoded) {
        List<Document> docs = new ArrayList<>();
        String[] lines = decoded.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) docs.add(jsonLine(src, lines[i], i + 1, decoded.warnings()));
        }
        if (docs.isEmpty()) docs.add(failed(src, NO_LINES));
        return docs.stream();
    }

    /** JSON Lines read lazily from the stream: one line in memory at a time. */
    private Stream<Document> jsonLines(Source src, InputStream in, Closeable owned) {
        long maxLine = times(options.maxChars(), JSON_LINE_BYTES_PER_CHAR) + 1_000_000;
        LineReader lines = new LineReader(in, Math.min(maxLine, MAX_ARRAY));
        Spliterator<Document> docs = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean done;
            private boolean any;

            @Override
            public boolean tryAdvance(Consumer<? super Document> action) {
                while (!done) {
                    try {
                        byte[] line = lines.next();
                        if (line == null) {
                            done = true;
                            closeQuietly(owned); // don't wait for the stream to be closed to release the file
                            if (any) return false;
                            action.accept(failed(src, NO_LINES));  // a file of blank lines is reported, not skipped
                            return true;
                        }
                        if (lines.overflowed()) {
                            any = true;
                            action.accept(Document.failed(src.name() + ":" + lines.number, src.origin() + ":" + lines.number,
                                    String.format(Locale.ROOT, "line %d: %.1f MB, too long for a document under the"
                                            + " limit of %d chars; split it or raise --max-chars",
                                            lines.number, lines.length / 1e6, options.maxChars())));
                            return true;
                        }
                        Decoding.Decoded decoded = Decoding.decode(line, lines.offset);
                        if (decoded.text().isBlank()) continue;
                        any = true;
                        action.accept(jsonLine(src, decoded.text(), lines.number, decoded.warnings()));
                        return true;
                    } catch (IOException e) {
                        done = true;
                        closeQuietly(owned);
                        action.accept(failed(src, "cannot read after line " + lines.number + ": " + reason(e)));
                        return true;
                    }
                }
                return false;
            }
        };
        return StreamSupport.stream(docs, false).onClose(() -> closeQuietly(owned));
    }

    private Document jsonLine(Source src, String line, int number, List<String> warnings) {
        String id = src.name() + ":" + number;
        String origin = src.origin() + ":" + number;
        JsonNode node;
        try {
            node = readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return Document.failed(id, origin, "line " + number + (at == null ? "" : ", column " + at.getColumnNr())
                            + ": invalid JSON: " + shortReason(e)).withWarnings(warnings);
        }
        if (!node.isObject()) {
            return Document.failed(id, origin, "line " + number + ": expected a JSON object, found " + kind(node))
                    .withWarnings(warnings);
        }
        return finish(fromJson(node, id, origin, "line " + number, warnings), src, -1);
    }

    /** @param where "line 3" or "item 2", to say where a problem is; null for a single-object file */
    private static Document fromJson(JsonNode o, String defaultId, String origin, String where, List<String> warnings) {
        String prefix = where == null ? "" : where + ": ";
        String id = Optional.ofNullable(scalar(o, "id")).orElse(defaultId);
        JsonNode t = o.get("text");
        String text = "";
        String error = null;
        if (t == null || t.isNull()) {
            List<String> fields = new ArrayList<>();
            o.fieldNames().forEachRemaining(fields::add);
            // naming the fields present helps when the text is under another key ("body", "content")
            error = prefix + "no \"text\" field" + (fields.isEmpty() ? "" : " (has: " + String.join(", ",
                    fields.subList(0, Math.min(8, fields.size()))) + (fields.size() > 8 ? ", ..." : "") + ")");
        } else if (!t.isTextual()) {
            error = prefix + "\"text\" is " + kind(t) + ", not a string";
        } else {
            text = Decoding.normalise(t.textValue());
        }
        Document d = new Document(id, text, scalar(o, "published"), scalar(o, "title"), scalar(o, "url"),
                scalar(o, "outlet"), origin, null, warnings, error);
        return d.wellFormed();
    }

    /** A string or number field as text; absent, empty or structured values count as missing. */
    private static String scalar(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Parses JSON; a document nested deeper than Jackson allows (1,000 levels) or with a number longer than it
     * allows (1,000 digits) fails with the place where the limit was hit, which Jackson does not give.
     */
    private JsonNode readTree(String text) throws JsonProcessingException {
        try (JsonParser p = json.createParser(text)) {
            try {
                JsonNode node = json.readTree(p);
                return node == null ? json.missingNode() : node;
            } catch (StreamConstraintsException e) {
                throw new LocatedConstraint(e, p.currentLocation());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /** A broken limit, with where it broke. */
    private static final class LocatedConstraint extends StreamConstraintsException {
        LocatedConstraint(StreamConstraintsException e, JsonLocation at) {
            super(e.getOriginalMessage(), at);
        }
    }

    /** "line 3, column 7: invalid JSON: ..." as far as the location is known. */
    private static String located(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + "invalid JSON: " + shortReason(e);
    }

    /** Jackson's message without the source excerpt and location it appends. */
    private static String shortReason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank()) return "unreadable";
        m = m.lines().findFirst().orElse(m).replaceAll("\\s*\\(start marker at \\[.*", "").strip();
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    /** Whether the first non-blank line is a complete JSON object, i.e. the content is JSON Lines. */
    private boolean firstLineIsObject(String content, int headBytes) {
        Iterator<String> lines = content.lines().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) continue;
            // a first line longer than the sniffed head cannot be judged here; long lines are normal in JSON Lines
            boolean truncated = headBytes == Decoding.HEAD && !lines.hasNext();
            if (truncated) return true;
            try {
                return json.readTree(line).isObject();
            } catch (JsonProcessingException e) {
                return false;
            }
        }
        return false;
    }

    // ---- feeds ---------------------------------------------------------------------------------------------------

    /** One document per item; a feed that cannot be read at all is one error for the file. */
    private Stream<Document> feed(Source src, byte[] bytes) {
        Feeds.Feed feed;
        try {
            feed = Feeds.parse(bytes);
        } catch (Feeds.NotAFeed e) {
            return Stream.of(failed(src, e.getMessage()));
        }
        if (feed.items().isEmpty()) return Stream.of(failed(src, "feed has no items"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < feed.items().size(); i++) docs.add(feedItem(src, feed, feed.items().get(i), i + 1));
        return docs.stream();
    }

    private Document feedItem(Source src, Feeds.Feed feed, Feeds.Item item, int number) {
        String text = item.content() == null ? ""
                : item.html() ? HtmlExtractor.fragmentText(item.content()) : Decoding.normalise(item.content().strip());
        String id = item.id();
        if (id == null) {
            // without a guid or link, a hash of the story keeps its id stable as the feed rolls on
            boolean empty = item.title() == null && text.isBlank();
            id = src.name() + ":" + (empty ? String.valueOf(number) : shortHash(item.title() + "\n" + text));
        }
        String published = Stream.of(item.published(), feed.published()).filter(d -> Dates.toIso(d).isPresent())
                .findFirst().orElse(item.published() != null ? item.published() : feed.published());
        String error = !text.isBlank() ? null : "item " + number
                + (item.title() == null ? "" : " (\"" + item.title() + "\")") + ": no text (no content or description)";
        return finish(new Document(id, text, published, item.title(), item.url(), feed.outlet(),
                src.origin() + "[" + number + "]", null, List.of(), error), src, -1);
    }

    private static String shortHash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // ---- WARC archives -------------------------------------------------------------------------------------------

    /**
     * The pages of an archive, read lazily record by record. The last document carries a note of the responses
     * skipped; an archive that breaks ends with one error saying where, after the documents read before it.
     */
    private Stream<Document> warc(Source src, InputStream in, Closeable owned) {
        Spliterator<Document> docs = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
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
                Document last = held != null ? held
                        : failed(src, "no HTML or plain-text page with HTTP status 200 in the archive");
                if (pages != null && pages.skipped() > 0) last = last.withWarning(skippedNote(pages));
                if (pages != null && pages.brokenTrailerAtEnd) {
                    last = last.withWarning("archive: its last record ends in a malformed trailer (line breaks to the end of the file)");
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
                    closeQuietly(owned);
                    return null;
                } catch (IOException | RuntimeException e) { // jwarc reports some malformed headers unchecked
                    done = true;
                    closeQuietly(owned);
                    return failed(src, "archive cut short or corrupt at byte " + (pages == null ? 0 : pages.position())
                            + ": " + reason(e));
                }
            }
        };
        return StreamSupport.stream(docs, false).onClose(() -> closeQuietly(owned));
    }

    /** A page from an archive, dated by the page if it says, else by when it was captured. */
    private Document capture(Source src, WarcPages pages, WarcPages.Page p) throws IOException {
        String origin = src.origin() + "@" + p.offset();
        // a record without a WARC-Record-ID still needs an id: its place in the archive
        String id = p.id() != null && !p.id().isBlank() ? p.id() : src.name() + "@" + p.offset();
        String host = host(p.url());
        Format format = p.html() ? Format.HTML : Format.TEXT;
        int cap = (int) Math.min(MAX_ARRAY, times(options.maxChars(),
                p.html() ? HTML_BYTES_PER_CHAR : BYTES_PER_CHAR_BOUND) + BYTES_PER_CHAR_BOUND);
        byte[] bytes;
        String problem;
        try {
            InputStream body = p.payload().open();
            bytes = body.readNBytes(cap + 1);
            problem = bytes.length <= cap ? null
                    : oversized(format, new SequenceInputStream(new ByteArrayInputStream(bytes), body), null, -1);
        } catch (IOException e) {
            pages.skipRecord(); // throws if the archive itself breaks here; else the page's encoding is at fault
            bytes = null;
            problem = "cannot decode the page: " + reason(e);
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
            d = new Document(id, page.text(), stated || captured == null ? page.published() : captured,
                    page.title(), p.url(), host, origin, null, decoded.warnings(), null).withWarnings(page.warnings());
            if (page.published() != null && !stated && captured != null) {
                d = d.withWarning("unparseable publication date '" + page.published() + "': using the capture date");
            }
            if (HtmlExtractor.letters(page.text()) < HtmlExtractor.MIN_ARTICLE_LETTERS) {
                d = d.withError("HTML page has no article text");
            }
        } else {
            d = new Document(id, decoded.text(), captured, null, p.url(), host, origin, null, decoded.warnings(),
                    null);
        }
        if (p.truncated() != null) d = d.withWarning("the archive holds this page cut short (" + p.truncated() + ")");
        return finish(d, src, -1);
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
    private static boolean isWarc(byte[] head) {
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
    private Document finish(Document d, Source src, long bytes) {
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
        return language.equals(Language.ENGLISH) ? d
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

    private static Document failed(Source src, String reason) {
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
    private static long times(long a, int b) {
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

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileSystemLoopException) return "symbolic link loop";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // nothing useful to do: everything needed has been read
        }
    }

    /** Splits a byte stream into lines before decoding, so each line's encoding problems stay its own. */
    private static final class LineReader {
        private final InputStream in;
        private final long maxLength;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private long next; // byte offset of the next line
        int number;        // 1-based number of the line last returned
        long offset;       // its byte offset in the stream
        long length;       // its length in bytes, including any part dropped for being too long

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
