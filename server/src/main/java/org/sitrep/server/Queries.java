package org.sitrep.server;

import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;

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

/**
 * Read-only questions the API answers from the store. There is one connection, so calls take turns; answers
 * are kept until the next write ({@link #changed()}), since dashboards ask the same few questions over and over.
 */
final class Queries {
    record Page(long total, int page, int size, List<Map<String, Object>> items) {}

    private static final int CACHED = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventStore store;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    Queries(EventStore store) {
        this.store = store;
    }

    /** The answer to a question, from the cache when the store has not changed since it was last asked. */
    @SuppressWarnings("unchecked")
    <T> T cached(String question, Callable<T> query) throws Exception {
        Object answer = cache.get(question);
        if (answer != null) return (T) answer;
        synchronized (this) {
            answer = cache.get(question);
            if (answer != null) return (T) answer;
            T fresh = query.call();
            if (cache.size() >= CACHED) cache.clear();
            cache.put(question, fresh);
            return fresh;
        }
    }

    /** Call after every write, holding this object's lock. */
    void changed() {
        cache.clear();
    }

    synchronized Page events(EventFilter f, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        long total = (long) rows("SELECT count(*) AS n FROM events" + where, args).get(0).get("n");
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<Map<String, Object>> items = rows("""
                SELECT e.*, c.mentions AS cluster_mentions, c.documents AS cluster_documents, c.sources AS cluster_sources,
                  c.independent AS cluster_independent
                FROM (SELECT * FROM events""" + where + " ORDER BY day DESC NULLS LAST, date DESC, doc_id, event_id LIMIT ? OFFSET ?) e"
                + " LEFT JOIN clusters c USING (cluster_id) ORDER BY e.day DESC NULLS LAST, e.date DESC, e.doc_id, e.event_id", paged);
        return new Page(total, page, size, items);
    }

    /** Real-world events with the counts of their reports, most reported first; the filter selects by any of their events. */
    synchronized Page clusters(EventFilter f, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String selected = " FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM events" + f.where(args) + ")";
        long total = (long) rows("SELECT count(*) AS n" + selected, args).get(0).get("n");
        args.add(size);
        args.add((long) page * size);
        return new Page(total, page, size, rows("SELECT *" + selected + " ORDER BY documents DESC, date DESC, cluster_id LIMIT ? OFFSET ?", args));
    }

    synchronized List<Map<String, Object>> actors(EventFilter f, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        args.add(limit);
        return rows("""
                SELECT source_code AS source, target_code AS target, count(*) AS events, avg(goldstein) AS goldstein
                FROM events""" + where + (where.isEmpty() ? " WHERE" : " AND") + """
                 source_code IS NOT NULL AND target_code IS NOT NULL
                GROUP BY 1, 2 ORDER BY events DESC LIMIT ?""", args);
    }

    synchronized List<Map<String, Object>> places(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        return rows("SELECT location AS name, location_country AS country, lat, lon, count(*) AS events FROM events" + where
                + (where.isEmpty() ? " WHERE" : " AND") + " lat IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC", args);
    }

    synchronized List<Map<String, Object>> timeseries(EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        return rows("SELECT substr(date, 1, 10) AS day, quad_class, count(*) AS events FROM events" + where
                + (where.isEmpty() ? " WHERE" : " AND") + " date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", args);
    }

    /** The document's record with its text (which the offsets index into), the copy it duplicates and its copies. */
    synchronized ObjectNode document(String id) throws SQLException, IOException {
        List<Map<String, Object>> r = rows("SELECT record, text, duplicate_of, similarity FROM documents WHERE id = ?", List.of(id));
        if (r.isEmpty()) return null;
        ObjectNode doc = (ObjectNode) JSON.readTree((String) r.get(0).get("record"));
        doc.put("text", (String) r.get(0).get("text"));
        doc.put("duplicate_of", (String) r.get(0).get("duplicate_of"));
        if (r.get(0).get("similarity") != null) doc.put("similarity", (Double) r.get(0).get("similarity"));
        var copies = doc.putArray("duplicates");
        for (Map<String, Object> c : rows("SELECT id FROM documents WHERE duplicate_of = ? ORDER BY id", List.of(id))) copies.add((String) c.get("id"));
        return doc;
    }

    private List<Map<String, Object>> rows(String sql, List<Object> args) throws SQLException {
        Connection db = store.connection();
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
                        if (v instanceof java.time.LocalDate || v instanceof java.sql.Date) v = v.toString();  // ISO, as the other dates
                        row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
