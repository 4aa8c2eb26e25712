package org.sitrep.server;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.store.EventStore;

/** The web workbench is built into the server's classes (web/, by npm and Vite) and served at "/" beside the API. */
class WorkbenchPageTest {
    static Path dir;
    static EventStore store;
    static SitrepServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(Boolean.getBoolean("web.skip"), "built with -Dweb.skip=true: no web page");
        dir = Files.createTempDirectory("sitrep-web");
        store = EventStore.open(dir.resolve("web.duckdb"));
        server = new SitrepServer(
                        store,
                        d -> {
                            throw new UnsupportedOperationException("no coder here");
                        },
                        "t")
                .start(0);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsOnTheClasspathAndServedAtTheRoot() throws Exception {
        assertNotNull(
                SitrepServer.class.getResource("/sitrep/web/index.html"),
                "the build puts the page in the server's classes (npm run build in web/)");
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(
                page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                page.headers().toString());
        assertTrue(page.body().contains("<title>sitrep workbench</title>"), page.body());
        Matcher script = Pattern.compile("<script type=\"module\"[^>]*src=\"\\.?/?(assets/[^\"]+\\.js)\"")
                .matcher(page.body());
        assertTrue(script.find(), "the page loads the built script: " + page.body());
        assertFalse(page.body().contains("/src/main.js"), "the built page, not the source page");

        HttpResponse<String> js = get("/" + script.group(1));
        assertEquals(200, js.statusCode());
        assertTrue(
                js.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                js.headers().toString());
        assertTrue(
                js.body().length() > 100_000,
                "d3, cytoscape and the world map are bundled in, nothing comes from a CDN");
        assertTrue(js.body().contains("sitrep"), "it is the workbench's script");
        assertFalse(js.body().matches("(?s).*https?://(cdn|unpkg|cdnjs)[^\"']*\\.js.*"), "no CDN");
    }

    @Test
    void theApiStaysUnderApi() throws Exception {
        HttpResponse<String> health = get("/api/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
        HttpResponse<String> missing = get("/api/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("not found"), missing.body());
    }
}
