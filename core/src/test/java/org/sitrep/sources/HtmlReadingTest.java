package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReadingTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());

    private static final String ARTICLE_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Protesters demand minister's resignation | Daily Planet</title>
              <meta property="article:published_time" content="2019-12-31T10:00:00Z">
              <meta property="og:site_name" content="Daily Planet">
              <link rel="canonical" href="https://planet.example/world/protests">
              <script>window.analytics = {track: function() {}};</script>
            </head>
            <body>
              <nav class="menu"><ul>
                <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
                <li><a href="/sport">Sport and all the latest results</a></li>
              </ul></nav>
              <header><div class="promo">Subscribe today for unlimited access to award-winning journalism</div></header>
              <main>
                <article>
                  <p>%s</p>
                  <p>%s</p>
                </article>
              </main>
              <aside><h2>Most read</h2><ul><li>Celebrity chef opens seventh restaurant in the harbour district</li></ul></aside>
              <footer><p>Copyright 2019 Daily Planet Media Group. All rights reserved. Advertise with us.</p></footer>
            </body>
            </html>
            """.formatted(Samples.ENGLISH.replace("\n", " "), Samples.ENGLISH_2);

    @Test
    void anArticlePageYieldsOnlyTheArticleBodyAndItsMetadata() throws IOException {
        Path page = Files.writeString(dir.resolve("protests.html"), ARTICLE_PAGE);

        List<Document> docs = reader.read(page).toList();

        assertEquals(1, docs.size());
        Document doc = docs.get(0);
        assertTrue(doc.ok(), doc::error);
        assertEquals(
                Samples.ENGLISH.replace("\n", " ") + "\n" + Samples.ENGLISH_2,
                doc.text(),
                "paragraphs separated by one line break, no menu, promo, sidebar or footer");
        assertEquals("2019-12-31", doc.published());
        assertTrue(doc.warnings().isEmpty(), () -> doc.warnings().toString());
        assertEquals("https://planet.example/world/protests", doc.url());
        assertEquals("Daily Planet", doc.outlet());
        assertTrue(doc.title().startsWith("Protesters demand minister's resignation"), doc.title());
        assertEquals("protests", doc.id());
    }

    @Test
    void htmlOnStdinIsRecognisedByItsDoctype() {
        Document doc =
                reader.read("stdin", stream("\n  " + ARTICLE_PAGE)).findFirst().orElseThrow();

        assertTrue(doc.ok(), doc::error);
        assertFalse(doc.text().contains("<p>"));
        assertFalse(doc.text().contains("Subscribe"));
        assertEquals("2019-12-31", doc.published());
    }

    @Test
    void thePublicationDateIsFoundInJsonLdOrATimeElement() {
        String jsonLd = page("""
                <script type="application/ld+json">
                  {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
                   "datePublished": "2020-02-03T08:00:00+01:00", "publisher": {"name": "Wire Service"}}]}
                </script>""", "");
        String time = page("", "<time datetime=\"2020-04-05\">5 April</time>");

        Document fromJsonLd = reader.read("a.html", stream(jsonLd)).findFirst().orElseThrow();
        Document fromTime = reader.read("b.html", stream(time)).findFirst().orElseThrow();

        assertEquals("2020-02-03", fromJsonLd.published());
        assertEquals("Wire Service", fromJsonLd.outlet());
        assertEquals("2020-04-05", fromTime.published());
    }

    @Test
    void aPageWithNoArticleTextIsAnError() throws IOException {
        String loginPage = """
                <!doctype html><html><head><title>Sign in</title></head>
                <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us and our team</a></nav>
                <form><input name="user"><button>Sign in to continue reading</button></form>
                <footer>Copyright 2024 Example Media. Terms of service. Privacy policy.</footer></body></html>
                """;

        Document doc = reader.read(Files.writeString(dir.resolve("login.htm"), loginPage))
                .findFirst()
                .orElseThrow();

        assertEquals("HTML page has no article text", doc.error());
    }

    @Test
    void malformedHtmlDoesNotThrow() {
        String broken = "<!DOCTYPE html><html><body><div><p>" + Samples.ENGLISH_3
                + "<p><b><i>unclosed <table><tr><td>cell</div></span></html></html><p";

        Document doc = reader.read("broken.html", stream(broken)).findFirst().orElseThrow();

        assertTrue(doc.ok(), doc::error);
        assertTrue(doc.text().startsWith("Rebels attacked an army convoy"), doc.text());
    }

    private static String page(String head, String beforeArticle) {
        return "<!DOCTYPE html><html><head><title>Story</title>" + head + "</head><body>" + beforeArticle
                + "<article><p>" + Samples.ENGLISH_2 + "</p><p>" + Samples.ENGLISH_3 + "</p></article></body></html>";
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
