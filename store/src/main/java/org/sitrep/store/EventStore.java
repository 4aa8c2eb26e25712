package org.sitrep.store;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.sitrep.analysis.TimeRef;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;

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
    /** The estimated shingle overlap above which two texts are copies of one article. */
    public static final double NEAR_DUPLICATE = 0.5;

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
        } catch (SQLException e) {
            throw Unavailable.of(file, e);
        } catch (ClassNotFoundException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One row per real-world event with GDELT-like counts: its mentions in all documents, the documents and
     * distinct sources (outlets) reporting it, and how many of those documents are not wire copies of another.
     */
    private static final String CLUSTERS = """
            CREATE OR REPLACE VIEW clusters AS
            SELECT e.cluster_id, min(e.date) AS date, mode(e.cameo) AS cameo, mode(e.plover) AS plover, mode(e.quad_class) AS quad_class,
              avg(e.goldstein) AS goldstein, mode(e.source_code) AS source_code, mode(e.source_country) AS source_country,
              mode(e.target_code) AS target_code, mode(e.target_country) AS target_country, mode(e.location) AS location,
              mode(e.location_country) AS location_country, avg(e.lat) AS lat, avg(e.lon) AS lon, count(*) AS events,
              sum(coalesce(e.mentions, 1)) AS mentions, count(DISTINCT e.doc_id) AS documents,
              count(DISTINCT coalesce(e.outlet, e.url, e.doc_id)) AS sources, count(DISTINCT coalesce(d.duplicate_of, e.doc_id)) AS independent
            FROM events e JOIN documents d ON d.id = e.doc_id
            GROUP BY e.cluster_id""";

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
            // added after the first release: databases made before get them too
            for (String column : List.of(
                    "documents ADD COLUMN IF NOT EXISTS text VARCHAR",
                    "documents ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
                    "documents ADD COLUMN IF NOT EXISTS similarity DOUBLE",
                    "documents ADD COLUMN IF NOT EXISTS fingerprint BLOB",
                    "events ADD COLUMN IF NOT EXISTS polarity VARCHAR",
                    "events ADD COLUMN IF NOT EXISTS mentions INTEGER",
                    "events ADD COLUMN IF NOT EXISTS confidence DOUBLE",
                    "events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR",
                    "events ADD COLUMN IF NOT EXISTS day DATE",
                    "events ADD COLUMN IF NOT EXISTS acled_type VARCHAR",
                    "events ADD COLUMN IF NOT EXISTS acled_sub_type VARCHAR")) {
                st.execute("ALTER TABLE " + column);
            }
            st.execute(
                    "UPDATE events SET cluster_id = doc_id || '/' || event_id WHERE cluster_id IS NULL"); // rows stored
            // before
            // clustering
            st.execute("UPDATE events SET day = TRY_CAST(date AS DATE) WHERE day IS NULL AND date IS NOT NULL");
            st.execute("CREATE TABLE IF NOT EXISTS document_bands (band_key BIGINT, doc_id VARCHAR)");
            st.execute(CLUSTERS);
            st.execute("CREATE INDEX IF NOT EXISTS documents_url ON documents (url)");
            st.execute("CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)");
            st.execute("CREATE INDEX IF NOT EXISTS document_bands_key ON document_bands (band_key)");
            st.execute("CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)");
        }
    }

    /** The document's text fingerprint: the same article stored under another id or URL is still a duplicate. */
    public static String contentHash(String text) {
        try {
            String normal = text.replaceAll("\\s+", " ").strip();
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when the document is already stored and coded: same id, same URL, or the same text. A document stored
     * as failed is not: the next ingest tries it again.
     */
    public boolean contains(Document d) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT 1 FROM documents WHERE error IS NULL AND (id = ? OR (url IS NOT NULL AND url = ?) OR content_hash = ?) LIMIT 1")) {
            ps.setString(1, d.id());
            ps.setString(2, d.url());
            ps.setString(3, hashOf(d.text()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up " + d.id(), e);
        }
    }

    /** The content hash used to find the same text again; null for no text (failed documents have none to compare). */
    private static String hashOf(String text) {
        return text == null || text.isBlank() ? null : contentHash(text);
    }

    /** What {@link #put} did. */
    public enum Outcome {
        /** stored for the first time */
        STORED,
        /** stored in place of the same document stored as failed before */
        RETRIED,
        /** not stored: a coded document with the same id, URL or text is already there */
        DUPLICATE
    }

    private static final List<String> DOCUMENT_COLUMNS = List.of(
            "url",
            "content_hash",
            "title",
            "outlet",
            "published",
            "language",
            "error",
            "events",
            "record",
            "text",
            "duplicate_of",
            "similarity",
            "fingerprint");

    /**
     * Stores a coded document and its events atomically, unless a coded document with the same id, URL or text is
     * already there (checked inside the same transaction, so concurrent writers store a document once). A
     * near-duplicate of a stored document (a wire copy: five-word shingles at least {@value #NEAR_DUPLICATE} alike)
     * is stored too, linked to the first copy by {@code duplicate_of}, so event clusters can tell independent
     * reports from copies. A failed document (its record has an error) is stored as failed, with no text hash or
     * fingerprint (failed documents are not copies of each other), and replaced when it is stored again.
     */
    public synchronized Outcome put(Document d, DocumentRecord r) {
        boolean failed = r.error() != null;
        String hash = failed ? null : hashOf(d.text());
        Fingerprint fp = failed ? null : Fingerprint.of(d.text());
        try {
            db.setAutoCommit(false);
            boolean retry;
            try (PreparedStatement dup = db.prepareStatement(
                            "SELECT 1 FROM documents WHERE error IS NULL AND (id = ? OR (url IS NOT NULL AND url = ?) OR content_hash = ?) LIMIT 1");
                    PreparedStatement previous = db.prepareStatement("SELECT 1 FROM documents WHERE id = ?")) {
                dup.setString(1, r.id());
                dup.setString(2, d.url());
                dup.setString(3, hash);
                try (ResultSet rs = dup.executeQuery()) {
                    if (rs.next()) {
                        db.rollback();
                        db.setAutoCommit(true);
                        return Outcome.DUPLICATE;
                    }
                }
                previous.setString(1, r.id());
                try (ResultSet rs = previous.executeQuery()) {
                    retry = rs.next(); // only a failed row can be there: a coded one is a duplicate
                }
                if (retry) {
                    // DuckDB cannot delete and re-insert a key in one transaction (nor update an indexed row), so the
                    // failed row goes first, in a transaction of its own: a crash in between only means another retry
                    for (String table :
                            List.of("document_bands WHERE doc_id", "events WHERE doc_id", "documents WHERE id")) {
                        try (PreparedStatement clear = db.prepareStatement("DELETE FROM " + table + " = ?")) {
                            clear.setString(1, r.id());
                            clear.executeUpdate();
                        }
                    }
                    db.commit();
                }
            } catch (SQLException e) {
                db.rollback();
                db.setAutoCommit(true);
                throw e;
            }
            String sql = "INSERT INTO documents (" + String.join(", ", DOCUMENT_COLUMNS) + ", coded_at, id) VALUES ("
                    + "?, ".repeat(DOCUMENT_COLUMNS.size()) + "now(), ?)";
            try (PreparedStatement doc = db.prepareStatement(sql);
                    PreparedStatement band = db.prepareStatement("INSERT INTO document_bands VALUES (?, ?)");
                    PreparedStatement ev = db.prepareStatement("""
                    INSERT INTO events (doc_id, event_id, sentence, date, date_precision, cameo, cameo_root, plover, mode, quad_class, goldstein,
                      source_code, source_country, source_text, target_code, target_country, target_text, location, location_country, lat, lon,
                      historical, hedged, modality, attribution, trigger, evidence, rule, url, outlet, polarity, mentions, confidence, cluster_id, day,
                      acled_type, acled_sub_type)
                    VALUES (""" + "?, ".repeat(36) + "?)")) {
                Original original = failed ? null : original(fp);
                doc.setString(1, d.url());
                doc.setString(2, hash);
                doc.setString(3, r.title());
                doc.setString(4, r.outlet());
                doc.setObject(5, r.published() == null ? null : java.sql.Date.valueOf(r.published()));
                doc.setString(6, r.language());
                doc.setString(7, r.error());
                doc.setInt(8, r.events().size());
                doc.setString(9, JSON.writeValueAsString(r));
                doc.setString(10, d.text());
                doc.setString(11, original == null ? null : original.id());
                doc.setObject(12, original == null ? null : original.similarity());
                doc.setBytes(13, fp == null ? null : fp.bytes());
                doc.setString(14, r.id());
                doc.executeUpdate();
                for (long key : fp == null ? new long[0] : fp.bands()) {
                    band.setLong(1, key);
                    band.setString(2, r.id());
                    band.addBatch();
                }
                band.executeBatch();
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
                    ev.setString(
                            i++,
                            e.attribution() == null ? null : e.attribution().text());
                    ev.setString(i++, e.trigger().text());
                    ev.setString(i++, e.evidence());
                    ev.setString(i++, e.rule());
                    ev.setString(i++, d.url());
                    ev.setString(i++, d.outlet());
                    ev.setString(i++, e.polarity());
                    ev.setInt(i++, 1 + e.mentions().size());
                    ev.setDouble(i++, e.confidence());
                    ev.setString(i++, clusterId(r.id(), e, s, t));
                    LocalDate day = TimeRef.periodStart(
                            e.date() == null ? null : e.date().value()); // weeks and months sort among days
                    ev.setObject(i++, day == null ? null : java.sql.Date.valueOf(day));
                    ev.setString(i++, e.acled() == null ? null : e.acled().eventType());
                    ev.setString(i, e.acled() == null ? null : e.acled().subEventType());
                    ev.addBatch();
                }
                ev.executeBatch();
                db.commit();
                return retry ? Outcome.RETRIED : Outcome.STORED;
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

    /** The stored document this text is a near-duplicate of (the first copy, not a copy of a copy), or null. */
    private Original original(Fingerprint fp) throws SQLException {
        long[] keys = fp.bands();
        String sql =
                "SELECT DISTINCT d.id, d.duplicate_of, d.fingerprint FROM document_bands b JOIN documents d ON d.id = b.doc_id"
                        + " WHERE d.error IS NULL AND d.fingerprint IS NOT NULL AND b.band_key IN ("
                        + "?, ".repeat(keys.length - 1) + "?)";
        Original best = null;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) ps.setLong(i + 1, keys[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double sim = fp.similarity(Fingerprint.of(rs.getBytes(3)));
                    String id = rs.getString(2) != null ? rs.getString(2) : rs.getString(1);
                    if (sim >= NEAR_DUPLICATE && (best == null || sim > best.similarity()))
                        best = new Original(id, sim);
                }
            }
        }
        return best;
    }

    private record Original(String id, double similarity) {}

    /**
     * Events from any documents that agree on day, both actors, CAMEO root and the country where it happened
     * are taken for one real-world event, as GDELT does; undated events stay on their own.
     */
    static String clusterId(String docId, EventRecord e, Side s, Side t) {
        String key = e.date() == null || e.date().value() == null
                ? docId + "/" + e.id()
                : String.join(
                        "|",
                        e.date().value(),
                        s == null ? "-" : s.code(),
                        t == null ? "-" : t.code(),
                        e.cameo().substring(0, 2),
                        e.location() == null || e.location().country() == null
                                ? "-"
                                : e.location().country());
        return contentHash(key).substring(0, 16);
    }

    private static Side first(List<Side> sides) {
        for (Side s : sides) if (s.country() != null) return s;
        return sides.isEmpty() ? null : sides.get(0);
    }

    public long documents() {
        return count("SELECT count(*) FROM documents");
    }

    public long events() {
        return count("SELECT count(*) FROM events");
    }
    /** Documents stored as failed, to be tried again by the next ingest. */
    public long failed() {
        return count("SELECT count(*) FROM documents WHERE error IS NOT NULL");
    }
    /** Documents stored as near-duplicate copies of another. */
    public long copies() {
        return count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL");
    }
    /** Real-world events: clusters of coded events from all documents. */
    public long clusters() {
        return count("SELECT count(DISTINCT cluster_id) FROM events");
    }

    private long count(String sql) {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** The JDBC connection, for exports and queries that want SQL. */
    public Connection connection() {
        return db;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }

    public static class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database cannot be opened: another process holds its lock, or the file is not a database; the message is one line. */
    public static final class Unavailable extends StoreException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        static Unavailable of(Path file, SQLException e) {
            String m = String.valueOf(e.getMessage());
            java.util.regex.Matcher pid =
                    java.util.regex.Pattern.compile("\\(PID (\\d+)\\)").matcher(m);
            if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
                return new Unavailable(
                        "database " + file + " is in use by another process"
                                + (pid.find() ? " (PID " + pid.group(1) + ")" : "")
                                + "; stop it (only one ingest or serve at a time) or use another --db",
                        e);
            }
            String first = m.lines().findFirst().orElse(m).strip();
            return new Unavailable("cannot open database " + file + ": " + first, e);
        }
    }
}
