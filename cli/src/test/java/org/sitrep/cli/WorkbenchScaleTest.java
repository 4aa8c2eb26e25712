package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sitrep.server.SitrepServer;
import org.sitrep.store.EventStore;

/**
 * The workbench's checks on a generated store of 20,000 events ({@link GeneratedStore}; no language model). Building
 * the store takes a minute or two (DuckDB inserts row by row), so it is kept in target/ and reused by later runs.
 * In the slow suite (tagged like the other browser test).
 */
@Tag("browser")
@Tag("corenlp")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchScaleTest extends WorkbenchChecks {
    static final int EVENTS = 20_000;
    EventStore store;
    SitrepServer server;

    @Override
    String name() {
        return "20k";
    }

    @BeforeAll
    void start() throws Exception {
        assumeFalse(Boolean.getBoolean("web.skip"), "built with -Dweb.skip=true: no web page to test");
        requireChromium();
        Path file = Path.of("target", "generated-" + EVENTS + ".duckdb");
        boolean reuse = Files.exists(file);
        store = EventStore.open(file);
        if (!reuse || store.events() != EVENTS) {
            store.close();
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
            store = EventStore.open(file);
            GeneratedStore.fill(store, EVENTS, 15);
        }
        assertEquals(EVENTS, store.events());
        server = new SitrepServer(
                        store,
                        d -> {
                            throw new UnsupportedOperationException("read-only here");
                        },
                        "t")
                .start(0);
        openBrowser(server.port(), Files.createTempDirectory("sitrep-scale-chrome"));
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }
}
