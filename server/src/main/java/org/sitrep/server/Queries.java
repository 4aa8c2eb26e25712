package org.sitrep.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;

/**
 * Read-only questions the API answers from the store. Reads run side by side, each on a connection of its own
 * (DuckDB connections to one database, duplicated from the store's); a write ({@link #write}) waits for them and
 * holds them off. Answers are kept until the next write, since dashboards ask the same few questions over and over.
 */
final class Queries implements AutoCloseable {
    record Page(long total, int page, int size, List<Map<String, Object>> items) {}

    private static final int CACHED = 2000;
    /** Connections kept for reads to come: the page asks about seven questions at once. */
    private static final int IDLE = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventStore store;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Connections of finished reads, for the next. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Connection> idle =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** The connection of the read this thread is running, if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    Queries(EventStore store) {
        this.store = store;
    }

    /** The answer to a question, from the cache when the store has not changed since it was last asked. */
    @SuppressWarnings("unchecked")
    <T> T cached(String question, Callable<T> query) throws Exception {
        Object answer = cache.get(question);
        if (answer != null) return (T) answer;
        return read(() -> {
            T fresh = query.call();
            if (cache.size() >= CACHED) cache.clear();
            cache.put(question, fresh); // under the read lock: no write can have come between the query and this
            return fresh;
        });
    }

    /** Runs queries of this class as one read: beside other reads, on a connection of its own, never during a write. */
    <T> T read(Callable<T> reads) throws Exception {
        if (current.get() != null) return reads.call();
        lock.readLock().lock();
        Connection c = idle.poll();
        try {
            if (c == null) c = duplicate();
            current.set(c);
            return reads.call();
        } finally {
            current.remove();
            if (c != null) keep(c);
            lock.readLock().unlock();
        }
    }

    /** Runs a write (or anything using the store's own connection) alone, then forgets every kept answer. */
    <T> T write(Callable<T> change) throws Exception {
        lock.writeLock().lock();
        try {
            return change.call();
        } finally {
            cache.clear();
            lock.writeLock().unlock();
        }
    }

    /** A finished read's connection is kept for the next, up to a few: a burst of many clients leaves no crowd behind. */
    private void keep(Connection c) {
        if (idle.size() < IDLE) {
            idle.push(c);
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // gone either way
        }
    }

    private synchronized Connection duplicate() throws SQLException {
        return store.connection().unwrap(org.duckdb.DuckDBConnection.class).duplicate();
    }

    /** How many documents and events the store holds. */
    Map<String, Object> counts() throws Exception {
        return read(() -> rows(
                        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events",
                        List.of())
                .get(0));
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.poll()) != null; ) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    /** Columns the event table may be sorted by (the page's column headers), each with its SQL order. */
    static final Map<String, String> SORTS = Map.of(
            "date",
            "day NULLS LAST, date",
            "confidence",
            "confidence",
            "goldstein",
            "goldstein",
            "source",
            "source_code NULLS LAST, source_text",
            "target",
            "target_code NULLS LAST, target_text",
            "type",
            "plover, cameo",
            "location",
            "location NULLS LAST",
            "outlet",
            "outlet NULLS LAST");

    Page events(EventFilter f, int page, int size) throws SQLException {
        return events(f, page, size, "-date");
    }

    /** A page of events in the order asked: a column of {@link #SORTS}, "-" before it for descending; newest first by default. */
    Page events(EventFilter f, int page, int size, String sort) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        long total = (long)
                rows("SELECT count(*) AS n FROM events" + where, args).get(0).get("n");
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        boolean desc = sort.startsWith("-");
        String key = SORTS.get(desc ? sort.substring(1) : sort);
        if (key == null)
            throw new IllegalArgumentException(
                    "sort by one of " + new java.util.TreeSet<>(SORTS.keySet()) + ", got '" + sort + "'");
        String order = java.util.Arrays.stream(key.split(", "))
                        .map(k -> desc ? k.replace(" NULLS LAST", "") + " DESC NULLS LAST" : k)
                        .reduce((a, b) -> a + ", " + b)
                        .orElseThrow()
                + ", date DESC, doc_id, event_id";
        // the cluster counts of this page's events only: the clusters view over the whole store costs a full scan
        List<Map<String, Object>> items = rows(
                "WITH page AS MATERIALIZED (SELECT * FROM events" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?),"
                        + """
                 c AS (SELECT e.cluster_id, sum(coalesce(e.mentions, 1)) AS cluster_mentions, count(DISTINCT e.doc_id) AS cluster_documents,
                   count(DISTINCT coalesce(e.outlet, e.url, e.doc_id)) AS cluster_sources, count(DISTINCT coalesce(d.duplicate_of, e.doc_id)) AS cluster_independent
                   FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id IN (SELECT cluster_id FROM page) GROUP BY 1)
                SELECT page.*, c.cluster_mentions, c.cluster_documents, c.cluster_sources, c.cluster_independent
                FROM page LEFT JOIN c USING (cluster_id) ORDER BY """ + " " + order.replaceAll("(^|, )(\\w+)", "$1page.$2"),
                paged);
        return new Page(total, page, size, items);
    }

    /** Real-world events with the counts of their reports, most reported first; the filter selects by any of their events. */
    Page clusters(EventFilter f, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String selected = " FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM events" + f.where(args) + ")";
        long total = (long) rows("SELECT count(*) AS n" + selected, args).get(0).get("n");
        args.add(size);
        args.add((long) page * size);
        return new Page(
                total,
                page,
                size,
                rows("SELECT *" + selected + " ORDER BY documents DESC, date DESC, cluster_id LIMIT ? OFFSET ?", args));
    }

    List<Map<String, Object>> actors(EventFilter f, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        args.add(limit);
        return rows("""
                SELECT source_code AS source, target_code AS target, count(*) AS events, avg(goldstein) AS goldstein
                FROM events""" + where + (where.isEmpty() ? " WHERE" : " AND") + """
                 source_code IS NOT NULL AND target_code IS NOT NULL
                GROUP BY 1, 2 ORDER BY events DESC LIMIT ?""", args);
    }

    List<Map<String, Object>> places(EventFilter f) throws SQLException {
        return places(f, 0);
    }

    /**
     * The filtered events by place, busiest first. With {@code grid} > 0 (degrees), places of one country in the same
     * grid cell are one row at their events' centre, named after the busiest, with how many places it merges: a map
     * of 20,000 events gets hundreds of rows instead of thousands, and at 0.1° no zoom of a world map tells them apart.
     */
    List<Map<String, Object>> places(EventFilter f, double grid) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        String exact =
                "SELECT location AS name, location_country AS country, lat, lon, count(*) AS events, avg(goldstein) AS goldstein,"
                        + " count(*) FILTER (WHERE quad_class >= 3) AS conflict FROM events" + where
                        + (where.isEmpty() ? " WHERE" : " AND") + " lat IS NOT NULL GROUP BY 1, 2, 3, 4";
        if (grid <= 0) return rows(exact + " ORDER BY events DESC", args);
        args.add(grid);
        args.add(grid);
        return rows(
                "SELECT arg_max(name, events) AS name, country, round(sum(lat * events) / sum(events), 4) AS lat,"
                        + " round(sum(lon * events) / sum(events), 4) AS lon, sum(events)::BIGINT AS events,"
                        + " round(sum(goldstein * events) / nullif(sum(events) FILTER (WHERE goldstein IS NOT NULL), 0), 2) AS goldstein,"
                        + " sum(conflict)::BIGINT AS conflict, count(*) AS places FROM (" + exact + ")"
                        + " GROUP BY country, floor(lat / ?), floor(lon / ?) ORDER BY events DESC, name",
                args);
    }

    List<Map<String, Object>> timeseries(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        return rows(
                "SELECT substr(date, 1, 10) AS day, quad_class, count(*) AS events, avg(goldstein) AS goldstein FROM events"
                        + where + (where.isEmpty() ? " WHERE" : " AND")
                        + " date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                args);
    }

    /** How many events the filter selects: all, with a place on the map, with a date. */
    Map<String, Object> summary(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        return rows(
                        "SELECT count(*) AS events, count(lat) AS located, count(date) AS dated, avg(goldstein) AS goldstein FROM events"
                                + where,
                        args)
                .get(0);
    }

    /** The filtered events by PLOVER type and by ACLED event and sub-event type (null: not coded for ACLED). */
    Map<String, Object> types(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "plover",
                rows(
                        "SELECT plover AS type, count(*) AS events, avg(goldstein) AS goldstein FROM events" + where
                                + " GROUP BY 1 ORDER BY events DESC, type",
                        args));
        out.put(
                "acled",
                rows(
                        "SELECT acled_type AS type, acled_sub_type AS sub_type, count(*) AS events FROM events" + where
                                + " GROUP BY 1, 2 ORDER BY type NULLS LAST, events DESC, sub_type",
                        args));
        return out;
    }

    /**
     * The actor network of the filtered events: the {@code limit} busiest nodes (actor codes, or countries) and the
     * {@code links} busiest edges among them (with each node's busiest edge), with how many nodes and edges were cut
     * ({@code total_nodes}, {@code total_edges}; {@code edges_among}: the edges among the kept nodes). A node's count is the number of events the filter its
     * click applies selects (actor code prefix on either side; a country as either side or the place), so they agree.
     */
    Map<String, Object> network(EventFilter f, String level, int limit, int links) throws SQLException {
        boolean country = level.equals("country");
        String s = country ? "source_country" : "source_code", t = country ? "target_country" : "target_code";
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        String and = where.isEmpty() ? " WHERE " : where + " AND ";
        // the pairs and every node's weight stay in the database: only the kept nodes and their links come back
        String pairs = "WITH p AS MATERIALIZED (SELECT " + s + " AS source, " + t
                + " AS target, count(*) AS events FROM events" + and + s + " IS NOT NULL AND "
                + t
                + " IS NOT NULL GROUP BY 1, 2), w AS MATERIALIZED (SELECT id, sum(events) AS weight FROM (SELECT source AS id, events FROM p"
                + " UNION ALL SELECT target, events FROM p WHERE target <> source) GROUP BY 1) ";
        List<Object> top = new ArrayList<>(args);
        top.add(limit);
        List<Map<String, Object>> kept = rows(
                pairs
                        + "SELECT id, weight, (SELECT count(*) FROM w) AS total_nodes, (SELECT count(*) FROM p) AS total_edges,"
                        + " (SELECT sum(events) FROM p)::BIGINT AS events FROM w ORDER BY weight DESC, id LIMIT ?",
                top);
        List<String> ids = kept.stream().map(k -> (String) k.get("id")).toList();
        List<Map<String, Object>> edges = List.of(), nodes = new ArrayList<>();
        long among = 0;
        if (!ids.isEmpty()) {
            String in = "(" + "?, ".repeat(ids.size() - 1) + "?)";
            // the busiest links among the kept nodes, and each node's busiest link, so no drawn node is left hanging
            List<Object> a = new ArrayList<>(args);
            a.addAll(ids);
            a.addAll(ids);
            a.add(links);
            edges = rows(
                    "WITH e AS MATERIALIZED (SELECT " + s + " AS source, " + t
                            + " AS target, count(*) AS events, avg(goldstein) AS goldstein FROM events"
                            + and + s + " IN " + in + " AND " + t + " IN " + in
                            + " GROUP BY 1, 2), r AS MATERIALIZED (SELECT *, row_number() OVER (ORDER BY events DESC,"
                            + " source, target) AS rank, count(*) OVER () AS among FROM e), best AS (SELECT min(rank) AS rank FROM (SELECT source AS id, rank FROM r"
                            + " UNION ALL SELECT target, rank FROM r) GROUP BY id)"
                            + " SELECT source, target, events, goldstein, among FROM r WHERE rank <= ? OR rank IN (SELECT rank FROM best) ORDER BY rank",
                    a);
            among = edges.isEmpty() ? 0 : (long) edges.get(0).get("among");
            for (Map<String, Object> e : edges) e.remove("among");
            // the events each node's click selects (an actor code prefix on either side; a country as either side or
            // the place)
            String sides = country
                    ? "source_country AS a, target_country AS b, location_country AS c"
                    : "source_code AS a, target_code AS b, NULL AS c";
            String hit = country
                    ? "k.id = g.a OR k.id = g.b OR k.id = g.c"
                    : "starts_with(g.a, k.id) OR starts_with(g.b, k.id)";
            List<Object> c = new ArrayList<>(ids);
            c.addAll(args);
            Map<String, Long> clicks = new java.util.HashMap<>();
            for (Map<String, Object> r : rows(
                    "WITH k(id) AS (VALUES " + "(?), ".repeat(ids.size() - 1) + "(?)), g AS (SELECT " + sides
                            + ", count(*) AS n FROM events" + where
                            + " GROUP BY 1, 2, 3) SELECT k.id, sum(g.n)::BIGINT AS events FROM k JOIN g ON " + hit
                            + " GROUP BY k.id",
                    c)) clicks.put((String) r.get("id"), (Long) r.get("events"));
            Map<String, String> names = names(ids, country);
            for (Map<String, Object> k : kept) {
                String id = (String) k.get("id");
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("id", id);
                n.put("name", names.get(id));
                n.put("edge_events", ((Number) k.get("weight")).longValue());
                n.put("events", clicks.getOrDefault(id, 0L));
                nodes.add(n);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", country ? "country" : "actor");
        out.put("nodes", nodes);
        out.put("edges", edges);
        out.put("total_nodes", kept.isEmpty() ? 0 : kept.get(0).get("total_nodes"));
        out.put("total_edges", kept.isEmpty() ? 0 : kept.get(0).get("total_edges"));
        out.put("edges_among", among);
        out.put("events", kept.isEmpty() ? 0 : kept.get(0).get("events"));
        out.put(
                "shown_events",
                edges.stream()
                        .mapToLong(e -> ((Number) e.get("events")).longValue())
                        .sum());
        return out;
    }

    /** The name each actor code was written as most often (a country: its most common code's name is not wanted, so none). */
    private Map<String, String> names(List<String> codes, boolean country) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (country || codes.isEmpty()) return out;
        String in = "(" + "?, ".repeat(codes.size() - 1) + "?)";
        List<Object> args = new ArrayList<>(codes);
        args.addAll(codes);
        for (Map<String, Object> r : rows("""
                SELECT code, arg_max(text, n) AS name FROM (
                  SELECT code, text, count(*) AS n FROM (
                    SELECT source_code AS code, source_text AS text FROM events WHERE source_code IN""" + in + """
                    UNION ALL SELECT target_code, target_text FROM events WHERE target_code IN""" + in + """
                  ) WHERE text IS NOT NULL GROUP BY 1, 2) GROUP BY 1""", args))
            out.put((String) r.get("code"), (String) r.get("name"));
        return out;
    }

    /**
     * One actor (a code prefix) within the filter: the names it was written as, its partners in each direction, its
     * event types and its events over time with their mean Goldstein score.
     */
    Map<String, Object> actor(String code, EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        String and = where.isEmpty() ? " WHERE " : where + " AND ";
        String like = code + "%";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        List<Object> a2 = new ArrayList<>(args);
        a2.add(like);
        a2.add(like);
        String mine = "SELECT * FROM events" + and + "(source_code LIKE ? OR target_code LIKE ?)";
        out.put(
                "summary",
                rows(
                                "SELECT count(*) AS events, count(*) FILTER (WHERE source_code LIKE ?) AS as_source, avg(goldstein) AS goldstein,"
                                        + " min(date) AS first, max(date) AS last FROM (" + mine + ")",
                                prepend(like, a2))
                        .get(0));
        out.put(
                "names",
                rows(
                        "SELECT text, code, count(*) AS events FROM (SELECT source_text AS text, source_code AS code FROM ("
                                + mine + ") WHERE source_code LIKE ?"
                                + " UNION ALL SELECT target_text, target_code FROM (" + mine
                                + ") WHERE target_code LIKE ?) WHERE text IS NOT NULL GROUP BY 1, 2 ORDER BY events DESC, text LIMIT 30",
                        concat(a2, List.of(like), a2, List.of(like))));
        out.put(
                "partners",
                rows(
                        """
                SELECT partner, direction, count(*) AS events, avg(goldstein) AS goldstein FROM (
                  SELECT target_code AS partner, 'to' AS direction, goldstein FROM (""" + mine + ") WHERE source_code LIKE ? AND target_code IS NOT NULL"
                                + " UNION ALL SELECT source_code, 'from', goldstein FROM (" + mine
                                + ") WHERE target_code LIKE ? AND source_code IS NOT NULL"
                                + ") GROUP BY 1, 2 ORDER BY events DESC, partner LIMIT 40",
                        concat(a2, List.of(like), a2, List.of(like))));
        out.put(
                "types",
                rows(
                        "SELECT plover AS type, count(*) AS events FROM (" + mine
                                + ") GROUP BY 1 ORDER BY events DESC, type",
                        a2));
        out.put(
                "timeline",
                rows(
                        "SELECT substr(date, 1, 7) AS month, count(*) AS events, avg(goldstein) AS goldstein FROM ("
                                + mine + ")" + " WHERE date IS NOT NULL GROUP BY 1 ORDER BY 1",
                        a2));
        return out;
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @SafeVarargs
    private static List<Object> concat(List<Object>... parts) {
        List<Object> out = new ArrayList<>();
        for (List<Object> p : parts) out.addAll(p);
        return out;
    }

    /** The filtered events as rows, in the table's default order, for the JSON export. */
    List<Map<String, Object>> allEvents(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        return rows("SELECT * FROM events" + f.where(args) + " ORDER BY day, date, doc_id, event_id", args);
    }

    /** The document's record with its text (which the offsets index into), the copy it duplicates and its copies. */
    ObjectNode document(String id) throws SQLException, IOException {
        List<Map<String, Object>> r =
                rows("SELECT record, text, duplicate_of, similarity FROM documents WHERE id = ?", List.of(id));
        if (r.isEmpty()) return null;
        ObjectNode doc = (ObjectNode) JSON.readTree((String) r.get(0).get("record"));
        doc.put("text", (String) r.get(0).get("text"));
        doc.put("duplicate_of", (String) r.get(0).get("duplicate_of"));
        if (r.get(0).get("similarity") != null)
            doc.put("similarity", (Double) r.get(0).get("similarity"));
        var copies = doc.putArray("duplicates");
        for (Map<String, Object> c : rows("SELECT id FROM documents WHERE duplicate_of = ? ORDER BY id", List.of(id)))
            copies.add((String) c.get("id"));
        return doc;
    }

    private List<Map<String, Object>> rows(String sql, List<Object> args) throws SQLException {
        Connection db = current.get();
        if (db == null) throw new IllegalStateException("a query outside read()");
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.math.BigInteger b) v = b.longValue();
                        if (v instanceof java.time.LocalDate || v instanceof java.sql.Date)
                            v = v.toString(); // ISO, as the other dates
                        row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
