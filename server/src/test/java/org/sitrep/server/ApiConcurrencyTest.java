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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.RecordBuilder;
import org.sitrep.sources.Document;
import org.sitrep.store.EventStore;

/** Issue 16 F9 and item 7: the same document posted by many clients at once is stored once, and no one gets a 500. */
class ApiConcurrencyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static EventStore store;
    static SitrepServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    /** The stand-in coder takes a little while, as the real one does, so that requests overlap. */
    static DocumentRecord slowCoder(Document d) {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return d.ok() ? SitrepServerTest.fakeCoder(d) : RecordBuilder.failed(d, d.published());
    }

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sitrep-api-race");
        store = EventStore.open(dir.resolve("race.duckdb"));
        server = new SitrepServer(store, ApiConcurrencyTest::slowCoder, "t0k").start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/documents"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer t0k")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the bodies at once; returns how many said "stored", after checking every answer is 200 or 201. */
    private static int postConcurrently(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (String b : bodies) calls.add(() -> post(b));
            int stored = 0;
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
                JsonNode doc = JSON.readTree(r.body()).get("documents").get(0);
                if (doc.get("stored").asBoolean()) {
                    stored++;
                    assertEquals(201, r.statusCode());
                } else {
                    assertEquals(200, r.statusCode(), "nothing new stored is a 200");
                }
            }
            return stored;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(String id, String text, String url) throws Exception {
        var m = new java.util.LinkedHashMap<String, Object>();
        if (id != null) m.put("id", id);
        m.put("text", text);
        if (url != null) m.put("url", url);
        m.put("published", "2024-03-04");
        return JSON.writeValueAsString(m);
    }

    @Test
    void tenClientsPostingTheSameIdTextOrUrlStoreItOnce() throws Exception {
        long before = store.documents();
        List<String> sameId = new ArrayList<>(), sameText = new ArrayList<>(), sameUrl = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sameId.add(body("race-id", "Iranian forces shelled Basra on Monday, version " + i + ".", null));
            sameText.add(body("race-text-" + i, "Iranian forces shelled three villages near Basra before dawn.", null));
            sameUrl.add(body(
                    "race-url-" + i,
                    "Iraq summoned the Iranian ambassador, draft " + i + ".",
                    "https://example.org/race"));
        }
        assertEquals(1, postConcurrently(sameId));
        assertEquals(1, postConcurrently(sameText));
        assertEquals(1, postConcurrently(sameUrl));
        assertEquals(before + 3, store.documents());
    }

    @Test
    void trailingGarbageAfterTheBodyIsRefused() throws Exception {
        HttpResponse<String> r =
                post(body("garbage", "Police arrested protesters in Lagos on Monday.", null) + " trailing");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("invalid JSON"), r.body());
    }

    @Test
    void deeplyNestedJsonIsA400() throws Exception {
        HttpResponse<String> r = post("[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void aShortChineseTextIsStoredAsNotEnglishNotCodedAsEnglish() throws Exception {
        HttpResponse<String> r = post(body("zh-1", "警方在拉各斯逮捕了数十名抗议者。", null));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode doc = JSON.readTree(r.body()).get("documents").get(0);
        assertTrue(doc.get("error").asText().startsWith("not English (detected: zh)"), r.body());
        assertEquals(0, doc.get("events").asInt());
    }

    @Test
    void aLoneSurrogateIsReplacedNotA500() throws Exception {
        HttpResponse<String> r =
                post("{\"id\": \"sur\", \"text\": \"Police arrested protesters in Lagos \\ud800 on Monday.\"}");
        assertEquals(201, r.statusCode(), r.body());
    }
}
