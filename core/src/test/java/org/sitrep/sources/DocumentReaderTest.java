package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(new DocumentReader.Options("2020-01-15", 1_000_000));

    private List<Document> read(Path file) {
        return reader.read(file).toList();
    }

    /** A corpus is read as it is consumed, not into memory first: the rest of a file cut short after one document is never seen. */
    @Test
    void aLargeCorpusIsReadAsItIsConsumed() throws IOException {
        Path corpus = dir.resolve("big.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
            lines.append("{\"id\": \"d")
                    .append(i)
                    .append("\", \"text\": \"The minister visited the port, officials said.\"}\n");
        Files.writeString(corpus, lines);
        try (var docs = reader.read(List.of(dir.toString()))) {
            var it = docs.iterator();
            assertEquals("d0", it.next().id());
            Files.write(corpus, new byte[0]); // cut the file short under the reader
            int rest = 0;
            while (it.hasNext()) {
                it.next();
                rest++;
            }
            assertTrue(rest < 1_000, "documents read ahead into memory: " + rest);
        }
    }

    private Document readOne(Path file) {
        List<Document> docs = read(file);
        assertEquals(1, docs.size(), () -> "documents: " + docs);
        return docs.get(0);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    @Test
    void aPlainTextFileIsOneDocumentNamedAfterTheFile() throws IOException {
        Document doc = readOne(write("protest-report.txt", Samples.ENGLISH));

        assertTrue(doc.ok(), doc::error);
        assertEquals("protest-report", doc.id());
        assertEquals(Samples.ENGLISH, doc.text());
        assertNull(doc.title());
        assertEquals("en", doc.language());
        assertEquals(dir.resolve("protest-report.txt").toString(), doc.origin());
    }

    @Test
    void textIsKeptExactlyExceptTheBomAndLineEnds() throws IOException {
        String original = "  Rebels attacked a convoy.\r\n\r\nFour soldiers were killed,\rthe army said.  \t\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = original.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        Document doc = readOne(write("convoy.txt", bytes));

        assertEquals("  Rebels attacked a convoy.\n\nFour soldiers were killed,\nthe army said.  \t\n", doc.text());
        assertTrue(doc.warnings().isEmpty(), () -> doc.warnings().toString());
    }

    @Test
    void aMalformedJsonLineIsReportedAndTheRestAreRead() throws IOException {
        String jsonl = String.join(
                        "\n",
                        "{\"id\": \"a1\", \"text\": " + quoted(Samples.ENGLISH_2)
                                + ", \"published\": \"2019-12-31T10:00:00Z\","
                                + " \"title\": \"Relations restored\", \"url\": \"https://news.example/a1\", \"outlet\": \"Wire\"}",
                        "{\"text\": " + quoted(Samples.ENGLISH_3)
                                + ", \"published\": \"Tue, 31 Dec 2019 10:00:00 GMT\"}",
                        "{\"id\": \"broken\", \"text\": \"unterminated",
                        "",
                        "{\"text\": " + quoted(Samples.ENGLISH_2) + ", \"published\": \"December 31, 2019\"}")
                + "\n";

        List<Document> docs = read(write("wire.jsonl", jsonl));

        assertEquals(4, docs.size(), docs::toString);
        Document first = docs.get(0);
        assertTrue(first.ok(), first::error);
        assertEquals("a1", first.id());
        assertEquals("Relations restored", first.title());
        assertEquals("https://news.example/a1", first.url());
        assertEquals("Wire", first.outlet());
        assertEquals("2019-12-31", first.published());

        assertEquals("wire.jsonl:2", docs.get(1).id(), "id defaults to file name and line number");
        assertTrue(docs.get(1).ok());

        Document bad = docs.get(2);
        assertEquals("wire.jsonl:3", bad.id());
        assertTrue(bad.error().startsWith("line 3, column 39: invalid JSON: "), bad.error());

        Document last = docs.get(3);
        assertTrue(last.ok(), last::error);
        assertEquals("wire.jsonl:5", last.id(), "blank lines still count as lines");
        assertEquals("2019-12-31", last.published());
    }

    @Test
    void aJsonLineWithoutTextIsAnError() throws IOException {
        String jsonl = "{\"id\": \"x\", \"body\": \"Rebels attacked a convoy.\"}\n{\"id\": \"y\", \"text\": 42}\n";

        List<Document> docs = read(write("feed.ndjson", jsonl));

        assertEquals("line 1: no \"text\" field (has: id, body)", docs.get(0).error());
        assertEquals("line 2: \"text\" is a number, not a string", docs.get(1).error());
    }

    @Test
    void aJsonArrayFileYieldsOneDocumentPerObject() throws IOException {
        String json = """
                [
                  {"id": "one", "text": %s, "published": "2019-06-01"},
                  {"text": %s},
                  "not an object"
                ]
                """.formatted(quoted(Samples.ENGLISH_2), quoted(Samples.ENGLISH_3));

        List<Document> docs = read(write("batch.json", json));

        assertEquals(3, docs.size());
        assertEquals("one", docs.get(0).id());
        assertEquals("2019-06-01", docs.get(0).published());
        assertEquals("batch.json:2", docs.get(1).id());
        assertTrue(docs.get(1).ok(), docs.get(1)::error);
        assertEquals(
                "item 3: expected a JSON object, found a string", docs.get(2).error());
    }

    @Test
    void aJsonFileWithOneObjectIsOneDocument() throws IOException {
        String json = "{\n  \"title\": \"Clash\",\n  \"text\": " + quoted(Samples.ENGLISH_3) + "\n}\n";

        Document doc = readOne(write("clash.json", json));

        assertTrue(doc.ok(), doc::error);
        assertEquals("clash", doc.id());
        assertEquals("Clash", doc.title());
    }

    @Test
    void anEmptyOrBlankFileIsAnEmptyDocument() throws IOException {
        assertEquals("empty document", readOne(write("empty.txt", "")).error());
        assertEquals("empty document", readOne(write("blank.txt", " \n\t\r\n ")).error());
        assertEquals(
                "empty document",
                readOne(write("blank.jsonl", "{\"text\": \"   \"}")).error());
        assertEquals(
                "empty document (empty JSON array)",
                readOne(write("none.json", "[]")).error());
    }

    @Test
    void aBinaryFileIsRejected() throws IOException {
        byte[] pdfLike = "%PDF-1.7\n\u0000\u0001\u0002stream".getBytes(StandardCharsets.ISO_8859_1);
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) controls[i] = (byte) (i % 2 == 0 ? 'a' : 0x01);

        assertEquals(
                "binary file (not text)", readOne(write("report.pdf", pdfLike)).error());
        assertEquals(
                "binary file (not text)", readOne(write("weird.txt", controls)).error());
    }

    @Test
    void invalidUtf8IsReplacedAndReported() throws IOException {
        // valid UTF-8 "café" followed by a stray 0xFF byte: UTF-8 it is, with one bad byte
        byte[] head = (Samples.ENGLISH_3 + " The café was closed").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = '.';

        Document doc = readOne(write("cafe.txt", bytes));

        assertTrue(doc.ok(), doc::error);
        assertEquals(Samples.ENGLISH_3 + " The café was closed\uFFFD.", doc.text());
        assertEquals(List.of("invalid UTF-8 at byte " + head.length + ": bytes replaced with U+FFFD"), doc.warnings());
    }

    @Test
    void windows1252TextIsDecodedAsSuchWithAWarning() throws IOException {
        String text = Samples.ENGLISH_2 + " \u201CWe are ready,\u201D the minister of Côte d\u2019Ivoire said.";
        byte[] bytes = text.getBytes("windows-1252");

        Document doc = readOne(write("legacy.txt", bytes));

        assertTrue(doc.ok(), doc::error);
        assertEquals(text, doc.text());
        assertEquals(List.of("not UTF-8: decoded as windows-1252"), doc.warnings());
    }

    @Test
    void utf16WithByteOrderMarkIsText() throws IOException {
        byte[] bytes = ("\uFEFF" + Samples.ENGLISH_2).getBytes(StandardCharsets.UTF_16LE);

        Document doc = readOne(write("powershell-output.txt", bytes));

        assertTrue(doc.ok(), doc::error);
        assertEquals(Samples.ENGLISH_2, doc.text());
    }

    @Test
    void utf16WithoutByteOrderMarkIsTextInEitherByteOrder() throws IOException {
        Document le = readOne(write("notes.txt", Samples.ENGLISH_2.getBytes(StandardCharsets.UTF_16LE)));
        Document be = readOne(write(
                "page.html",
                ("<html><body><p>" + Samples.ENGLISH_2.replace("\n", "</p><p>") + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_16BE)));

        assertTrue(le.ok(), le::error);
        assertEquals(Samples.ENGLISH_2, le.text());
        assertTrue(
                le.warnings().contains("no byte order mark: decoded as UTF-16LE (by where its NUL bytes fall)"),
                le.warnings().toString());
        assertTrue(be.ok(), be::error);
        assertEquals(Samples.ENGLISH_2, be.text(), "sniffed as HTML once decoded");
    }

    @Test
    void binaryWithAlternatingNulBytesIsStillBinary() throws IOException {
        byte[] samples = new byte[4096]; // 16-bit little-endian samples of a quiet signal: every high byte NUL
        for (int i = 0; i < samples.length; i += 2) samples[i] = (byte) (i * 7 % 31);

        Document doc = readOne(write("signal.dat", samples));

        assertEquals("binary file (not text)", doc.error());
    }

    @Test
    void aHugeTextIsRejectedQuicklyWithoutBeingRead() throws IOException {
        Path big = dir.resolve("huge.txt");
        byte[] line = (Samples.ENGLISH + "\n").getBytes(StandardCharsets.UTF_8);
        long chars = 0;
        try (OutputStream out = Files.newOutputStream(big)) {
            while (chars < 20_000_000) {
                out.write(line);
                chars += line.length;
            }
        }

        long start = System.nanoTime();
        Document doc = readOne(big);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 2000, "took " + millis + " ms");
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "document is %.1f MB (%d chars), over the limit of 1000000 chars;"
                                + " split it or raise --max-chars",
                        chars / 1e6,
                        chars),
                doc.error());
    }

    @Test
    void aTextJustOverTheLimitIsRejectedWithItsSize() {
        DocumentReader small = new DocumentReader(new DocumentReader.Options(null, 100));
        String text = Samples.ENGLISH_2;

        Document doc = small.read("story.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow();

        assertEquals(
                "document is 0.0 MB (" + text.length() + " chars), over the limit of 100 chars;"
                        + " split it or raise --max-chars",
                doc.error());
    }

    @Test
    void aMissingFileIsReportedUnderItsPath() {
        String path = dir.resolve("nowhere/missing.txt").toString();

        List<Document> docs = reader.read(List.of(path)).toList();

        assertEquals(1, docs.size());
        assertEquals(path, docs.get(0).id());
        assertEquals("cannot read: no such file or directory", docs.get(0).error());
        assertEquals("", docs.get(0).text());
    }

    @Test
    void directoriesAreReadRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
        write("b.txt", Samples.ENGLISH);
        write("a/2.txt", Samples.ENGLISH_2);
        write("a/1.txt", Samples.ENGLISH_3);
        write("a/.draft.txt", Samples.ENGLISH);
        write(".git/config", "[core]");
        write("c/empty.txt", "");

        List<Document> docs = reader.read(List.of(dir.toString())).toList();

        assertEquals(
                List.of("1", "2", "b", "empty"), docs.stream().map(Document::id).toList());
        assertEquals("empty document", docs.get(3).error());
    }

    @Test
    void inputsAreReadInTheOrderGivenAndBadOnesDoNotStopTheBatch() throws IOException {
        Path good = write("good.txt", Samples.ENGLISH);
        Path binary = write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path jsonl = write("more.jsonl", "{\"text\": " + quoted(Samples.ENGLISH_2) + "}\n");

        List<Document> docs = reader.read(List.of(good.toString(), binary.toString(), "missing.txt", jsonl.toString()))
                .toList();

        assertEquals(
                List.of("good", "image", "missing.txt", "more.jsonl:1"),
                docs.stream().map(Document::id).toList());
        assertEquals(
                List.of(true, false, false, true),
                docs.stream().map(Document::ok).toList());
    }

    @Test
    void stdinIsSniffedAsJsonLinesHtmlOrText() {
        DocumentReader noDefault = new DocumentReader(DocumentReader.Options.defaults());
        String jsonl = "{\"text\": " + quoted(Samples.ENGLISH_2) + ", \"published\": \"2019-12-31\"}\n" + "{\"text\": "
                + quoted(Samples.ENGLISH_3) + "}\n";

        List<Document> fromJson = noDefault.read("stdin", stream(jsonl)).toList();
        Document fromText = noDefault
                .read("stdin", stream("\n" + Samples.ENGLISH))
                .findFirst()
                .orElseThrow();

        assertEquals(
                List.of("stdin:1", "stdin:2"),
                fromJson.stream().map(Document::id).toList());
        assertEquals("2019-12-31", fromJson.get(0).published());
        assertEquals("stdin", fromText.id());
        assertEquals("\n" + Samples.ENGLISH, fromText.text());
        assertEquals("stdin", fromText.origin());
    }

    @Test
    void textStartingWithABracketIsNotMistakenForJson() {
        String text = "[Reuters] " + Samples.ENGLISH_3;

        Document doc = reader.read("stdin", stream(text)).findFirst().orElseThrow();

        assertTrue(doc.ok(), doc::error);
        assertEquals(text, doc.text());
    }

    @Test
    void withoutADateStdinUsesTodayAndAFileItsModificationDate() throws IOException {
        DocumentReader noDefault = new DocumentReader(DocumentReader.Options.defaults());
        Path file = write("old.txt", Samples.ENGLISH);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2018-03-04T12:00:00Z")));
        String expected = LocalDate.ofInstant(Instant.parse("2018-03-04T12:00:00Z"), ZoneId.systemDefault())
                .toString();

        Document fromFile = noDefault.read(file).findFirst().orElseThrow();
        Document fromStdin =
                noDefault.read("stdin", stream(Samples.ENGLISH)).findFirst().orElseThrow();

        assertEquals(expected, fromFile.published());
        assertEquals(List.of("no publication date: using the file's modification date"), fromFile.warnings());
        assertEquals(LocalDate.now().toString(), fromStdin.published());
        assertEquals(List.of("no publication date: using today's date"), fromStdin.warnings());
    }

    @Test
    void withoutADateTheConfiguredDefaultIsUsedSilently() throws IOException {
        Document doc = readOne(write("undated.txt", Samples.ENGLISH));

        assertEquals("2020-01-15", doc.published());
        assertTrue(doc.warnings().isEmpty(), () -> doc.warnings().toString());
    }

    @Test
    void anUnparseableDateIsReportedAndReplacedByTheFallback() throws IOException {
        String jsonl = "{\"text\": " + quoted(Samples.ENGLISH_2) + ", \"published\": \"last Tuesday\"}";

        Document doc = readOne(write("vague.jsonl", jsonl));

        assertTrue(doc.ok(), doc::error);
        assertEquals("2020-01-15", doc.published());
        assertEquals(List.of("unparseable publication date 'last Tuesday'"), doc.warnings());
    }

    @Test
    void aDefaultDateThatIsNotADateIsRefusedUpFront() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new DocumentReader.Options("soon", 1000));
        assertEquals("default publication date is not a date: 'soon'", e.getMessage());
        assertEquals("2019-12-31", new DocumentReader.Options("31 December 2019", 1000).defaultPublished());
    }

    @Test
    void nonEnglishDocumentsAreRejectedWithTheLanguageFound() throws IOException {
        String jsonl = String.join(
                "\n",
                "{\"id\": \"fr\", \"text\": " + quoted(Samples.FRENCH) + "}",
                "{\"id\": \"ru\", \"text\": " + quoted(Samples.RUSSIAN) + "}",
                "{\"id\": \"zh\", \"text\": " + quoted(Samples.CHINESE) + "}",
                "{\"id\": \"en\", \"text\": " + quoted(Samples.ENGLISH) + "}");

        List<Document> docs = read(write("mixed.jsonl", jsonl));

        assertEquals(
                "not English (detected: fr); sitrep codes English text only",
                docs.get(0).error());
        assertEquals(
                "not English (detected: ru); sitrep codes English text only",
                docs.get(1).error());
        assertEquals(
                "not English (detected: zh); sitrep codes English text only",
                docs.get(2).error());
        assertTrue(docs.get(3).ok(), docs.get(3)::error);
        assertEquals("en", docs.get(3).language());
    }

    /** A JSON string literal. */
    private static String quoted(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
