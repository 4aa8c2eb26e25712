package org.sitrep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EventStoreTest {

    static Document doc(int i) {
        return new Document("doc-" + i, "Text number " + i + " about an attack.", "2024-0" + (1 + i % 9) + "-15", "t" + i,
                "https://example.org/" + i, "Example Wire", "test", "en", List.of(), null);
    }

    /** A record like the coder's, with one ASSAULT event from Iran to Iraq: no language model needed. */
    static DocumentRecord record(Document d) {
        var side1 = new DocumentRecord.Side("Iranian forces", "a1", "IRNMIL", "IRN", List.of("MIL"), false);
        var side2 = new DocumentRecord.Side("Iraqi villages", "a2", "IRQ", "IRQ", List.of(), false);
        var e = new DocumentRecord.EventRecord("e1", 0, d.text(), new DocumentRecord.Trigger("attack", 20, 26), "190", "ASSAULT", null,
                List.of(), 4, -10.0, List.of(side1), List.of(side2),
                new DocumentRecord.Location("Basra", "p1", "Basra", "IRQ", 30.5, 47.8),
                new DocumentRecord.When(d.published(), "day", "publication"), false, "asserted", "actual", false, null,
                Map.of(), "noun:attack -> 190", 0.7, List.of(), null);
        return new DocumentRecord(d.id(), d.title(), d.url(), d.outlet(), d.published(), "en", List.of(), List.of(), List.of(),
                List.of(e), List.of(), List.of(), List.of(), List.of(), null);
    }

    @Test
    void aStoredDocumentIsFoundAgainByIdUrlOrText(@TempDir Path dir) {
        try (EventStore store = EventStore.open(dir.resolve("t.duckdb"))) {
            Document d = doc(1);
            assertFalse(store.contains(d));
            store.put(d, record(d));
            assertTrue(store.contains(d));
            assertTrue(store.contains(new Document("other-id", "x", null, null, d.url(), null, "t", "en", List.of(), null)), "same URL");
            assertTrue(store.contains(new Document("other-id", "  " + d.text() + "\n", null, null, null, null, "t", "en", List.of(), null)), "same text");
            assertEquals(1, store.events());
        }
    }

    /** Killed midway and rerun, an ingest stores exactly what a clean run stores. */
    @Test
    void anInterruptedIngestLosesNothingAndStoresNothingTwice(@TempDir Path dir) {
        List<Document> corpus = new ArrayList<>();
        for (int i = 0; i < 1000; i++) corpus.add(doc(i));
        Path clean = dir.resolve("clean.duckdb"), resumed = dir.resolve("resumed.duckdb");
        try (EventStore store = EventStore.open(clean)) {
            for (Document d : corpus) if (!store.contains(d)) store.put(d, record(d));
        }
        // the first run dies inside document 500's transaction
        try (EventStore store = EventStore.open(resumed)) {
            assertThrows(IllegalStateException.class, () -> {
                for (Document d : corpus) {
                    if (store.contains(d)) continue;
                    DocumentRecord r = record(d);
                    if (d.id().equals("doc-500")) r = new DocumentRecord(r.id(), r.title(), r.url(), r.outlet(), r.published(), r.language(),
                            r.sentences(), r.actors(), r.places(), broken(r.events()), r.nonEvents(), r.relations(), r.quotes(), r.warnings(), null);
                    store.put(d, r);
                }
            });
        }
        try (EventStore store = EventStore.open(resumed)) {
            assertEquals(500, store.documents(), "documents before the crash are kept, the one being written is not");
            for (Document d : corpus) if (!store.contains(d)) store.put(d, record(d));
            assertEquals(1000, store.documents());
            assertEquals(1000, store.events());
        }
        try (EventStore a = EventStore.open(clean)) {
            assertEquals(a.documents(), 1000);
            assertEquals(a.events(), 1000);
        }
    }

    /** An event whose trigger is missing fails while being written, after its document row. */
    private static List<DocumentRecord.EventRecord> broken(List<DocumentRecord.EventRecord> events) {
        var e = events.get(0);
        var bad = new DocumentRecord.EventRecord(e.id(), e.sentence(), e.evidence(), null, e.cameo(), e.plover(), e.mode(), e.contexts(),
                e.quadClass(), e.goldstein(), e.source(), e.target(), e.location(), e.date(), e.historical(), e.polarity(), e.modality(),
                e.hedged(), e.attribution(), e.counts(), e.rule(), e.confidence(), e.mentions(), e.note());
        return new java.util.ArrayList<>(List.of(bad)) {
            @Override
            public java.util.Iterator<DocumentRecord.EventRecord> iterator() {
                throw new IllegalStateException("the process was killed");
            }
        };
    }

    @Test
    void eventsExportToParquetCsvGdeltAndPloverWithFilters(@TempDir Path dir) throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("x.duckdb"))) {
            for (int i = 0; i < 20; i++) store.put(doc(i), record(doc(i)));
            assertEquals(20, Exporter.export(store, Exporter.Format.parquet, dir.resolve("e.parquet"), EventFilter.all()));
            assertTrue(Files.size(dir.resolve("e.parquet")) > 0);
            long n = Exporter.export(store, Exporter.Format.csv, dir.resolve("e.csv"), new EventFilter("2024-03-01", "2024-04-30", null, null, null));
            assertTrue(n > 0 && n < 20, "date filter: " + n);
            assertEquals(n + 1, Files.readAllLines(dir.resolve("e.csv")).size());
            assertEquals(20, Exporter.export(store, Exporter.Format.gdelt, dir.resolve("e.tsv"), new EventFilter(null, null, "IRN", "IRQ", "ASSAULT")));
            String header = Files.readAllLines(dir.resolve("e.tsv")).get(0);
            assertTrue(header.startsWith("GLOBALEVENTID\tSQLDATE\tActor1Code"), header);
            assertEquals(0, Exporter.export(store, Exporter.Format.plover, dir.resolve("e.jsonl"), new EventFilter(null, null, null, null, "PROTEST")));
            assertEquals(20, Exporter.export(store, Exporter.Format.plover, dir.resolve("e.jsonl"), new EventFilter(null, null, null, null, "19")));
            assertTrue(Files.readAllLines(dir.resolve("e.jsonl")).get(0).contains("\"event_type\":\"ASSAULT\""));
        }
    }
}
