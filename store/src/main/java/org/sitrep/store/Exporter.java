package org.sitrep.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.store.export.Acled;
import org.sitrep.store.export.Gdelt;
import org.sitrep.store.export.Plover;
import org.sitrep.store.export.Reports;
import org.sitrep.store.export.Reports.Report;

/**
 * Writes stored events out, read from the full document records so that every actor of a side survives:
 * Parquet and CSV (the events table's columns plus each side's actors as lists), GDELT 2.0 event records,
 * PLOVER JSON Lines and an ACLED-shaped CSV (see {@code org.sitrep.store.export}). Filters select by date range,
 * actor, country (either side or the place) and event type (PLOVER type, CAMEO root or code).
 */
public final class Exporter {

    public enum Format {
        parquet,
        csv,
        gdelt,
        plover,
        acled
    }

    /** How many rows were written, and what was left out and why (null when nothing was). */
    public record Result(long written, String leftOut) {}

    /** The list columns of the tabular formats: every actor of a side, in the record's order. */
    static final List<String> SIDE_COLUMNS = List.of(
            "source_codes", "source_names", "source_countries", "target_codes", "target_names", "target_countries");
    /** The separator of a list in a CSV cell. */
    public static final String CSV_LIST_SEPARATOR = ";";

    private Exporter() {}

    public static long export(EventStore store, Format format, Path out, EventFilter f) throws IOException {
        return run(store, format, out, f).written();
    }

    public static Result run(EventStore store, Format format, Path out, EventFilter f) throws IOException {
        Connection db = store.connection();
        try {
            List<Report> reports = Reports.select(db, f);
            return switch (format) {
                case parquet, csv -> new Result(table(db, format, out, f, reports), null);
                case gdelt -> {
                    var clusters = Reports.clusters(db, f, reports);
                    long undated;
                    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        undated = Gdelt.write(clusters, w);
                    }
                    yield new Result(
                            clusters.size() - undated,
                            undated == 0 ? null : undated + " undated real-world events (GDELT needs a date)");
                }
                case plover -> {
                    long left;
                    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        left = Plover.write(reports, w);
                    }
                    yield new Result(
                            reports.size() - left,
                            left == 0
                                    ? null
                                    : left + " events without a source actor or a date (PLOVER requires both)");
                }
                case acled -> {
                    var clusters = Reports.clusters(db, f, reports);
                    Acled.Skipped s;
                    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        s = Acled.write(clusters, w);
                    }
                    long left = s.untyped() + s.undated();
                    yield new Result(
                            clusters.size() - left,
                            left == 0
                                    ? null
                                    : s.untyped() + " real-world events without an ACLED type"
                                            + (s.undated() > 0 ? ", " + s.undated() + " undated" : ""));
                }
            };
        } catch (SQLException e) {
            throw new EventStore.StoreException("export failed: " + e.getMessage(), e);
        }
    }

    /** The events table's rows with the sides' actor lists joined on, written by DuckDB's COPY. */
    private static long table(Connection db, Format format, Path out, EventFilter f, List<Report> reports)
            throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS export_sides");
            st.execute("CREATE TEMP TABLE export_sides (doc_id VARCHAR, event_id VARCHAR, "
                    + String.join(" VARCHAR[], ", SIDE_COLUMNS) + " VARCHAR[])");
        }
        // lists travel as unit-separated strings: portable over every JDBC driver version
        String list = "CASE WHEN ? IS NULL THEN []::VARCHAR[] ELSE string_split(?, chr(31)) END";
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO export_sides VALUES (?, ?, "
                + String.join(", ", java.util.Collections.nCopies(SIDE_COLUMNS.size(), list)) + ")")) {
            for (Report r : reports) {
                int i = 1;
                ps.setString(i++, r.doc().id());
                ps.setString(i++, r.event().id());
                for (List<Side> sides : List.of(r.event().source(), r.event().target())) {
                    for (Function<Side, String> part :
                            List.<Function<Side, String>>of(Side::code, s -> name(r, s), Side::country)) {
                        String joined = sides.isEmpty()
                                ? null
                                : String.join(
                                        "\u001f",
                                        sides.stream()
                                                .map(s -> nz(part.apply(s)))
                                                .toList());
                        ps.setString(i++, joined);
                        ps.setString(i++, joined);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        try (PreparedStatement ps = db.prepareStatement(
                "CREATE OR REPLACE TEMP TABLE export_rows AS SELECT e.* REPLACE (round(e.lat, 4) AS lat, round(e.lon, 4) AS lon), "
                        + String.join(
                                ", ", SIDE_COLUMNS.stream().map(c -> "s." + c).toList())
                        + " FROM events e JOIN export_sides s USING (doc_id, event_id)" + where
                        + " ORDER BY day, date, doc_id, event_id")) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            ps.execute();
        }
        String path = out.toAbsolutePath().toString().replace("'", "''");
        try (Statement st = db.createStatement()) {
            if (format == Format.parquet) {
                st.execute("COPY export_rows TO '" + path + "' (FORMAT PARQUET)");
            } else {
                String lists = String.join(
                        ", ",
                        SIDE_COLUMNS.stream()
                                .map(c -> "array_to_string(" + c + ", '" + CSV_LIST_SEPARATOR + "') AS " + c)
                                .toList());
                st.execute("COPY (SELECT * REPLACE (" + lists + ") FROM export_rows) TO '" + path
                        + "' (FORMAT CSV, HEADER)");
            }
            st.execute("DROP TABLE export_rows");
            st.execute("DROP TABLE export_sides");
        }
        return reports.size();
    }

    private static String name(Report r, Side s) {
        return r.name(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
