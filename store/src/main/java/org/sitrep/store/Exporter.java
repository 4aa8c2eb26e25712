package org.sitrep.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes stored events out: Parquet and CSV through DuckDB's COPY, a GDELT-style tab-separated file
 * (GDELT 2.0 event columns sitrep can fill), and PLOVER-style JSON Lines. Filters select by date range,
 * actor code prefix, country (either side) and event type (PLOVER type or CAMEO root).
 */
public final class Exporter {

    public enum Format { parquet, csv, gdelt, plover }

    private static final String GDELT_COLUMNS = """
            row_number() OVER () AS GLOBALEVENTID, strftime(day, '%Y%m%d') AS SQLDATE,
            source_code AS Actor1Code, source_text AS Actor1Name, source_country AS Actor1CountryCode,
            target_code AS Actor2Code, target_text AS Actor2Name, target_country AS Actor2CountryCode,
            CASE WHEN historical THEN 0 ELSE 1 END AS IsRootEvent, cameo AS EventCode, cameo_root AS EventRootCode,
            quad_class AS QuadClass, goldstein AS GoldsteinScale, c.mentions AS NumMentions, c.sources AS NumSources,
            c.documents AS NumArticles, location AS ActionGeo_FullName,
            location_country AS ActionGeo_CountryCode, lat AS ActionGeo_Lat, lon AS ActionGeo_Long, url AS SOURCEURL""";

    public static long export(EventStore store, Format format, Path out, EventFilter f) throws IOException {
        Connection db = store.connection();
        try {
            List<Object> args = new ArrayList<>();
            String where = f.where(args);
            try (Statement st = db.createStatement()) {
                st.execute("DROP TABLE IF EXISTS export_rows");
            }
            // GDELT has one row per real-world event, counting the reports; the other formats one row per coded event
            String rows = format == Format.gdelt
                    ? "SELECT " + GDELT_COLUMNS + " FROM (SELECT * FROM events" + where
                      + " QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY doc_id, event_id) = 1)"
                      + " JOIN (SELECT cluster_id, mentions, sources, documents FROM clusters) c USING (cluster_id)"
                      + " ORDER BY day, date, doc_id, event_id"
                    : "SELECT * FROM events" + where + " ORDER BY day, date, doc_id, event_id";
            try (PreparedStatement ps = db.prepareStatement("CREATE TEMP TABLE export_rows AS " + rows)) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                ps.execute();
            }
            long n;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM export_rows")) {
                rs.next();
                n = rs.getLong(1);
            }
            String path = out.toAbsolutePath().toString().replace("'", "''");
            try (Statement st = db.createStatement()) {
                switch (format) {
                    case parquet -> st.execute("COPY export_rows TO '" + path + "' (FORMAT PARQUET)");
                    case csv -> st.execute("COPY export_rows TO '" + path + "' (FORMAT CSV, HEADER)");
                    case gdelt -> st.execute("COPY export_rows TO '" + path + "' (FORMAT CSV, HEADER, DELIMITER '\t')");
                    case plover -> plover(st, out);
                }
                st.execute("DROP TABLE export_rows");
            }
            return n;
        } catch (SQLException e) {
            throw new EventStore.StoreException("export failed: " + e.getMessage(), e);
        }
    }

    /** PLOVER-style records: event type and mode, actor and recipient, date, place, and the evidence. */
    private static void plover(Statement st, Path out) throws SQLException, IOException {
        ObjectMapper json = new ObjectMapper();
        try (ResultSet rs = st.executeQuery("SELECT * FROM export_rows");
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (rs.next()) {
                ObjectNode o = json.createObjectNode();
                o.put("id", rs.getString("doc_id") + "-" + rs.getString("event_id"));
                o.put("event_date", rs.getString("date"));
                o.put("event_type", rs.getString("plover"));
                o.put("mode", rs.getString("mode"));
                o.put("cameo", rs.getString("cameo"));
                side(o.putObject("actor"), rs, "source");
                side(o.putObject("recipient"), rs, "target");
                ObjectNode where = o.putObject("location");
                where.put("name", rs.getString("location"));
                where.put("country", rs.getString("location_country"));
                if (rs.getObject("lat") != null) { where.put("lat", rs.getDouble("lat")); where.put("lon", rs.getDouble("lon")); }
                o.put("historical", rs.getBoolean("historical"));
                o.put("hedged", rs.getBoolean("hedged"));
                o.put("evidence", rs.getString("evidence"));
                o.put("url", rs.getString("url"));
                w.write(json.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    private static void side(ObjectNode o, ResultSet rs, String column) throws SQLException {
        o.put("name", rs.getString(column + "_text"));
        o.put("code", rs.getString(column + "_code"));
        o.put("country", rs.getString(column + "_country"));
    }
}
