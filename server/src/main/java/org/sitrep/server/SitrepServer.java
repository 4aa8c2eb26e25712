package org.sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;
import org.sitrep.store.Exporter;

/**
 * The HTTP API: submit documents (token required) and query events, actor pairs, places and time series,
 * paged and filtered; the OpenAPI description is at /api/openapi.json.
 *
 * <pre>{@code
 * SitrepServer server = new SitrepServer(store, pipeline::code, "secret").start(8080);
 * }</pre>
 */
public final class SitrepServer implements AutoCloseable {
    static final long MAX_BODY = 2_000_000;
    private static final int MAX_PAGE = 500;
    // trailing content after the body ("{...} garbage") is an error, not ignored
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String WEB = "/sitrep/web";

    private final EventStore store;
    private final Queries queries;
    private final Function<Document, DocumentRecord> coder;
    private final String token;
    private final Javalin app;

    /** Thrown for requests that are the client's fault: they get a 4xx with the message. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public SitrepServer(EventStore store, Function<Document, DocumentRecord> coder, String token) {
        this.store = store;
        this.queries = new Queries(store);
        this.coder = coder;
        this.token = token;
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            // the analyst workbench (web/, built by npm into the jar) at "/"; the API stays under /api
            if (SitrepServer.class.getResource(WEB + "/index.html") != null)
                config.staticFiles.add(WEB, Location.CLASSPATH);
            else
                config.routes.get("/", ctx -> ctx.status(404)
                        .result("the web page is not in this build (built with -Dweb.skip=true?); the API is at /api"));
            config.routes.before("/api/documents", ctx -> {
                if (ctx.contentLength() > MAX_BODY)
                    throw new BadRequest(413, "request body too large (limit " + MAX_BODY + " bytes)");
            });
            route(config, HandlerType.GET, "/api/health", ctx -> {
                Map<String, Object> n = queries.counts();
                ctx.json(Map.of("status", "ok", "documents", n.get("documents"), "events", n.get("events")));
            });
            route(config, HandlerType.GET, "/api/openapi.json", this::openapi);
            route(config, HandlerType.POST, "/api/documents", this::submit);
            route(config, HandlerType.GET, "/api/documents/{id}", this::document);
            route(
                    config,
                    HandlerType.GET,
                    "/api/events",
                    ctx -> answer(ctx, f -> queries.events(f, intParam(ctx, "page", 0), size(ctx), sort(ctx))));
            route(config, HandlerType.GET, "/api/summary", ctx -> answer(ctx, queries::summary));
            route(config, HandlerType.GET, "/api/types", ctx -> answer(ctx, queries::types));
            route(config, HandlerType.GET, "/api/network", ctx -> {
                int limit = Math.max(1, Math.min(500, intParam(ctx, "limit", 40)));
                answer(
                        ctx,
                        f -> queries.network(
                                f, level(ctx), limit, Math.max(1, Math.min(5000, intParam(ctx, "links", 3 * limit)))));
            });
            route(
                    config,
                    HandlerType.GET,
                    "/api/actor/{code}",
                    ctx -> answer(ctx, f -> queries.actor(code(ctx.pathParam("code")), f)));
            route(config, HandlerType.GET, "/api/export", this::export);
            route(config, HandlerType.GET, "/api/export/formats", ctx -> ctx.json(exportFormats()));
            route(
                    config,
                    HandlerType.GET,
                    "/api/clusters",
                    ctx -> answer(ctx, f -> queries.clusters(f, intParam(ctx, "page", 0), size(ctx))));
            route(
                    config,
                    HandlerType.GET,
                    "/api/actors",
                    ctx -> answer(ctx, f -> queries.actors(f, Math.min(1000, intParam(ctx, "limit", 200)))));
            route(config, HandlerType.GET, "/api/places", ctx -> answer(ctx, f -> queries.places(f, grid(ctx))));
            route(config, HandlerType.GET, "/api/timeseries", ctx -> answer(ctx, queries::timeseries));
            config.routes.exception(
                    BadRequest.class, (e, ctx) -> ctx.status(e.status).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500)
                    .json(Map.of("error", "internal error: " + e.getClass().getSimpleName())));
            config.routes.error(
                    413,
                    "*",
                    ctx -> ctx.json(Map.of("error", "request body too large (limit " + MAX_BODY + " bytes)")));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) ctx.json(Map.of("error", "not found: " + ctx.path()));
            });
            // a known path asked with a method it does not answer: 405 and the methods it does (RFC 9110 15.5.6)
            config.http.prefer405over404 = true;
            config.routes.error(405, "*", ctx -> {
                String allow = allowed(ctx.path());
                if (allow != null) ctx.header("Allow", allow);
                ctx.json(Map.of(
                        "error",
                        "method " + ctx.method() + " not allowed on " + ctx.path()
                                + (allow == null ? "" : "; allowed: " + allow)));
            });
        });
    }

    /** The API's path patterns and the methods each answers, for the Allow header of a 405. */
    private final Map<String, java.util.Set<String>> methods = new java.util.LinkedHashMap<>();

    private void route(
            io.javalin.config.JavalinConfig config, HandlerType method, String path, io.javalin.http.Handler handler) {
        config.routes.addHttpHandler(method, path, handler);
        methods.computeIfAbsent(path, p -> new java.util.TreeSet<>()).add(method.name());
    }

    /** The methods a request path answers to, as an Allow header value, or null if no API path matches it. */
    String allowed(String path) {
        java.util.Set<String> allow = new java.util.TreeSet<>();
        methods.forEach((pattern, m) -> {
            if (matches(pattern, path)) allow.addAll(m);
        });
        return allow.isEmpty() ? null : String.join(", ", allow);
    }

    /** Segment by segment; a {name} segment matches any one non-empty segment. */
    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/", -1), got = path.split("/", -1);
        if (want.length != got.length) return false;
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith("{") && want[i].endsWith("}");
            if (param ? got[i].isEmpty() : !want[i].equals(got[i])) return false;
        }
        return true;
    }

    public SitrepServer start(int port) {
        app.start("127.0.0.1", port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        queries.close();
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = SitrepServer.class.getResourceAsStream("/sitrep/server/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void document(Context ctx) throws Exception {
        var doc = queries.read(() -> queries.document(ctx.pathParam("id")));
        if (doc == null) throw new BadRequest(404, "no document with id " + ctx.pathParam("id"));
        ctx.contentType("application/json").result(JSON.writeValueAsString(doc));
    }

    /** Answers a filtered query as JSON, serialised once and kept until the next write (the same URL asks the same question). */
    private void answer(Context ctx, FilteredQuery query) throws Exception {
        EventFilter f = filter(ctx);
        String json = queries.cached(ctx.path() + "?" + ctx.queryString(), () -> JSON.writeValueAsString(query.run(f)));
        ctx.contentType("application/json").result(json);
    }

    /**
     * The filtered events as a file: JSON (an array of event rows) or any format of {@code sitrep export}
     * (CSV, Parquet, GDELT, PLOVER...), written by the same exporter, so the page and the command agree.
     */
    private void export(Context ctx) throws Exception {
        EventFilter f = filter(ctx);
        String format = ctx.queryParamAsClass("format", String.class)
                .getOrDefault("csv")
                .toLowerCase(java.util.Locale.ROOT);
        if (format.equals("json")) {
            ctx.header("Content-Disposition", "attachment; filename=\"sitrep-events.json\"");
            ctx.contentType("application/json")
                    .result(JSON.writeValueAsString(queries.read(() -> queries.allEvents(f))));
            return;
        }
        Exporter.Format chosen = java.util.Arrays.stream(Exporter.Format.values())
                .filter(v -> v.name().equals(format))
                .findFirst()
                .orElseThrow(() -> new BadRequest(
                        400,
                        "format is one of json, "
                                + java.util.Arrays.stream(Exporter.Format.values())
                                        .map(Enum::name)
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + "; got '" + format + "'"));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sitrep-export", "." + format);
        try {
            long n = queries.write(() -> Exporter.export(store, chosen, file, f)); // on the store's own connection
            String ext =
                    switch (format) {
                        case "gdelt" -> "tsv";
                        case "plover" -> "jsonl";
                        default -> format;
                    };
            String type =
                    switch (format) {
                        case "csv" -> "text/csv";
                        case "gdelt" -> "text/tab-separated-values";
                        case "plover" -> "application/x-ndjson";
                        default -> "application/octet-stream";
                    };
            ctx.header("Content-Disposition", "attachment; filename=\"sitrep-events." + ext + "\"");
            ctx.header("X-Events", String.valueOf(n));
            ctx.contentType(type + (type.startsWith("text") || type.contains("json") ? "; charset=utf-8" : ""))
                    .result(java.nio.file.Files.readAllBytes(file));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** JSON, then the formats of {@code sitrep export}, as the page offers them. */
    static List<String> exportFormats() {
        List<String> out = new ArrayList<>(List.of("json"));
        for (Exporter.Format f : Exporter.Format.values()) out.add(f.name());
        return out;
    }

    private static String sort(Context ctx) {
        String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("-date");
        String key = sort.startsWith("-") ? sort.substring(1) : sort;
        if (!Queries.SORTS.containsKey(key))
            throw new BadRequest(
                    400,
                    "sort is one of " + new java.util.TreeSet<>(Queries.SORTS.keySet())
                            + " (\"-\" before it: descending), got '" + sort + "'");
        return sort;
    }

    /** Degrees of the grid places are merged on (0: every place on its own). */
    private static double grid(Context ctx) {
        String v = ctx.queryParam("grid");
        if (v == null || v.isEmpty()) return 0;
        try {
            double g = Double.parseDouble(v);
            if (g >= 0 && g <= 90) return g;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequest(400, "grid is a number of degrees from 0 to 90, got '" + v + "'");
    }

    private static String level(Context ctx) {
        String level = ctx.queryParamAsClass("level", String.class).getOrDefault("actor");
        if (!level.equals("actor") && !level.equals("country"))
            throw new BadRequest(400, "level is actor or country, got '" + level + "'");
        return level;
    }

    private static String code(String code) {
        if (!EventFilter.isCode(code))
            throw new BadRequest(400, "an actor code is three or more capitals or digits (IRNGOV), got '" + code + "'");
        return code;
    }

    interface FilteredQuery {
        Object run(EventFilter f) throws Exception;
    }

    private static int size(Context ctx) {
        return Math.min(MAX_PAGE, intParam(ctx, "size", 50));
    }

    /** POST a document or an array of them: {"id","text","published","title","url","outlet"}; needs the token. */
    private void submit(Context ctx) throws Exception {
        String auth = ctx.header("Authorization");
        if (token == null || auth == null || !auth.equals("Bearer " + token))
            throw new BadRequest(401, "a valid token is required: Authorization: Bearer <token>");
        if (ctx.contentLength() > MAX_BODY)
            throw new BadRequest(413, "request body too large (limit " + MAX_BODY + " bytes)");
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequest(
                    400,
                    "invalid JSON: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    ? j.getOriginalMessage()
                                    : e.getMessage()));
        }
        if (body == null || !(body.isObject() || body.isArray()))
            throw new BadRequest(400, "expected a JSON object or an array of objects");
        List<Document> docs = new ArrayList<>();
        for (JsonNode n : body.isArray() ? body : List.of(body)) docs.add(document(n, docs.size()));
        List<Map<String, Object>> results = new ArrayList<>();
        int stored = 0;
        for (Document d : docs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", d.id());
            if (queries.write(() -> store.contains(d))) {
                r.put("stored", false);
                r.put("reason", "already stored (same id, URL or text)");
                results.add(r);
                continue;
            }
            DocumentRecord rec = code(d);
            // checked again inside the write: a concurrent request may have stored the same document meanwhile
            EventStore.Outcome outcome = queries.write(() -> store.put(d, rec));
            if (outcome == EventStore.Outcome.DUPLICATE) {
                r.put("stored", false);
                r.put("reason", "already stored (same id, URL or text)");
            } else {
                stored++;
                r.put("stored", true);
                r.put("events", rec.events().size());
                if (rec.error() != null) r.put("error", rec.error());
            }
            results.add(r);
        }
        // 201 when something new was stored; 200 when every document was already there
        ctx.status(stored > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(Map.of("documents", results));
    }

    /** The coder never fails a request: a document it cannot code is stored as failed, with the reason. */
    private DocumentRecord code(Document d) {
        try {
            return coder.apply(d);
        } catch (RuntimeException | StackOverflowError e) {
            return coder.apply(d.withError("internal error while coding: " + e));
        }
    }

    private static Document document(JsonNode n, int i) {
        if (!n.isObject()) throw new BadRequest(400, "document " + i + ": expected an object");
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual())
            throw new BadRequest(400, "document " + i + ": \"text\" must be a string");
        if (text.asText().isBlank()) throw new BadRequest(400, "document " + i + ": \"text\" is empty");
        for (String f : List.of("id", "published", "title", "url", "outlet")) {
            if (n.has(f) && !n.get(f).isNull() && !n.get(f).isTextual())
                throw new BadRequest(400, "document " + i + ": \"" + f + "\" must be a string");
        }
        String published = n.hasNonNull("published")
                ? n.get("published").asText()
                : LocalDate.now().toString();
        try {
            published = LocalDate.parse(published.length() >= 10 ? published.substring(0, 10) : published)
                    .toString();
        } catch (RuntimeException e) {
            throw new BadRequest(400, "document " + i + ": \"published\" is not a date (YYYY-MM-DD): " + published);
        }
        String id = n.hasNonNull("id")
                ? n.get("id").asText()
                : "api-" + EventStore.contentHash(text.asText()).substring(0, 16);
        Document doc = new Document(
                        id,
                        text.asText(),
                        published,
                        text(n, "title"),
                        text(n, "url"),
                        text(n, "outlet"),
                        "api",
                        null,
                        List.of(),
                        null)
                .wellFormed();
        return org.sitrep.sources.DocumentReader.withLanguageChecked(doc);
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    private static EventFilter filter(Context ctx) {
        String from = ctx.queryParam("from"), to = ctx.queryParam("to");
        for (String d : new String[] {from, to}) {
            if (d != null && !d.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"))
                throw new BadRequest(400, "dates are YYYY, YYYY-MM or YYYY-MM-DD, got '" + d + "'");
        }
        Double confidence = null;
        if (ctx.queryParam("confidence") != null) {
            try {
                confidence = Double.parseDouble(ctx.queryParam("confidence"));
            } catch (NumberFormatException e) {
                throw new BadRequest(
                        400, "confidence is a number from 0 to 1, got '" + ctx.queryParam("confidence") + "'");
            }
        }
        return new EventFilter(
                from,
                to,
                ctx.queryParam("actor"),
                ctx.queryParam("country"),
                ctx.queryParam("type"),
                ctx.queryParam("q"),
                ctx.queryParam("cluster"),
                ctx.queryParam("source"),
                ctx.queryParam("target"),
                ctx.queryParam("acled"),
                confidence,
                bool(ctx, "hedged"),
                bool(ctx, "historical"),
                ctx.queryParam("outlet"));
    }

    private static Boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return null;
        if (v.equals("true") || v.equals("false")) return Boolean.valueOf(v);
        throw new BadRequest(400, "\"" + name + "\" is true or false, got '" + v + "'");
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "\"" + name + "\" must be a non-negative integer, got '" + v + "'");
        }
    }
}
