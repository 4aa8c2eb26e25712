package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile inputs of issue 16 (F1-F3, F7 and the language cases): each read in bounded time, none stops a batch. */
class HostileInputTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());
    private static final String ARTICLE = "Police arrested people in Lagos. ".repeat(20);

    private List<Document> read(Path... files) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.read(
                        java.util.Arrays.stream(files).map(Path::toString).toList())
                .toList());
    }

    @Test
    void f1HtmlNestedTenThousandDeepIsReadAndItsArticleFound() throws IOException {
        Path page = Files.writeString(
                dir.resolve("d.html"),
                "<html><body>" + "<div>".repeat(10_000) + "<p>" + ARTICLE + "</p></body></html>");

        Document d = read(page).get(0);

        assertNull(d.error(), d.error());
        assertTrue(d.text().contains("Police arrested people in Lagos."), d.text());
        assertTrue(
                d.warnings().stream().anyMatch(w -> w.contains("nested deeper")),
                d.warnings().toString());
    }

    @Test
    void f1HtmlNestedAHundredThousandDeepTakesSecondsNotMinutes() throws IOException {
        Path page = Files.writeString(
                dir.resolve("deep.html"),
                "<html><body>" + "<div><span>".repeat(50_000) + "<p>" + ARTICLE + "</p>"
                        + "</span></div>".repeat(50_000) + "</body></html>");
        long t0 = System.nanoTime();

        Document d = read(page).get(0);

        assertNull(d.error(), d.error());
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "took " + (System.nanoTime() - t0) / 1e9 + " s");
    }

    @Test
    void ordinaryNestingIsLeftAlone() {
        String html =
                "<html><body>" + "<div>".repeat(50) + "<p>" + ARTICLE + "</p>" + "</div>".repeat(50) + "</body></html>";
        assertEquals(50, HtmlDepth.estimatedDepth(html));
        assertTrue(HtmlDepth.flattenRaw(html, HtmlExtractor.MAX_RAW_DEPTH) == html);
        // paragraphs, list items and void elements never closed do not count as nesting
        assertEquals(
                1,
                HtmlDepth.estimatedDepth(
                        "<div>" + "<p>text<br><img src=x>".repeat(5_000) + "<li>item".repeat(5_000) + "</div>"));
    }

    @Test
    void f2JsonNestedTwoThousandDeepIsALocatedErrorAndTheFilesAroundItAreStillRead() throws IOException {
        Path before = Files.writeString(dir.resolve("a.txt"), Samples.ENGLISH);
        Path deep = Files.writeString(dir.resolve("x.json"), "[".repeat(2000) + "]".repeat(2000));
        Path after = Files.writeString(dir.resolve("z.txt"), Samples.ENGLISH_2);

        List<Document> docs = read(before, deep, after);

        assertEquals(3, docs.size());
        assertNull(docs.get(0).error());
        assertTrue(
                docs.get(1).error().startsWith("line 1, column 100"),
                docs.get(1).error());
        assertTrue(docs.get(1).error().contains("nesting depth"), docs.get(1).error());
        assertNull(docs.get(2).error());
    }

    @Test
    void f2AThousandDigitNumberIsALocatedError() throws IOException {
        Path big = Files.writeString(
                dir.resolve("n.json"),
                "{\"id\": \"n\", \"text\": \"" + Samples.ENGLISH.replace("\n", " ") + "\",\n \"count\": "
                        + "9".repeat(1500) + "}");
        Path lines = Files.writeString(
                dir.resolve("n.jsonl"),
                "{\"id\": \"ok\", \"text\": \"" + Samples.ENGLISH_3.replace("\n", " ")
                        + "\"}\n{\"id\": \"big\", \"n\": " + "9".repeat(1500) + "}\n" + "[".repeat(3000) + "\n");

        Document d = read(big).get(0);
        List<Document> fromLines = read(lines);

        assertTrue(d.error().startsWith("line 2, column "), d.error());
        assertTrue(d.error().contains("Number value length"), d.error());
        assertNull(fromLines.get(0).error());
        assertTrue(
                fromLines.get(1).error().startsWith("line 2, column"),
                fromLines.get(1).error());
        assertTrue(
                fromLines.get(2).error().startsWith("line 3, column"),
                fromLines.get(2).error());
    }

    @Test
    void f3AFeedDeclaringNestedEntitiesIsRefusedAtOnce() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        String feed = "<?xml version=\"1.0\"?>\n" + dtd
                + "<rss version=\"2.0\"><channel><title>Bomb</title><item><title>t</title>"
                + "<description>&lol9;</description></item></channel></rss>";
        Path rss = Files.writeString(dir.resolve("bomb.rss"), feed);

        Document d = read(rss).get(0);

        assertTrue(d.error().contains("declares XML entities made of other entities"), d.error());
    }

    @Test
    void f3EvenWithoutTheCheckTheParserStopsExpandingEntities() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        // UTF-16 hides the declarations from the byte check; the parser's secure processing must still stop it
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + dtd
                + "]>\n<rss version=\"2.0\"><channel><title>B</title><item>"
                + "<title>t</title><description>&lol9;</description></item></channel></rss>";
        byte[] bytes = feed.getBytes(StandardCharsets.UTF_16);

        Feeds.NotAFeed e = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> org.junit.jupiter.api.Assertions.assertThrows(Feeds.NotAFeed.class, () -> Feeds.parse(bytes)));
        assertTrue(e.getMessage().toLowerCase().contains("entit"), e.getMessage());
    }

    @Test
    void aFeedNestedTooDeeplyIsRefusedAtOnce() throws IOException {
        Path rss = Files.writeString(
                dir.resolve("deep.rss"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>" + "<description>"
                        + "<b>".repeat(20_000) + ARTICLE + "</b>".repeat(20_000)
                        + "</description></item></channel></rss>");

        Document d = read(rss).get(0);

        assertTrue(d.error().contains("nested deeper than 1000 levels"), d.error());
    }

    @Test
    void fuzzFindingsStayFixed() throws IOException {
        // a numeric reference to half a surrogate pair in HTML; a namespace URI starting with spaces in a feed
        Path html = Files.writeString(
                dir.resolve("ref.html"), "<html><body><p>" + ARTICLE + " &#xD800; end</p></body></html>");
        Path atom = Files.writeString(
                dir.resolve("ns.atom"),
                "<?xml version=\"1.0\"?><feed xmlns=\"    http://www.w3.org/2005/Atom\">"
                        + "<title>B</title><entry><id>1</id><content>" + ARTICLE + "</content></entry></feed>");

        String block = ARTICLE;
        Path warc = Files.writeString(
                dir.resolve("noid.warc"),
                "WARC/1.0\r\nWARC-Type: resource\r\n" + "Content-Type: text/plain\r\nContent-Length: " + block.length()
                        + "\r\n\r\n" + block + "\r\n\r\n");

        List<Document> docs = read(html, atom, warc);

        assertEquals("noid.warc@0", docs.get(2).id(), "a record without WARC-Record-ID or URI is named by its place");
        assertTrue(Document.wellFormed(docs.get(0).text()) == docs.get(0).text(), "no unpaired surrogate left");
        assertTrue(docs.get(1).error().startsWith("invalid XML: "), docs.get(1).error());
    }

    @Test
    void aScriptBelowTheDepthLimitDoesNotComeBackAsMarkup() throws IOException {
        // fuzz seed 101033127: flattening unwrapped a deep script, its "<div>"s were written back as markup when
        // readability re-parsed the page (it does on a short text) and its recursion overflowed the stack
        String deepScript = "<span>".repeat(300) + "<script>" + "<div>".repeat(20_000) + "</script>";
        Path page = Files.writeString(
                dir.resolve("script.html"),
                "<html><body>" + deepScript + "<p>Police arrested people in Lagos on Monday.</p></body></html>");

        Document d = read(page).get(0);

        assertNull(d.error(), d.error());
        assertEquals("Police arrested people in Lagos on Monday.", d.text());
        org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse("<html><body>" + deepScript + "</body></html>");
        HtmlDepth.flatten(dom, HtmlExtractor.MAX_DEPTH);
        assertTrue(org.jsoup.Jsoup.parse(dom.html()).select("div").isEmpty(), "the script's data stays data");
    }

    @Test
    void aPageOfThirtyThousandEmptyParagraphsIsReadWithoutTheArticleSearch() throws IOException {
        // fuzz seeds 101014246 and 101032846: readability moves nodes one by one and jsoup renumbers the siblings
        // after each, quadratic in the children of one element (12,000 paragraphs: 12-19 s)
        Path page = Files.writeString(
                dir.resolve("wide.html"),
                "<html><body><p>" + ARTICLE + "</p>" + "<p>".repeat(30_000) + "</body></html>");

        Document d = read(page).get(0);

        assertNull(d.error(), d.error());
        assertEquals(ARTICLE.strip(), d.text());
        assertTrue(
                d.warnings().stream()
                        .anyMatch(
                                w -> w.contains("too large to search for the article (an element with 30001 children")),
                d.warnings().toString());
    }

    @Test
    void anOrdinaryPageIsSearchedForItsArticle() {
        String page = "<html><body>" + "<div><a href=x>menu entry</a></div>".repeat(30) + "<article>"
                + ("<p>" + ARTICLE + "</p>").repeat(40) + "</article></body></html>";
        assertNull(HtmlDepth.tooLargeToSearch(
                org.jsoup.Jsoup.parse(page), HtmlExtractor.MAX_CHILDREN, HtmlExtractor.MAX_ELEMENTS));
        assertTrue(HtmlExtractor.extract(page, "").warnings().isEmpty());
    }

    @Test
    void aWarcEndingInLineBreaksAfterABadTrailerEnds() throws IOException {
        // fuzz seeds 101017133 and 101029408: jwarc's trailer scan reread stale buffer bytes after the end of the
        // stream and never returned
        String head =
                "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://news.example/a\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + ARTICLE.length() + "\r\n\r\n";
        Path plain = Files.writeString(dir.resolve("nl.warc"), head + ARTICLE + "\n".repeat(30_000));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write((head + ARTICLE + "\n".repeat(30_000)).getBytes(StandardCharsets.UTF_8));
        }
        Path gzipped = Files.write(dir.resolve("nl.warc.gz"), gz.toByteArray());

        List<Document> docs = read(plain, gzipped);

        assertEquals(2, docs.size());
        for (Document d : docs) {
            assertNull(d.error(), d.error());
            assertEquals("urn:uuid:1", d.id());
            assertTrue(
                    d.warnings().stream().anyMatch(w -> w.contains("malformed trailer")),
                    d.warnings().toString());
        }
    }

    @Test
    void f7ALoneSurrogateInJsonLinesIsReplacedWithAWarning() throws IOException {
        Path lines = Files.writeString(
                dir.resolve("s.jsonl"),
                "{\"id\": \"s\", \"title\": \"Lagos \\udc00\", \"text\": \"" + Samples.ENGLISH.replace("\n", " ")
                        + " \\ud800 end\"}\n");

        Document d = read(lines).get(0);

        assertNull(d.error());
        assertTrue(d.text().endsWith(" \uFFFD end"), d.text());
        assertEquals("Lagos \uFFFD", d.title());
        assertTrue(
                d.warnings().contains("2 unpaired UTF-16 surrogates (not a character) replaced by U+FFFD"),
                d.warnings().toString());
        assertEquals("a\uD83D\uDE00b", Document.wellFormed("a\uD83D\uDE00b"), "a proper pair is kept");
    }

    @Test
    void aShortTextInAnotherScriptIsNotTakenForEnglish() throws IOException {
        Path zh = Files.writeString(dir.resolve("zh.txt"), "警方在拉各斯逮捕了数十名抗议者。");
        Path ru = Files.writeString(dir.resolve("ru.txt"), "Полиция задержала десятки протестующих.");
        Path en = Files.writeString(dir.resolve("en.txt"), "Police arrested dozens in Lagos.");

        List<Document> docs = read(en, ru, zh);

        assertNull(docs.get(0).error());
        assertTrue(
                docs.get(1).error().startsWith("not English (detected: ru)"),
                docs.get(1).error());
        assertTrue(
                docs.get(2).error().startsWith("not English (detected: zh)"),
                docs.get(2).error());
    }

    @Test
    void anEnglishArticleWithOneHugeTokenIsStillEnglish() throws IOException {
        Path blob = Files.writeString(
                dir.resolve("blob.txt"), "x".repeat(20_000) + "\n" + Samples.ENGLISH + "\n" + Samples.ENGLISH_2);

        Document d = read(blob).get(0);

        assertNull(d.error(), d.error());
        assertEquals("en", d.language());
        assertNotNull(d.published());
    }
}
