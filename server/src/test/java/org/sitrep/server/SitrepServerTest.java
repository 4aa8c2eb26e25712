package org.sitrep.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.store.EventStore;

/** The API over loopback, with a stand-in coder (one ASSAULT event per document) instead of the language model. */
class SitrepServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static EventStore store;
    static SitrepServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    static DocumentRecord fakeCoder(Document d) {
        var src = new DocumentRecord.Side("Iranian forces", "a1", "IRNMIL", "IRN", List.of("MIL"), false);
        var tgt = new DocumentRecord.Side("Basra", "a2", "IRQ", "IRQ", List.of(), false);
        var e = new DocumentRecord.EventRecord(
                "e1",
                0,
                d.text(),
                new DocumentRecord.Trigger("shelled", 0, 7),
                "194",
                "ASSAULT",
                null,
                null,
                List.of(),
                4,
                -10.0,
                List.of(src),
                List.of(tgt),
                new DocumentRecord.Location("Basra", "p1", "Basra", "IRQ", 30.5, 47.8),
                new DocumentRecord.When(d.published(), "day", "publication"),
                false,
                "asserted",
                "actual",
                false,
                null,
                Map.of(),
                "test",
                0.7,
                List.of(),
                null);
        return new DocumentRecord(
                d.id(),
                d.title(),
                d.url(),
                d.outlet(),
                d.published(),
                "en",
                List.of(),
                List.of(),
                List.of(),
                List.of(e),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("sitrep-server");
        store = EventStore.open(dir.resolve("api.duckdb"));
        server = new SitrepServer(store, SitrepServerTest::fakeCoder, "s3cret").start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 3 MB body announced the way curl announces large uploads (Expect: 100-continue): refused before it is sent. */
    static String hugeBodyResponse() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 3000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buf = new byte[4096];
            StringBuilder out = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buf)) > 0 && out.indexOf("}") < 0)
                out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            return out.toString();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSubmittedDocumentIsCodedStoredAndQueryable() throws Exception {
        HttpResponse<String> r = post(
                "{\"id\": \"d1\", \"published\": \"2024-05-02\", \"text\": \"Iranian forces shelled Basra.\"}",
                "s3cret");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"stored\":true"), r.body());
        assertEquals(
                200,
                post("{\"id\": \"d1\", \"text\": \"Iranian forces shelled Basra.\"}", "s3cret")
                        .statusCode());
        assertTrue(post("{\"id\": \"d1\", \"text\": \"Iranian forces shelled Basra.\"}", "s3cret")
                .body()
                .contains("already stored"));
        JsonNode events = JSON.readTree(get("/api/events?country=IRQ&type=ASSAULT&from=2024-05-01&to=2024-05-31")
                .body());
        assertTrue(events.get("total").asLong() >= 1, events.toString());
        assertEquals("IRNMIL", events.get("items").get(0).get("source_code").asText());
        assertEquals(200, get("/api/documents/d1").statusCode());
        assertTrue(get("/api/actors").body().contains("IRNMIL"));
        assertTrue(get("/api/places").body().contains("Basra"));
        assertTrue(get("/api/timeseries").body().contains("2024-05-02"));
        assertTrue(get("/api/openapi.json").body().contains("\"openapi\""));
    }

    @Test
    void reportsOfOneEventAreClusteredAndAnswersFollowNewWrites() throws Exception {
        String text =
                "Iranian forces shelled villages near Basra on Friday, killing two farmers, the provincial governor told reporters.";
        assertEquals(
                0,
                JSON.readTree(get("/api/events?from=2024-07-05&to=2024-07-05").body())
                        .get("total")
                        .asLong());
        post(
                "{\"id\": \"c1\", \"published\": \"2024-07-05\", \"outlet\": \"Example Wire\", \"text\": \"" + text
                        + "\"}",
                "s3cret");
        JsonNode after =
                JSON.readTree(get("/api/events?from=2024-07-05&to=2024-07-05").body());
        assertEquals(1, after.get("total").asLong(), "a cached answer is dropped when a document arrives");
        post(
                "{\"id\": \"c2\", \"published\": \"2024-07-05\", \"outlet\": \"Harbor Post\", \"text\": \""
                        + text.replace("told reporters", "said") + "\"}",
                "s3cret");
        post(
                "{\"id\": \"c3\", \"published\": \"2024-07-05\", \"outlet\": \"Meridian\", \"text\": \"Shells from Iran hit Basra, officials said.\"}",
                "s3cret");
        JsonNode clusters =
                JSON.readTree(get("/api/clusters?from=2024-07-05&to=2024-07-05").body());
        assertEquals(1, clusters.get("total").asLong(), clusters.toString());
        JsonNode c = clusters.get("items").get(0);
        assertEquals(
                List.of(3, 3, 2),
                List.of(
                        c.get("documents").asInt(),
                        c.get("sources").asInt(),
                        c.get("independent").asInt()),
                c.toString());
        JsonNode events = JSON.readTree(
                get("/api/events?cluster=" + c.get("cluster_id").asText()).body());
        assertEquals(3, events.get("total").asLong());
        assertEquals(3, events.get("items").get(0).get("cluster_documents").asInt());
        JsonNode copy = JSON.readTree(get("/api/documents/c2").body());
        assertEquals("c1", copy.get("duplicate_of").asText(), "the lightly edited copy links to the first");
        assertTrue(copy.get("text").asText().contains("killing two farmers"));
        assertEquals(
                "c2",
                JSON.readTree(get("/api/documents/c1").body())
                        .get("duplicates")
                        .get(0)
                        .asText());
    }

    @Test
    void badInputGetsAClearFourHundredAndStoresNothing() throws Exception {
        long before = store.documents();
        assertEquals(401, post("{\"text\": \"x\"}", null).statusCode());
        assertEquals(401, post("{\"text\": \"x\"}", "wrong").statusCode());
        HttpResponse<String> invalid = post("{\"text\": ", "s3cret");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("invalid JSON"), invalid.body());
        HttpResponse<String> types = post("{\"text\": 42}", "s3cret");
        assertEquals(400, types.statusCode());
        assertTrue(types.body().contains("\\\"text\\\" must be a string"), types.body());
        assertEquals(
                400,
                post("{\"text\": \"ok\", \"published\": \"yesterday\"}", "s3cret")
                        .statusCode());
        assertEquals(400, post("[1, 2]", "s3cret").statusCode());
        assertEquals(400, post("\"just a string\"", "s3cret").statusCode());
        String huge = hugeBodyResponse();
        assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
        assertTrue(huge.contains("too large"), huge);
        assertEquals(400, get("/api/events?page=-1").statusCode());
        assertEquals(400, get("/api/events?from=last-week").statusCode());
        assertEquals(404, get("/api/documents/nope").statusCode());
        assertEquals(before, store.documents(), "nothing stored");
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer s3cret")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithTheMethodsItAllows() throws Exception {
        HttpResponse<String> delete = send("DELETE", "/api/events");
        HttpResponse<String> get = send("GET", "/api/documents");
        HttpResponse<String> put = send("PUT", "/api/documents/some-id");
        HttpResponse<String> post = send("POST", "/api/actor/IRN");

        assertEquals(405, delete.statusCode());
        assertEquals("GET", delete.headers().firstValue("Allow").orElse(null));
        assertEquals(
                "method DELETE not allowed on /api/events; allowed: GET",
                JSON.readTree(delete.body()).get("error").asText());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertEquals(405, put.statusCode());
        assertEquals("GET", put.headers().firstValue("Allow").orElse(null));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(null));
        assertEquals(404, send("GET", "/api/no-such-thing").statusCode(), "an unknown path is still not found");
        assertEquals(404, send("DELETE", "/api/no-such-thing").statusCode());
    }

    @Test
    void manyClientsAtOnceGetNoErrors() throws Exception {
        post(
                "{\"id\": \"load\", \"published\": \"2024-06-01\", \"text\": \"Iranian forces shelled Basra again.\"}",
                "s3cret");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String path = List.of("/api/events?size=20", "/api/actors", "/api/places", "/api/timeseries", "/api/health")
                    .get(i % 5);
            results.add(pool.submit(() -> get(path).statusCode()));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<Integer> f : results) assertEquals(200, f.get());
    }
}
