package org.sitrep.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by sitrep with DuckDB JDBC 1.1.3 (two example articles) opens, queries and exports with the current driver. */
class OldDatabaseTest {

    @Test
    void aDatabaseWrittenByDuckDb113OpensAndExports(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("old.duckdb");
        try (InputStream in =
                new GZIPInputStream(OldDatabaseTest.class.getResourceAsStream("/written-by-duckdb-1.1.3.duckdb.gz"))) {
            Files.copy(in, db);
        }
        try (EventStore store = EventStore.open(db)) {
            assertEquals(2, store.documents());
            assertEquals(14, store.events());
            assertEquals(
                    14,
                    Exporter.export(store, Exporter.Format.csv, dir.resolve("e.csv"), EventFilter.all()),
                    "every stored event is read back with its record");
            assertEquals(15, Files.readAllLines(dir.resolve("e.csv")).size());
            assertTrue(Exporter.export(store, Exporter.Format.gdelt, dir.resolve("g.tsv"), EventFilter.all()) > 0);
            try (var st = store.connection().createStatement();
                    var rs = st.executeQuery("SELECT version()")) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).startsWith("v1.1"), rs.getString(1));
            }
        }
    }
}
