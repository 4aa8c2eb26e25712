package org.sitrep.server;

import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only questions the API answers from the store; one connection, so calls take turns. */
final class Queries {
    record Page(long total, int page, int size, List<Map<String, Object>> items) {}

    private final EventStore store;

    Queries(EventStore store) {
        this.store = store;
    }

    synchronized Page events(EventFilter f, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        long total = (long) rows("SELECT count(*) AS n FROM events" + where, args).get(0).get("n");
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<Map<String, Object>> items = rows("SELECT * FROM events" + where + " ORDER BY date DESC, doc_id, event_id LIMIT ? OFFSET ?", paged);
        return new Page(total, page, size, items);
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

    synchronized String record(String id) throws SQLException {
        List<Map<String, Object>> r = rows("SELECT record FROM documents WHERE id = ?", List.of(id));
        return r.isEmpty() ? null : (String) r.get(0).get("record");
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
                        row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
