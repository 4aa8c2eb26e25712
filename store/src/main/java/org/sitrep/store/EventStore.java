package org.sitrep.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * Coded documents and their events in an embedded DuckDB database. Each document is stored in one
 * transaction with its events, so an interrupted ingest leaves either the whole document or nothing,
 * and a rerun skips what is already there (by id, URL or content hash).
 *
 * <pre>{@code
 * try (EventStore store = EventStore.open(Path.of("sitrep.duckdb"))) {
 *     if (!store.contains(doc)) store.put(doc, coder.code(doc));
 * }
 * }</pre>
 */
public final class EventStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;

    private EventStore(Connection db) {
        this.db = db;
    }

    public static EventStore open(Path file) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            EventStore s = new EventStore(c);
            s.schema();
            return s;
        } catch (SQLException | ClassNotFoundException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private void schema() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS documents (
                      id VARCHAR PRIMARY KEY, url VARCHAR, content_hash VARCHAR, title VARCHAR, outlet VARCHAR,
                      published DATE, language VARCHAR, error VARCHAR, events INTEGER, record VARCHAR, coded_at TIMESTAMP)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS events (
                      doc_id VARCHAR, event_id VARCHAR, sentence INTEGER, date VARCHAR, date_precision VARCHAR,
                      cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, mode VARCHAR, quad_class INTEGER, goldstein DOUBLE,
                      source_code VARCHAR, source_country VARCHAR, source_text VARCHAR,
                      target_code VARCHAR, target_country VARCHAR, target_text VARCHAR,
                      location VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
                      historical BOOLEAN, hedged BOOLEAN, modality VARCHAR, attribution VARCHAR,
                      trigger VARCHAR, evidence VARCHAR, rule VARCHAR, url VARCHAR, outlet VARCHAR,
                      PRIMARY KEY (doc_id, event_id))""");
            st.execute("CREATE INDEX IF NOT EXISTS documents_url ON documents (url)");
            st.execute("CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)");
        }
    }

    /** The document's text fingerprint: the same article stored under another id or URL is still a duplicate. */
    public static String contentHash(String text) {
        try {
            String normal = text.replaceAll("\\s+", " ").strip();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the document is already stored: same id, same URL, or the same text. */
    public boolean contains(Document d) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT 1 FROM documents WHERE id = ? OR (url IS NOT NULL AND url = ?) OR content_hash = ? LIMIT 1")) {
            ps.setString(1, d.id());
            ps.setString(2, d.url());
            ps.setString(3, contentHash(d.text()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up " + d.id(), e);
        }
    }

    /** Stores a coded document and its events atomically. */
    public void put(Document d, DocumentRecord r) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement doc = db.prepareStatement("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())");
                 PreparedStatement ev = db.prepareStatement("INSERT INTO events VALUES (" + "?, ".repeat(29) + "?)")) {
                doc.setString(1, r.id());
                doc.setString(2, d.url());
                doc.setString(3, contentHash(d.text()));
                doc.setString(4, r.title());
                doc.setString(5, r.outlet());
                doc.setObject(6, r.published() == null ? null : java.sql.Date.valueOf(r.published()));
                doc.setString(7, r.language());
                doc.setString(8, r.error());
                doc.setInt(9, r.events().size());
                doc.setString(10, JSON.writeValueAsString(r));
                doc.executeUpdate();
                for (EventRecord e : r.events()) {
                    Side s = first(e.source()), t = first(e.target());
                    int i = 1;
                    ev.setString(i++, r.id());
                    ev.setString(i++, e.id());
                    ev.setInt(i++, e.sentence());
                    ev.setString(i++, e.date() == null ? null : e.date().value());
                    ev.setString(i++, e.date() == null ? null : e.date().precision());
                    ev.setString(i++, e.cameo());
                    ev.setString(i++, e.cameo().substring(0, 2));
                    ev.setString(i++, e.plover());
                    ev.setString(i++, e.mode());
                    ev.setInt(i++, e.quadClass());
                    ev.setDouble(i++, e.goldstein());
                    ev.setString(i++, s == null ? null : s.code());
                    ev.setString(i++, s == null ? null : s.country());
                    ev.setString(i++, s == null ? null : s.text());
                    ev.setString(i++, t == null ? null : t.code());
                    ev.setString(i++, t == null ? null : t.country());
                    ev.setString(i++, t == null ? null : t.text());
                    ev.setString(i++, e.location() == null ? null : e.location().name());
                    ev.setString(i++, e.location() == null ? null : e.location().country());
                    ev.setObject(i++, e.location() == null ? null : e.location().lat());
                    ev.setObject(i++, e.location() == null ? null : e.location().lon());
                    ev.setBoolean(i++, e.historical());
                    ev.setBoolean(i++, e.hedged());
                    ev.setString(i++, e.modality());
                    ev.setString(i++, e.attribution() == null ? null : e.attribution().text());
                    ev.setString(i++, e.trigger().text());
                    ev.setString(i++, e.evidence());
                    ev.setString(i++, e.rule());
                    ev.setString(i++, d.url());
                    ev.setString(i, d.outlet());
                    ev.addBatch();
                }
                ev.executeBatch();
                db.commit();
            } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("cannot store " + r.id() + ": " + e.getMessage(), e);
        }
    }

    private static Side first(List<Side> sides) {
        for (Side s : sides) if (s.country() != null) return s;
        return sides.isEmpty() ? null : sides.get(0);
    }

    public long documents() { return count("SELECT count(*) FROM documents"); }
    public long events() { return count("SELECT count(*) FROM events"); }

    private long count(String sql) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** The JDBC connection, for exports and queries that want SQL. */
    public Connection connection() { return db; }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }

    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
