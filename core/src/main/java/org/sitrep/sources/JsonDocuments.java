package org.sitrep.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sitrep.sources.Source.Format;

/**
 * JSON input for {@link DocumentReader}: one object per document, an array of objects, or JSON Lines (streamed one
 * line at a time, so a file may hold far more than one document's limit).
 */
final class JsonDocuments {
    // JSON escapes such as \u00e9 take 6 bytes for one char, plus room for the other fields
    private static final int LINE_BYTES_PER_CHAR = 8;

    private final DocumentReader reader;
    private final ObjectMapper json;

    JsonDocuments(DocumentReader reader) {
        this.reader = reader;
        // the reader enforces its own size limits, so Jackson's default cap on string length must not interfere
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(DocumentReader.MAX_ARRAY)
                        .build())
                .build();
        this.json = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** A whole JSON document: one object, an array of objects, or JSON Lines that could not be streamed. */
    Stream<Document> read(Source src, Decoding.Decoded decoded, Format format, long bytes) {
        String text = decoded.text();
        JsonNode root;
        try {
            root = readTree(text);
        } catch (JsonProcessingException e) {
            if (e instanceof StreamConstraintsException)
                return Stream.of(DocumentReader.failed(src, located(e)).withWarnings(decoded.warnings()));
            if (format == Format.JSON_OR_TEXT)
                return Stream.of(reader.plain(src, decoded, bytes)); // "[Reuters] ..." is text
            if (format == Format.JSON_LINES || firstLineIsObject(text, -1)) return lines(src, decoded);
            return Stream.of(DocumentReader.failed(src, located(e)).withWarnings(decoded.warnings()));
        }
        if (root == null || root.isMissingNode()) return Stream.of(DocumentReader.failed(src, "empty document"));
        if (root.isObject()) {
            return Stream.of(
                    reader.finish(fromJson(root, src.baseId(), src.origin(), null, decoded.warnings()), src, -1));
        }
        if (format == Format.JSON_OR_TEXT && !root.isArray()) return Stream.of(reader.plain(src, decoded, bytes));
        if (!root.isArray()) {
            return Stream.of(
                    DocumentReader.failed(src, "expected a JSON object or an array of objects, found " + kind(root)));
        }
        if (root.isEmpty()) return Stream.of(DocumentReader.failed(src, "empty document (empty JSON array)"));
        List<Document> docs = new ArrayList<>();
        int item = 0;
        for (JsonNode node : root) {
            item++;
            String id = src.name() + ":" + item;
            String origin = src.origin() + "[" + item + "]";
            docs.add(
                    node.isObject()
                            ? reader.finish(fromJson(node, id, origin, "item " + item, decoded.warnings()), src, -1)
                            : Document.failed(
                                    id, origin, "item " + item + ": expected a JSON object, found " + kind(node)));
        }
        return docs.stream();
    }

    private static final String NO_LINES = "empty document (JSON Lines with only blank lines)";

    /** JSON Lines already decoded in memory (UTF-16 input, or content that only turned out to be JSON Lines). */
    private Stream<Document> lines(Source src, Decoding.Decoded decoded) {
        List<Document> docs = new ArrayList<>();
        String[] lines = decoded.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) docs.add(jsonLine(src, lines[i], i + 1, decoded.warnings()));
        }
        if (docs.isEmpty()) docs.add(DocumentReader.failed(src, NO_LINES));
        return docs.stream();
    }

    /** JSON Lines read lazily from the stream: one line in memory at a time. */
    Stream<Document> lines(Source src, InputStream in, Closeable owned) {
        long maxLine = DocumentReader.times(reader.maxChars(), LINE_BYTES_PER_CHAR) + 1_000_000;
        LineReader lines = new LineReader(in, Math.min(maxLine, DocumentReader.MAX_ARRAY));
        Spliterator<Document> docs =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    private boolean done;
                    private boolean any;

                    @Override
                    public boolean tryAdvance(Consumer<? super Document> action) {
                        while (!done) {
                            try {
                                byte[] line = lines.next();
                                if (line == null) {
                                    done = true;
                                    DocumentReader.closeQuietly(
                                            owned); // don't wait for the stream to be closed to release the file
                                    if (any) return false;
                                    action.accept(DocumentReader.failed(
                                            src, NO_LINES)); // a file of blank lines is reported, not skipped
                                    return true;
                                }
                                if (lines.overflowed()) {
                                    any = true;
                                    action.accept(Document.failed(
                                            src.name() + ":" + lines.number,
                                            src.origin() + ":" + lines.number,
                                            String.format(
                                                    Locale.ROOT,
                                                    "line %d: %.1f MB, too long for a document under the"
                                                            + " limit of %d chars; split it or raise --max-chars",
                                                    lines.number,
                                                    lines.length / 1e6,
                                                    reader.maxChars())));
                                    return true;
                                }
                                Decoding.Decoded decoded = Decoding.decode(line, lines.offset);
                                if (decoded.text().isBlank()) continue;
                                any = true;
                                action.accept(jsonLine(src, decoded.text(), lines.number, decoded.warnings()));
                                return true;
                            } catch (IOException e) {
                                done = true;
                                DocumentReader.closeQuietly(owned);
                                action.accept(DocumentReader.failed(
                                        src,
                                        "cannot read after line " + lines.number + ": " + DocumentReader.reason(e)));
                                return true;
                            }
                        }
                        return false;
                    }
                };
        return StreamSupport.stream(docs, false).onClose(() -> DocumentReader.closeQuietly(owned));
    }

    private Document jsonLine(Source src, String line, int number, List<String> warnings) {
        String id = src.name() + ":" + number;
        String origin = src.origin() + ":" + number;
        JsonNode node;
        try {
            node = readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return Document.failed(
                            id,
                            origin,
                            "line " + number + (at == null ? "" : ", column " + at.getColumnNr()) + ": invalid JSON: "
                                    + shortReason(e))
                    .withWarnings(warnings);
        }
        if (!node.isObject()) {
            return Document.failed(id, origin, "line " + number + ": expected a JSON object, found " + kind(node))
                    .withWarnings(warnings);
        }
        return reader.finish(fromJson(node, id, origin, "line " + number, warnings), src, -1);
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
            error = prefix + "no \"text\" field"
                    + (fields.isEmpty()
                            ? ""
                            : " (has: " + String.join(", ", fields.subList(0, Math.min(8, fields.size())))
                                    + (fields.size() > 8 ? ", ..." : "") + ")");
        } else if (!t.isTextual()) {
            error = prefix + "\"text\" is " + kind(t) + ", not a string";
        } else {
            text = Decoding.normalise(t.textValue());
        }
        Document d = new Document(
                id,
                text,
                scalar(o, "published"),
                scalar(o, "title"),
                scalar(o, "url"),
                scalar(o, "outlet"),
                origin,
                null,
                warnings,
                error);
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
        String where = at == null || at.getLineNr() < 0
                ? ""
                : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + "invalid JSON: " + shortReason(e);
    }

    /** Jackson's message without the source excerpt and location it appends. */
    private static String shortReason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank()) return "unreadable";
        m = m.lines()
                .findFirst()
                .orElse(m)
                .replaceAll("\\s*\\(start marker at \\[.*", "")
                .strip();
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    /** Whether the first non-blank line is a complete JSON object, i.e. the content is JSON Lines. */
    boolean firstLineIsObject(String content, int headBytes) {
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
}
