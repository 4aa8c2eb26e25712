package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

class FeedAndWarcReaderTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(new DocumentReader.Options("2020-01-15", 1_000_000));

    // ---- feeds ---------------------------------------------------------------------------------------------------

    @Test
    void eachRssItemIsADocumentWithItsOwnMetadataAndCleanedText() throws IOException {
        List<Document> docs = reader.read(fixture("wire.rss")).toList();

        assertEquals(3, docs.size(), docs::toString);
        Document walkout = docs.get(0);
        assertTrue(walkout.ok(), walkout::error);
        assertEquals("hw-2024-0611", walkout.id(), "the guid");
        assertEquals("Opposition walks out of budget debate", walkout.title());
        assertEquals("https://harbourwire.example/world/budget-walkout", walkout.url());
        assertEquals("Harbour Wire: World Politics", walkout.outlet());
        assertEquals("2024-06-04", walkout.published(), "the day as written, not the next day in UTC");
        assertEquals(
                "Opposition lawmakers walked out of the budget debate in parliament on Tuesday, accusing the"
                        + " finance minister of hiding the true size of the deficit.\nThe speaker suspended the session for an"
                        + " hour. Follow the debate live",
                walkout.text(),
                "markup and script gone, one line per paragraph");
        assertTrue(walkout.origin().endsWith("wire.rss[1]"), walkout.origin());

        Document talks = docs.get(1);
        assertTrue(talks.ok(), talks::error);
        assertEquals("https://harbourwire.example/world/border-talks", talks.id(), "no guid: the link");
        assertEquals("2024-06-03", talks.published(), "no item date: the feed's");
        assertTrue(talks.text().startsWith("Negotiators from the two neighbouring states"), "content:encoded wins");
        assertTrue(talks.text().endsWith("agreed to meet again next week."), talks.text());
        assertTrue(talks.warnings().isEmpty(), () -> talks.warnings().toString());

        Document gallery = docs.get(2);
        assertEquals("hw-gallery-77", gallery.id());
        assertEquals(
                "item 3 (\"Photo gallery: election night\"): no text (no content or description)", gallery.error());
        assertEquals("https://harbourwire.example/world/gallery", gallery.url());
    }

    @Test
    void atomEntriesTakeHtmlContentBeforeTheSummaryAndKeepPlainTextAsWritten() throws IOException {
        List<Document> docs = reader.read(fixture("bulletin.atom")).toList();

        assertEquals(2, docs.size(), docs::toString);
        Document cabinet = docs.get(0);
        assertTrue(cabinet.ok(), cabinet::error);
        assertEquals("tag:bulletin.example,2024:cabinet-fuel", cabinet.id());
        assertEquals("https://bulletin.example/2024/05/cabinet-fuel", cabinet.url());
        assertEquals("Capital Bulletin", cabinet.outlet());
        assertEquals("2024-05-20", cabinet.published(), "published as written (it was still the 19th in UTC)");
        assertEquals(
                "The cabinet approved a plan late on Sunday to cut fuel subsidies by a third, despite warnings"
                        + " from trade unions that transport prices would rise sharply.\nThe unions said they would call a"
                        + " general strike if the plan went ahead.",
                cabinet.text());

        Document governor = docs.get(1);
        assertTrue(governor.ok(), governor::error);
        assertEquals("2024-05-18", governor.published(), "no published date: the updated one");
        assertEquals(
                "The governor of the eastern province resigned on Saturday after a week of protests over water"
                        + " shortages in the provincial capital.\nThe interior ministry named an interim administrator &"
                        + " promised an inquiry.",
                governor.text(),
                "a text summary is not parsed as HTML");
    }

    @Test
    void anRdfFeedSavedAsXmlIsRecognisedAndDecodedAsItDeclares() throws IOException {
        Document doc = readOne(fixture("digest.xml"));

        assertTrue(doc.ok(), doc::error);
        assertEquals("https://digest.example/2024/04/ceasefire", doc.id());
        assertEquals("Ceasefire holds in the north", doc.title());
        assertEquals("Evening Digest", doc.outlet());
        assertEquals("2024-04-11", doc.published(), "dc:date");
        assertTrue(doc.text().startsWith("A ceasefire between government troops and rebel fighters"), doc.text());
        assertTrue(doc.text().contains("In Montréal, exiled"), "ISO-8859-1, as the XML declaration says");
    }

    @Test
    void aFeedIsRecognisedByItsContentWithoutAnExtensionAndOnStdin() throws IOException {
        Path noExtension = Files.copy(fixture("wire.rss"), dir.resolve("latest"));
        byte[] bytes = Files.readAllBytes(noExtension);

        List<Document> fromFile = reader.read(noExtension).toList();
        List<Document> fromStdin =
                reader.read("stdin", new ByteArrayInputStream(bytes)).toList();

        List<String> ids = List.of("hw-2024-0611", "https://harbourwire.example/world/border-talks", "hw-gallery-77");
        assertEquals(ids, fromFile.stream().map(Document::id).toList());
        assertEquals(ids, fromStdin.stream().map(Document::id).toList());
        assertEquals("stdin[2]", fromStdin.get(1).origin());
    }

    @Test
    void anItemWithoutGuidOrLinkGetsAnIdFromItsContent() {
        String feed = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Desk</title>
                <item><title>Talks</title><description>%s</description></item>
                <item><title>Raid</title><description>%s</description></item>
                </channel></rss>""".formatted(Samples.ENGLISH_2, Samples.ENGLISH_3);

        List<Document> first = reader.read("desk", stream(feed)).toList();
        List<Document> again = reader.read("desk", stream(feed)).toList();

        assertEquals(2, first.size());
        assertTrue(first.get(0).id().matches("desk:[0-9a-f]{12}"), first.get(0).id());
        assertFalse(first.get(0).id().equals(first.get(1).id()));
        assertEquals(
                first.stream().map(Document::id).toList(),
                again.stream().map(Document::id).toList());
        assertEquals("2020-01-15", first.get(0).published(), "no date in item or feed: the reader's default");
    }

    @Test
    void aMalformedFeedIsOneErrorForTheFile() throws IOException {
        Document doc = readOne(fixture("broken.rss"));

        assertEquals("broken", doc.id());
        assertTrue(doc.error().matches("line \\d+: invalid XML: .*item.*"), doc.error());
    }

    @Test
    void xmlThatIsNotAFeedIsRefusedUnderAFeedNameAndLeftAloneOtherwise() throws IOException {
        String opml = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body><outline text=\"" + Samples.ENGLISH_2
                + "\"/></body></opml>\n";

        Document asFeed = readOne(write("subscriptions.rss", opml));
        Document asXml = readOne(write("subscriptions.xml", opml));

        assertEquals("not an RSS or Atom feed (root element <opml>)", asFeed.error());
        assertTrue(asXml.ok(), asXml::error);
        assertEquals(opml, asXml.text(), "other XML is read as text, as before");
    }

    @Test
    void externalEntitiesAndDtdsInAFeedAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "XXE-LEAKED-7731");
        String feed = Files.readString(fixture("xxe.rss"))
                .replace("SECRET_URI", secret.toUri().toString());

        Document doc = readOne(write("entity.rss", feed));

        assertTrue(doc.ok(), doc::error);
        assertFalse(doc.text().contains("XXE-LEAKED"), doc.text());
        assertTrue(doc.text().startsWith("The senate passed the defence spending bill"), doc.text());
        assertTrue(doc.text().endsWith("Two members abstained and one was absent."), doc.text());
    }

    // ---- WARC archives -------------------------------------------------------------------------------------------

    private static final String ARTICLE = """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <title>Ministers agree on river treaty | Harbour Wire</title>
            <meta property="article:published_time" content="2024-06-02T08:00:00Z">
            </head><body><nav><a href="/">Home</a> <a href="/world">World news and analysis</a></nav>
            <article><p>Water ministers from the three countries that share the river agreed on Sunday to a treaty
            limiting new dams upstream, ending a dispute that had strained relations for a decade.</p>
            <p>The treaty still has to be ratified by the three parliaments.</p></article>
            <footer>Copyright 2024 Harbour Wire. All rights reserved.</footer></body></html>
            """;

    // no date on the page; windows-1252 by its meta tag, delivered gzipped and chunked
    private static final String BRIEF = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
            <title>Mayor detained</title></head><body><article><p>Police detained the mayor of the port city on
            Wednesday on suspicion of taking bribes from a construction firm, prosecutors said.</p>
            <p>Supporters gathered outside the Café Central to protest against the arrest.</p></article></body></html>
            """;

    private static final String STATEMENT = "The electoral commission said on Thursday that turnout in the"
            + " referendum had reached 61 percent, the highest since independence.";

    private static final Instant CAPTURED = Instant.parse("2024-06-05T10:15:00Z");

    @Test
    void aWarcYieldsItsHtmlAndTextPagesAndSkipsEverythingElse() throws IOException {
        Path warc = write("crawl.warc", warc(WarcCompression.NONE));

        List<Document> docs = reader.read(warc).toList();

        assertEquals(3, docs.size(), docs::toString);
        Document treaty = docs.get(0);
        assertTrue(treaty.ok(), treaty::error);
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000001", treaty.id());
        assertEquals("https://harbourwire.example/world/river-treaty", treaty.url());
        assertEquals("harbourwire.example", treaty.outlet());
        assertEquals("2024-06-02", treaty.published(), "the page's own date beats the capture date");
        assertTrue(treaty.title().startsWith("Ministers agree on river treaty"), treaty.title());
        assertTrue(treaty.text().startsWith("Water ministers from the three countries"), treaty.text());
        assertFalse(treaty.text().contains("Copyright"), treaty.text());
        assertTrue(treaty.origin().startsWith(warc + "@"), treaty.origin());

        Document mayor = docs.get(1);
        assertTrue(mayor.ok(), mayor::error);
        assertEquals("2024-06-05", mayor.published(), "no date on the page: WARC-Date");
        assertTrue(mayor.text().contains("outside the Café Central"), "gunzipped, dechunked, decoded by the meta tag");
        assertEquals("news.example", mayor.outlet());

        Document statement = docs.get(2);
        assertTrue(statement.ok(), statement::error);
        assertEquals(STATEMENT, statement.text());
        assertEquals("https://commission.example/statement.txt", statement.url());
        assertEquals("2024-06-05", statement.published());
        assertNull(statement.title());
        assertEquals(
                List.of("archive: skipped 2 responses (1 not HTML or plain text, 1 with HTTP status other"
                        + " than 200)"),
                statement.warnings(),
                "the last document tells what was skipped");
        assertTrue(treaty.warnings().isEmpty(), () -> treaty.warnings().toString());
    }

    @Test
    void aGzippedWarcIsReadTheSameAndRecognisedWithoutItsExtension() throws IOException {
        List<Document> plain =
                reader.read(write("crawl.warc", warc(WarcCompression.NONE))).toList();
        byte[] gzipped = warc(WarcCompression.GZIP);

        List<Document> named = reader.read(write("crawl.warc.gz", gzipped)).toList();
        List<Document> sniffed =
                reader.read("stdin", new ByteArrayInputStream(gzipped)).toList();

        for (List<Document> docs : List.of(named, sniffed)) {
            assertEquals(
                    plain.stream().map(Document::id).toList(),
                    docs.stream().map(Document::id).toList());
            assertEquals(
                    plain.stream().map(Document::text).toList(),
                    docs.stream().map(Document::text).toList());
            assertTrue(docs.stream().allMatch(Document::ok), docs::toString);
        }
    }

    @Test
    void aTruncatedWarcKeepsWhatWasReadAndSaysWhereItBroke() throws IOException {
        byte[] whole = warc(WarcCompression.NONE);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int lastRecord = text.lastIndexOf("WARC/1.", text.indexOf("WARC-Type: resource"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 40); // inside the text resource's body

        List<Document> docs = reader.read(write("cut.warc", cut)).toList();

        assertEquals(3, docs.size(), docs::toString);
        assertTrue(docs.get(0).ok() && docs.get(1).ok(), docs::toString);
        Document broken = docs.get(2);
        assertEquals("cut", broken.id());
        assertTrue(
                broken.error().startsWith("archive cut short or corrupt at byte " + lastRecord + ": "), broken.error());
    }

    @Test
    void aTruncatedGzippedWarcAlsoStopsWithOneError() throws IOException {
        byte[] whole = warc(WarcCompression.GZIP);

        List<Document> docs = reader.read(write("cut.warc.gz", Arrays.copyOf(whole, whole.length - 30)))
                .toList();

        assertEquals(3, docs.size(), docs::toString);
        assertEquals(List.of(true, true, false), docs.stream().map(Document::ok).toList());
        assertEquals("cut", docs.get(2).id());
        assertTrue(
                docs.get(2).error().startsWith("archive cut short or corrupt at byte "),
                docs.get(2).error());
    }

    @Test
    void anArchiveWithoutPagesIsOneErrorThatSaysWhatWasSkipped() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        byte[] warc = write(
                WarcCompression.NONE,
                response(
                        "https://news.example/logo.png",
                        1,
                        new HttpResponse.Builder(200, "OK")
                                .body(MediaType.parse("image/png"), png)
                                .build()));

        Document doc = readOne(write("images.warc", warc));

        assertEquals("no HTML or plain-text page with HTTP status 200 in the archive", doc.error());
        assertEquals(List.of("archive: skipped 1 response (1 not HTML or plain text)"), doc.warnings());
    }

    @Test
    void aPageOverTheLimitIsAnErrorAndReadingGoesOn() throws IOException {
        // 30 chars allow 484 bytes of HTML (the article page is larger) and 124 bytes of text
        DocumentReader small = new DocumentReader(new DocumentReader.Options("2020-01-15", 30));

        List<Document> docs =
                small.read(write("crawl.warc", warc(WarcCompression.NONE))).toList();

        assertEquals(3, docs.size(), docs::toString);
        assertTrue(
                docs.get(0).error().startsWith("HTML page is 0.0 MB, too large to extract (limit 0.0 MB"),
                docs.get(0).error());
        assertEquals(
                "https://harbourwire.example/world/river-treaty", docs.get(0).url());
        assertTrue(
                docs.get(2).error().startsWith("document is 0.0 MB (" + STATEMENT.length() + " chars)"),
                docs.get(2).error());
    }

    @Test
    void aPageThatCannotBeDecodedIsAnErrorAndTheArchiveGoesOnInTheCharsetItStates() throws IOException {
        byte[] notGzip = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: 20\r\n\r\n<p>not gzipped</p>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String euros = "The finance ministry said the relief fund had reached 40 million € by the end of March,"
                + " twice the sum promised by donors at the conference.";
        byte[] warc = write(
                WarcCompression.NONE,
                new WarcResponse.Builder(URI.create("https://news.example/broken"))
                        .date(CAPTURED)
                        .recordId(uuid(6))
                        .body(MediaType.HTTP_RESPONSE, notGzip)
                        .build(),
                new WarcResource.Builder(URI.create("https://news.example/fund.txt"))
                        .date(CAPTURED)
                        .recordId(uuid(7))
                        .body(MediaType.parse("text/plain; charset=iso-8859-15"), euros.getBytes("ISO-8859-15"))
                        .build());

        List<Document> docs = reader.read(write("mixed.warc", warc)).toList();

        assertEquals(2, docs.size(), docs::toString);
        assertTrue(
                docs.get(0).error().startsWith("cannot decode the page: "),
                docs.get(0).error());
        assertEquals("https://news.example/broken", docs.get(0).url());
        assertTrue(docs.get(1).ok(), docs.get(1)::error);
        assertEquals(euros, docs.get(1).text(), "ISO-8859-15 from the Content-Type (€ would be ¤ in windows-1252)");
    }

    /** A small crawl: warcinfo, a request, an article, a 404, an image, a gzipped chunked page, a text resource. */
    private static byte[] warc(WarcCompression compression) throws IOException {
        List<WarcRecord> records = new ArrayList<>();
        records.add(new Warcinfo.Builder()
                .date(CAPTURED)
                .fields(Map.of("software", List.of("sitrep tests")))
                .build());
        records.add(new WarcRequest.Builder(URI.create("https://harbourwire.example/world/river-treaty"))
                .date(CAPTURED)
                .body(new HttpRequest.Builder("GET", "/world/river-treaty")
                        .addHeader("Host", "harbourwire.example")
                        .build())
                .build());
        records.add(response(
                "https://harbourwire.example/world/river-treaty",
                1,
                new HttpResponse.Builder(200, "OK")
                        .body(MediaType.HTML_UTF8, utf8(ARTICLE))
                        .build()));
        records.add(response(
                "https://harbourwire.example/world/missing",
                2,
                new HttpResponse.Builder(404, "Not Found")
                        .body(MediaType.HTML_UTF8, utf8(Samples.ENGLISH))
                        .build()));
        records.add(response(
                "https://harbourwire.example/logo.png",
                3,
                new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("image/png"), new byte[] {1, 2, 3})
                        .build()));
        records.add(new WarcResponse.Builder(URI.create("https://news.example/mayor"))
                .date(CAPTURED)
                .recordId(uuid(4))
                .body(MediaType.HTTP_RESPONSE, gzippedChunkedResponse(BRIEF))
                .build());
        records.add(new WarcResource.Builder(URI.create("https://commission.example/statement.txt"))
                .date(CAPTURED)
                .recordId(uuid(5))
                .body(MediaType.parse("text/plain; charset=utf-8"), utf8(STATEMENT))
                .build());
        return write(compression, records.toArray(WarcRecord[]::new));
    }

    private static WarcResponse response(String url, int id, HttpResponse http) throws IOException {
        return new WarcResponse.Builder(URI.create(url))
                .date(CAPTURED)
                .recordId(uuid(id))
                .body(MediaType.HTTP_RESPONSE, http)
                .build();
    }

    /** Raw HTTP bytes: the body gzipped, then sent in two chunks, as a server streaming a page would. */
    private static byte[] gzippedChunkedResponse(String html) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(html.getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] body = gz.toByteArray();
        int half = body.length / 2;
        ByteArrayOutputStream http = new ByteArrayOutputStream();
        http.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        http.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        http.write(body, 0, half);
        http.write(("\r\n" + Integer.toHexString(body.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        http.write(body, half, body.length - half);
        http.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return http.toByteArray();
    }

    private static byte[] write(WarcCompression compression, WarcRecord... records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(bytes), compression)) {
            for (WarcRecord record : records) writer.write(record);
        }
        return bytes.toByteArray();
    }

    private static URI uuid(int n) {
        return URI.create(String.format("urn:uuid:00000000-0000-4000-8000-%012d", n));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Document readOne(Path file) {
        List<Document> docs = reader.read(file).toList();
        assertEquals(1, docs.size(), () -> "documents: " + docs);
        return docs.get(0);
    }

    private Path fixture(String name) {
        try {
            return Path.of(
                    FeedAndWarcReaderTest.class.getResource("/sources/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(utf8(s));
    }
}
