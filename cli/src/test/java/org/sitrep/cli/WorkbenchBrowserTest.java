package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.server.SitrepServer;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import org.sitrep.store.EventStore;

/**
 * The analyst workbench end to end: the demo corpus coded by the real pipeline into a DuckDB store, the
 * server on a free port, and the page driven in headless Chromium (the system's chromium and chromedriver;
 * Selenium Manager never downloads anything). Screenshots of each step go to target/screenshots/.
 * Without Chromium the test skips, or fails when the CI environment variable is set.
 */
@Tag("browser")
@Tag("corenlp")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest extends WorkbenchChecks {
    static final String TOKEN = "browser-test-token";

    Path dir;
    EventStore store;
    Coder coder;
    SitrepServer server;

    @Override
    String name() {
        return "demo";
    }

    @BeforeAll
    void start() throws Exception {
        assumeFalse(Boolean.getBoolean("web.skip"), "built with -Dweb.skip=true: no web page to test");
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
        if (missing != null) {
            String message =
                    missing + " is missing: the workbench browser test needs Debian's chromium and chromium-driver"
                            + " (apt-get install -y chromium chromium-driver)";
            if (System.getenv("CI") != null) fail(message);
            System.err.println("WorkbenchBrowserTest skipped: " + message);
            assumeTrue(false, message + "; skipped (set CI to make this a failure)");
        }
        assertNotNull(
                SitrepServer.class.getResource("/sitrep/web/index.html"),
                "the web page is not on the classpath: the server module's build runs npm in web/");

        dir = Files.createTempDirectory("sitrep-browser");
        store = EventStore.open(dir.resolve("demo.duckdb"));
        coder = new Coder(
                List.of(), Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        Path examples = Files.isDirectory(Path.of("..", "examples")) ? Path.of("..", "examples") : Path.of("examples");
        List<Document> docs = new DocumentReader(DocumentReader.Options.defaults())
                .read(List.of(examples.toString()))
                .toList();
        assertFalse(docs.isEmpty(), "the demo corpus in " + examples.toAbsolutePath());
        coder.codeAll(docs.iterator(), store::put);
        assertTrue(store.events() > 10, "the demo corpus codes into events: " + store.events());
        server = new SitrepServer(store, coder.pipeline()::code, TOKEN).start(0);

        openBrowser(server.port(), dir.resolve("chrome-profile"));
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) driver.quit();
        driver = null;
        if (server != null) server.close();
        if (store != null) store.close();
        if (coder != null) coder.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshPage() {
        driver.get(base);
        settled(0);
    }

    // ------------------------------------------------------------------ steps

    @Test
    @Order(1)
    void everyViewShowsTheStore() throws Exception {
        assertTrue(count("[data-testid=timeline-bar]") > 0, "the timeline has bars");
        assertEquals(4, count("[data-testid=timeline-legend] .key"), "a legend for the four quad classes");
        assertTrue(count("[data-testid=map-point]") > 0, "the map has event circles");
        assertTrue(count("[data-testid=map-country]") > 100, "the map outlines the countries (bundled world atlas)");
        WebElement network = el("[data-testid=network]");
        assertTrue(Integer.parseInt(network.getDomAttribute("data-nodes")) > 1, "the network has nodes");
        assertTrue(Integer.parseInt(network.getDomAttribute("data-edges")) > 0, "the network has edges");
        assertEquals(
                ((Number) js("return window.sitrep.cy.nodes().length")).intValue(),
                Integer.parseInt(network.getDomAttribute("data-nodes")));
        assertEquals(
                String.valueOf(store.events()),
                el("[data-testid=table-total]").getDomAttribute("data-total"),
                "the table counts every stored event");
        assertTrue(count("[data-testid=event-row]") > 0);
        assertTrue(
                js("return window.sitrep.errors.length").toString().equals("0"),
                "no view failed: " + js("return window.sitrep.errors"));
        shot("01-overview");
    }

    @Test
    @Order(2)
    void filtersNarrowEveryView() throws Exception {
        long all = total();
        int points = count("[data-testid=map-point]");
        String country = topCountry();

        setFilter("country", country);
        long byCountry = total();
        assertTrue(byCountry > 0 && byCountry < all, "country " + country + ": " + byCountry + " of " + all);
        for (WebElement row : els("[data-testid=event-row]")) {
            assertTrue(
                    (" " + row.getDomAttribute("data-countries") + " ").contains(" " + country + " "),
                    "every row involves " + country + ": " + row.getText());
        }
        assertTrue(count("[data-testid=map-point]") <= points, "the map narrows too");
        assertTrue(
                driver.getCurrentUrl().contains("country=" + country),
                "the filter is in the URL: " + driver.getCurrentUrl());
        shot("02-filter-country");

        String type = el("[data-testid=event-row]").getDomAttribute("data-plover");
        setFilter("type", type);
        long ofType = total();
        assertTrue(ofType > 0 && ofType <= byCountry, type + " in " + country + ": " + ofType);
        for (WebElement row : els("[data-testid=event-row]"))
            assertEquals(type, row.getDomAttribute("data-plover"), row.getText());
        shot("03-filter-type");

        clearFilters();
        assertEquals(all, total(), "Clear brings everything back");

        // clicking a timeline bar filters to its day (or week, month)
        long before = generation();
        // the brush lies over the bars: a click there (not a drag) picks the bar under the pointer
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(el("[data-testid=timeline-bar]"))
                .click()
                .perform();
        settled(before);
        assertFalse(el("[data-testid=filter-from]").getDomProperty("value").isEmpty(), "the bar set the date range");
        assertTrue(total() > 0 && total() < all, "a bar filters to its period: " + total());
        clearFilters();

        // clicking a network node filters to that actor
        String actor = (String) js("return window.sitrep.cy.edges()[0].source().id()");
        before = generation();
        js("window.sitrep.cy.getElementById(arguments[0]).emit('tap')", actor);
        settled(before);
        assertEquals(actor, el("[data-testid=filter-actor]").getDomProperty("value"));
        assertTrue(total() > 0, "events of " + actor);
        for (WebElement row : els("[data-testid=event-row]")) {
            assertTrue(
                    List.of(row.getDomAttribute("data-actors").split(" ")).stream()
                            .anyMatch(a -> a.startsWith(actor)),
                    "every row involves " + actor + ": " + row.getText());
        }
        shot("04-filter-actor");
    }

    @Test
    @Order(3)
    void theEvidenceViewHighlightsTheTriggerInTheArticle() throws Exception {
        WebElement row = els("[data-testid=event-row]").stream()
                .filter(r -> !r.getDomAttribute("data-trigger").isBlank())
                .findFirst()
                .orElseThrow();
        String doc = row.getDomAttribute("data-doc"),
                event = row.getDomAttribute("data-event"),
                trigger = row.getDomAttribute("data-trigger");
        click(row);
        evidenceReady();
        WebElement panel = el("[data-testid=evidence]");
        assertTrue(panel.isDisplayed());
        assertEquals(doc, panel.getDomAttribute("data-doc"));
        assertEquals(event, panel.getDomAttribute("data-event"));

        List<WebElement> marks = driver.findElements(By.cssSelector(
                "[data-testid=evidence-text] [data-testid=evidence-sentence] [data-testid=evidence-trigger]"));
        assertFalse(marks.isEmpty(), "the trigger is marked inside the event's sentence of the article");
        String marked = marks.stream().map(WebElement::getText).reduce("", String::concat);
        assertEquals(trigger, marked, "the marked text is the trigger");
        String background = marks.get(0).getCssValue("background-color");
        assertNotEquals("rgba(0, 0, 0, 0)", background, "the trigger is highlighted");
        assertTrue(
                el("[data-testid=evidence-text]").getText().length()
                        > el("[data-testid=evidence-sentence]").getText().length(),
                "the article is shown, not only the sentence");
        assertTrue(count("[data-testid=evidence-legend] span") >= 5, "a legend for the highlight styles");

        JsonNode record = JSON.readTree(get("api/documents/" + doc).body());
        JsonNode ev = null;
        for (JsonNode e : record.path("events")) if (e.path("id").asText().equals(event)) ev = e;
        assertNotNull(ev, "the event is in its document record");
        assertEquals(ev.path("trigger").path("text").asText(), trigger);
        assertTrue(
                el("[data-testid=field-rule]")
                        .getText()
                        .contains(ev.path("rule").asText()),
                "the rule that coded it");
        assertTrue(
                el("[data-testid=field-confidence]")
                        .getText()
                        .contains(String.format(
                                Locale.ROOT, "%.2f", ev.path("confidence").asDouble())),
                "its confidence");
        assertTrue(
                el("[data-testid=field-modality]")
                        .getText()
                        .contains(ev.path("modality").asText()),
                "its modality");
        assertTrue(el("[data-testid=field-attribution]").isDisplayed(), "its attribution");
        assertEquals(
                record.path("events").size(),
                count("[data-testid=evidence-events] [data-testid=evidence-event]"),
                "the document's other events are listed");
        assertChain(record);
        JsonNode apiRow = JSON.readTree(get("api/events?size=500").body()).path("items").findParents("doc_id").stream()
                .filter(r -> r.path("doc_id").asText().equals(doc)
                        && r.path("event_id").asText().equals(event))
                .findFirst()
                .orElseThrow();
        if (!apiRow.path("cluster_id").isMissingNode()
                && !apiRow.path("cluster_id").isNull()) {
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> el("[data-testid=evidence-cluster]").isDisplayed());
            assertTrue(
                    el("[data-testid=evidence-cluster]")
                            .getText()
                            .startsWith("Reported by "
                                    + apiRow.path("cluster_documents").asInt() + " document"),
                    el("[data-testid=evidence-cluster]").getText());
        }
        shot("05-evidence");

        // another event of the document opens in place
        if (record.path("events").size() > 1) {
            WebElement other = els("[data-testid=evidence-events] [data-testid=evidence-event]").stream()
                    .filter(li -> !event.equals(li.getDomAttribute("data-event")))
                    .findFirst()
                    .orElseThrow();
            String otherId = other.getDomAttribute("data-event");
            click(other);
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> otherId.equals(el("[data-testid=evidence]").getDomAttribute("data-event")));
            assertFalse(driver.findElements(
                            By.cssSelector("[data-testid=evidence-sentence] [data-testid=evidence-trigger]"))
                    .isEmpty());
        }
        click("[data-testid=evidence-close]");
        assertFalse(el("[data-testid=evidence]").isDisplayed(), "the panel closes");
    }

    @Test
    @Order(4)
    void aSubmittedDocumentAppearsAfterReload() throws Exception {
        setFilter("q", "stormed the U.S. embassy"); // kept in the URL, so the reload below keeps it
        long before = total();
        String body = """
                {"id": "browser-submitted", "published": "2025-02-01", "outlet": "Test Wire", "title": "Militia supporters storm embassy",
                 "text": "Hundreds of militia supporters stormed the U.S. embassy in Baghdad on Tuesday in response to U.S. airstrikes that killed 25 fighters on Sunday. The airstrikes were launched in retaliation for rocket attacks on an Iraqi base, the Pentagon said."}""";
        HttpResponse<String> denied = post(body, null);
        assertEquals(401, denied.statusCode(), "writes need the token");
        HttpResponse<String> created = post(body, TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"stored\":true"), created.body());

        driver.navigate().refresh();
        settled(0);
        assertEquals(
                "stormed the U.S. embassy",
                el("[data-testid=filter-q]").getDomProperty("value"),
                "the filter survives the reload");
        assertTrue(total() > before, "the table counts the new event");
        List<WebElement> rows =
                driver.findElements(By.cssSelector("[data-testid=event-row][data-doc=browser-submitted]"));
        assertFalse(rows.isEmpty(), "the submitted document's event is in the table");
        shot("06-submitted");

        click(rows.get(0));
        evidenceReady();
        assertFalse(
                driver.findElements(By.cssSelector("[data-testid=evidence-sentence] [data-testid=evidence-trigger]"))
                        .isEmpty());
        JsonNode record = JSON.readTree(get("api/documents/browser-submitted").body());
        assertChain(record);
        shot("07-submitted-evidence");
        click("[data-testid=evidence-close]");

        // a wire copy of it from another outlet: one real-world event, reported by two documents, one independent
        String copy = body.replace("\"browser-submitted\"", "\"browser-submitted-copy\"")
                .replace("Test Wire", "Other Daily")
                .replace("\"text\": \"", "\"text\": \"BAGHDAD (Other Daily) - ");
        assertEquals(201, post(copy, TOKEN).statusCode());
        driver.navigate().refresh();
        settled(0);
        WebElement copied = el("[data-testid=event-row][data-doc=browser-submitted-copy]");
        assertTrue(
                copied.findElement(By.cssSelector("[data-testid=row-reports]"))
                        .getText()
                        .startsWith("2 docs / 2 src"),
                copied.getText());
        click(copied);
        evidenceReady();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> el("[data-testid=evidence-cluster]").isDisplayed());
        assertTrue(
                el("[data-testid=evidence-cluster]").getText().startsWith("Reported by 2 documents (1 independent)"),
                el("[data-testid=evidence-cluster]").getText());
        assertTrue(
                el("[data-testid=evidence-duplicate]").getText().contains("browser-submitted"),
                "the copy names the document it copies");
        shot("08-wire-copy");
    }

    // ------------------------------------------------------------------ helpers

    void clearFilters() {
        long before = generation();
        click("[data-testid=filter-reset]");
        settled(before);
    }

    void evidenceReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "ready".equals(el("[data-testid=evidence]").getDomAttribute("data-state")));
    }

    /** Every relation of the record is drawn as a link from its cause to its effect, with its cue. */
    void assertChain(JsonNode record) {
        List<WebElement> links = els("[data-testid=evidence-chain] [data-testid=chain-link]");
        for (JsonNode r : record.path("relations")) {
            String from = r.path("from").asText(), to = r.path("to").asText();
            assertTrue(
                    links.stream()
                            .anyMatch(l -> from.equals(l.getDomAttribute("data-from"))
                                    && to.equals(l.getDomAttribute("data-to"))
                                    && l.getText().contains(r.path("cue").asText())),
                    "the chain shows " + r + " among " + links.size() + " links");
        }
        if (record.path("relations").isEmpty()) assertTrue(links.isEmpty());
    }

    void click(String css) {
        click(el(css));
    }

    void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "api/documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
