package org.sitrep.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;
import org.sitrep.store.EventStore;

/** The questions the workbench asks beyond the plain lists: breakdowns, the network with its cut, actor pages, export, sorting. */
class WorkbenchApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static EventStore store;
    static SitrepServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    /** One event: source → target, a CAMEO code with its PLOVER type, an optional ACLED type, a day, a place or none. */
    static DocumentRecord.EventRecord event(
            String id,
            String src,
            String tgt,
            String cameo,
            String plover,
            int quad,
            double goldstein,
            DocumentRecord.Acled acled,
            String day,
            boolean located,
            boolean hedged,
            double confidence) {
        Side s = new Side(src + " text", "a1", src, src.substring(0, 3), List.of(), false);
        Side t = tgt == null ? null : new Side(tgt + " text", "a2", tgt, tgt.substring(0, 3), List.of(), false);
        return new DocumentRecord.EventRecord(
                id,
                0,
                "Evidence " + id + ".",
                new DocumentRecord.Trigger("did", 0, 3),
                cameo,
                plover,
                null,
                acled,
                List.of(),
                quad,
                goldstein,
                List.of(s),
                t == null ? List.of() : List.of(t),
                located ? new DocumentRecord.Location("Basra", "p1", "Basra", "IRQ", 30.5, 47.8) : null,
                new DocumentRecord.When(day, "day", "text"),
                false,
                "asserted",
                "actual",
                hedged,
                null,
                Map.of(),
                "test",
                confidence,
                List.of(),
                null);
    }

    static void put(String id, String outlet, DocumentRecord.EventRecord... events) {
        Document d = Document.of(
                        id, "Text of " + id + " with words enough to be its own article " + id.hashCode(), "2024-05-02")
                .withTitle(id)
                .withOutlet(outlet);
        store.put(
                d,
                new DocumentRecord(
                        id,
                        id,
                        null,
                        outlet,
                        "2024-05-02",
                        "en",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(events),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null));
    }

    @BeforeAll
    static void start() throws Exception {
        store = EventStore.open(
                Files.createTempDirectory("sitrep-workbench-api").resolve("w.duckdb"));
        var battle = new DocumentRecord.Acled("Battles", "Armed clash");
        put(
                "d1",
                "Wire A",
                event("e1", "IRNMIL", "IRQGOV", "190", "ASSAULT", 4, -10, battle, "2024-05-01", true, false, 0.9),
                event("e2", "IRNMIL", "IRQGOV", "190", "ASSAULT", 4, -10, battle, "2024-05-02", false, true, 0.4),
                event("e3", "IRQGOV", "IRNMIL", "111", "ACCUSE", 3, -2, null, "2024-05-02", true, false, 0.7));
        put(
                "d2",
                "Daily B",
                event("e1", "USAGOV", "IRQGOV", "057", "AGREE", 1, 8, null, "2024-05-03", false, false, 0.8),
                event("e2", "IRNGOV", null, "010", "CONSULT", 1, 0, null, "2024-05-03", false, false, 0.8));
        server = new SitrepServer(
                        store,
                        d -> {
                            throw new UnsupportedOperationException();
                        },
                        "t")
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    static int status(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theTypeBreakdownCountsPloverAndAcledTypesAndTheirFiltersSelectThem() throws Exception {
        JsonNode types = get("/api/types");
        assertEquals(2, types.path("plover").get(0).path("events").asInt(), "ASSAULT twice: " + types);
        assertEquals("ASSAULT", types.path("plover").get(0).path("type").asText());
        JsonNode acled = types.path("acled");
        assertEquals("Battles", acled.get(0).path("type").asText());
        assertEquals(2, acled.get(0).path("events").asInt());
        assertTrue(acled.get(1).path("type").isNull(), "events not coded for ACLED are counted as such: " + acled);
        assertEquals(3, acled.get(1).path("events").asInt());
        assertEquals(2, get("/api/events?acled=Battles").path("total").asInt());
        assertEquals(2, get("/api/events?acled=Armed%20clash").path("total").asInt(), "a sub-event type filters too");
    }

    @Test
    void theDirectedDyadAndTheEventFiltersSelect() throws Exception {
        assertEquals(
                2, get("/api/events?source=IRNMIL&target=IRQ").path("total").asInt(), "IRNMIL → IRQ*");
        assertEquals(1, get("/api/events?source=IRQ&target=IRN").path("total").asInt(), "the other direction");
        assertEquals(1, get("/api/events?hedged=true").path("total").asInt());
        assertEquals(4, get("/api/events?hedged=false").path("total").asInt());
        assertEquals(4, get("/api/events?confidence=0.7").path("total").asInt());
        assertEquals(3, get("/api/events?outlet=wire").path("total").asInt());
        assertEquals(0, get("/api/events?historical=true").path("total").asInt());
        assertEquals(400, status("/api/events?hedged=maybe"));
        assertEquals(400, status("/api/events?confidence=high"));
    }

    @Test
    void theTableSortsByAColumnEitherWay() throws Exception {
        List<Double> asc = new ArrayList<>(), desc = new ArrayList<>();
        get("/api/events?sort=confidence")
                .path("items")
                .forEach(e -> asc.add(e.path("confidence").asDouble()));
        get("/api/events?sort=-confidence")
                .path("items")
                .forEach(e -> desc.add(e.path("confidence").asDouble()));
        assertEquals(List.of(0.4, 0.7, 0.8, 0.8, 0.9), asc);
        assertEquals(List.of(0.9, 0.8, 0.8, 0.7, 0.4), desc);
        assertEquals(400, status("/api/events?sort=bogus"));
    }

    @Test
    void theNetworkStatesItsCutAndANodeCountsWhatItsClickSelects() throws Exception {
        JsonNode net = get("/api/network?limit=2");
        assertEquals(3, net.path("total_nodes").asInt(), "IRNMIL, IRQGOV, USAGOV have partners: " + net);
        assertEquals(2, net.path("nodes").size(), "the top two are drawn");
        for (JsonNode n : net.path("nodes")) {
            assertEquals(
                    get("/api/events?actor=" + n.path("id").asText())
                            .path("total")
                            .asLong(),
                    n.path("events").asLong(),
                    "node " + n);
        }
        JsonNode countries = get("/api/network?level=country");
        for (JsonNode n : countries.path("nodes")) {
            assertTrue(n.path("id").asText().matches("[A-Z]{3}"), "a country node is a country: " + n);
            assertEquals(
                    get("/api/events?country=" + n.path("id").asText())
                            .path("total")
                            .asLong(),
                    n.path("events").asLong(),
                    "node " + n);
        }
        assertEquals(
                "IRNMIL text",
                get("/api/network").path("nodes").findValuesAsText("name").stream()
                        .filter(s -> s.startsWith("IRNMIL"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void theNetworkDrawsTheBusiestLinksButLeavesNoNodeWithoutOne() throws Exception {
        JsonNode net = get("/api/network?links=1");
        assertEquals(3, net.path("edges_among").asInt(), "IRNMIL → IRQGOV, IRQGOV → IRNMIL, USAGOV → IRQGOV: " + net);
        List<String> drawn = new ArrayList<>();
        net.path("edges")
                .forEach(e -> drawn.add(
                        e.path("source").asText() + ">" + e.path("target").asText()));
        assertEquals(List.of("IRNMIL>IRQGOV", "USAGOV>IRQGOV"), drawn, "the busiest link, and USAGOV's only one");
        assertEquals(3, net.path("shown_events").asInt(), "the events of the links drawn");
        assertEquals(3, get("/api/network").path("edges").size(), "by default up to three links a node");
    }

    @Test
    void placesMergeOnAGridWithTheirEventsAndHowManyPlaces() throws Exception {
        JsonNode exact = get("/api/places"), grid = get("/api/places?grid=0.1");
        assertEquals(1, grid.size(), grid.toString());
        assertEquals("Basra", grid.get(0).path("name").asText());
        assertEquals(
                exact.get(0).path("events").asInt(), grid.get(0).path("events").asInt());
        assertEquals(1, grid.get(0).path("places").asInt());
        assertEquals(30.5, grid.get(0).path("lat").asDouble(), 1e-9);
        assertEquals(-6.0, grid.get(0).path("goldstein").asDouble(), 1e-9, "the mean Goldstein of its events");
        assertEquals(400, status("/api/places?grid=north"));
    }

    @Test
    void anActorPageHasItsNamesPartnersTypesAndTimeline() throws Exception {
        JsonNode a = get("/api/actor/IRNMIL");
        assertEquals(3, a.path("summary").path("events").asInt());
        assertEquals(2, a.path("summary").path("as_source").asInt());
        assertEquals("IRNMIL text", a.path("names").get(0).path("text").asText());
        JsonNode partner = a.path("partners").get(0);
        assertEquals("IRQGOV", partner.path("partner").asText());
        assertEquals("to", partner.path("direction").asText());
        assertEquals(2, partner.path("events").asInt());
        assertEquals("ASSAULT", a.path("types").get(0).path("type").asText());
        assertEquals("2024-05", a.path("timeline").get(0).path("month").asText());
        assertEquals(400, status("/api/actor/irn'--"));
    }

    @Test
    void theFilteredEventsExportInEveryFormat() throws Exception {
        JsonNode json = get("/api/export?format=json&source=IRNMIL");
        assertEquals(2, json.size());
        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/api/export?format=csv&type=ASSAULT"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertEquals(3, csv.body().strip().split("\n").length, "a header and two rows: " + csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("sitrep-events.csv"));
        for (String format : List.of("gdelt", "plover", "parquet"))
            assertEquals(200, status("/api/export?format=" + format + "&type=ASSAULT"), format);
        assertEquals(400, status("/api/export?format=xls"));
        assertEquals(
                1, get("/api/summary?type=ASSAULT").path("located").asInt(), "one of the two assaults has a place");
    }
}
