package org.sitrep.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;

class EventStoreTest {

    static Document doc(int i) {
        return Document.of("doc-" + i, "Text number " + i + " about an attack.", "2024-0" + (1 + i % 9) + "-15")
                .withTitle("t" + i)
                .withUrl("https://example.org/" + i)
                .withOutlet("Example Wire");
    }

    static final String WIRE = """
            BASRA, Iraq, March 4 (Example Wire) - Iranian forces shelled three Iraqi border villages east of Basra on Monday, \
            killing two farmers and wounding seven, the provincial governor said. The governor told reporters that the shells \
            landed before dawn and that residents had fled towards the city. Iraq's foreign ministry summoned the Iranian \
            ambassador to protest what it called a grave violation of sovereignty, and demanded an investigation. Tehran did \
            not comment. Border clashes in the area have grown more frequent since the autumn, local officials say, as \
            smugglers and militias compete for the crossings.""";

    static Document story(String id, String outlet, String text, String published) {
        return Document.of(id, text, published)
                .withUrl("https://example.org/" + id)
                .withOutlet(outlet);
    }

    /** A record like the coder's, with one ASSAULT event from Iran to Iraq: no language model needed. */
    static DocumentRecord record(Document d) {
        var side1 = new DocumentRecord.Side("Iranian forces", "a1", "IRNMIL", "IRN", List.of("MIL"), false);
        var side2 = new DocumentRecord.Side("Iraqi villages", "a2", "IRQ", "IRQ", List.of(), false);
        var e = new DocumentRecord.EventRecord(
                "e1",
                0,
                d.text(),
                new DocumentRecord.Trigger("attack", 20, 26),
                "190",
                "ASSAULT",
                null,
                null,
                List.of(),
                4,
                -10.0,
                List.of(side1),
                List.of(side2),
                new DocumentRecord.Location("Basra", "p1", "Basra", "IRQ", 30.5, 47.8),
                new DocumentRecord.When(d.published(), "day", "publication"),
                false,
                "asserted",
                "actual",
                false,
                null,
                Map.of(),
                "noun:attack -> 190",
                0.7,
                List.of(),
                null);
        return new DocumentRecord(
                d.id(),
                d.title(),
                d.url(),
                d.outlet(),
                d.published(),
                "en",
                List.of(),
                List.of(),
                List.of(),
                List.of(e),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    @Test
    void aStoredDocumentIsFoundAgainByIdUrlOrText(@TempDir Path dir) {
        try (EventStore store = EventStore.open(dir.resolve("t.duckdb"))) {
            Document d = doc(1);
            assertFalse(store.contains(d));
            store.put(d, record(d));
            assertTrue(store.contains(d));
            assertTrue(store.contains(Document.of("other-id", "x", null).withUrl(d.url())), "same URL");
            assertTrue(store.contains(Document.of("other-id", "  " + d.text() + "\n", null)), "same text");
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
                    if (d.id().equals("doc-500"))
                        r = new DocumentRecord(
                                r.id(),
                                r.title(),
                                r.url(),
                                r.outlet(),
                                r.published(),
                                r.language(),
                                r.sentences(),
                                r.actors(),
                                r.places(),
                                broken(r.events()),
                                r.nonEvents(),
                                r.relations(),
                                r.quotes(),
                                r.warnings(),
                                null);
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
        var bad = new DocumentRecord.EventRecord(
                e.id(),
                e.sentence(),
                e.evidence(),
                null,
                e.cameo(),
                e.plover(),
                e.mode(),
                e.acled(),
                e.contexts(),
                e.quadClass(),
                e.goldstein(),
                e.source(),
                e.target(),
                e.location(),
                e.date(),
                e.historical(),
                e.polarity(),
                e.modality(),
                e.hedged(),
                e.attribution(),
                e.counts(),
                e.rule(),
                e.confidence(),
                e.mentions(),
                e.note());
        return new java.util.ArrayList<>(List.of(bad)) {
            @Override
            public java.util.Iterator<DocumentRecord.EventRecord> iterator() {
                throw new IllegalStateException("the process was killed");
            }
        };
    }

    @Test
    void wireCopiesAreLinkedToTheFirstCopyAndIndependentReportsAreNot(@TempDir Path dir) throws Exception {
        String copy = WIRE.replace("(Example Wire)", "(Harbor Post)")
                .replace(" Tehran did not comment.", "")
                .replace("told reporters", "said in a statement");
        String independent =
                "Two farmers died when shells fired from Iran hit villages near Basra early on Monday, officials in "
                        + "southern Iraq said, adding that seven people were hurt and that Baghdad had called in Iran's envoy over the shelling.";
        try (EventStore store = EventStore.open(dir.resolve("d.duckdb"))) {
            for (Document d : List.of(
                    story("a", "Example Wire", WIRE, "2024-03-04"),
                    story("b", "Harbor Post", copy, "2024-03-04"),
                    story("c", "Meridian", independent, "2024-03-04"),
                    story("d", "Example Wire", copy + " Later, a second shell fell.", "2024-03-04"))) {
                store.put(d, record(d));
            }
            Map<String, String> duplicateOf = new java.util.HashMap<>();
            try (var st = store.connection().createStatement();
                    var rs = st.executeQuery("SELECT id, duplicate_of, similarity FROM documents")) {
                while (rs.next()) duplicateOf.put(rs.getString(1), rs.getString(2));
            }
            assertEquals("a", duplicateOf.get("b"), "an edited wire copy");
            assertEquals("a", duplicateOf.get("d"), "a copy of a copy links to the first");
            assertNull(duplicateOf.get("c"), "an independent report of the same event");
            assertNull(duplicateOf.get("a"));
        }
    }

    @Test
    void oneRealWorldEventReportedByManyDocumentsIsOneClusterWithGdeltLikeCounts(@TempDir Path dir) throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("c.duckdb"))) {
            store.put(
                    story("a", "Example Wire", WIRE, "2024-03-04"),
                    record(story("a", "Example Wire", WIRE, "2024-03-04")));
            Document copy = story("b", "Harbor Post", WIRE.replace("Example Wire", "Harbor Post"), "2024-03-04");
            store.put(copy, record(copy));
            Document other = story(
                    "c", "Meridian", "Shells from Iran hit villages near Basra, Iraqi officials said.", "2024-03-04");
            store.put(other, record(other));
            Document later = story("d", "Meridian", "A week later, shells from Iran hit Basra again.", "2024-03-11");
            store.put(later, record(later));
            try (var st = store.connection().createStatement();
                    var rs = st.executeQuery(
                            "SELECT date, events, mentions, documents, sources, independent FROM clusters ORDER BY date")) {
                assertTrue(rs.next());
                assertEquals("2024-03-04", rs.getString(1));
                assertEquals(
                        List.of(3L, 3L, 3L, 3L, 2L),
                        List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                        "three documents from three outlets, two of them independent (b copies a)");
                assertTrue(rs.next());
                assertEquals("2024-03-11", rs.getString(1));
                assertEquals(1, rs.getLong(4));
                assertFalse(rs.next());
            }
            assertEquals(
                    2,
                    Exporter.export(store, Exporter.Format.gdelt, dir.resolve("g.tsv"), EventFilter.all()),
                    "one GDELT row per real-world event");
            List<String> lines = Files.readAllLines(dir.resolve("g.tsv"));
            List<String> header = org.sitrep.store.export.Gdelt.COLUMNS;
            String[] first = lines.get(0).split("\t", -1);
            assertEquals("3", first[header.indexOf("NumArticles")]);
            assertEquals("3", first[header.indexOf("NumSources")]);
            assertEquals("20240304", first[header.indexOf("SQLDATE")]);
        }
    }

    @Test
    void eventsExportToParquetCsvGdeltAndPloverWithFilters(@TempDir Path dir) throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("x.duckdb"))) {
            for (int i = 0; i < 20; i++) store.put(doc(i), record(doc(i)));
            assertEquals(
                    20, Exporter.export(store, Exporter.Format.parquet, dir.resolve("e.parquet"), EventFilter.all()));
            assertTrue(Files.size(dir.resolve("e.parquet")) > 0);
            long n = Exporter.export(
                    store,
                    Exporter.Format.csv,
                    dir.resolve("e.csv"),
                    new EventFilter("2024-03-01", "2024-04-30", null, null, null));
            assertTrue(n > 0 && n < 20, "date filter: " + n);
            assertEquals(n + 1, Files.readAllLines(dir.resolve("e.csv")).size());
            assertEquals(
                    9,
                    Exporter.export(
                            store,
                            Exporter.Format.gdelt,
                            dir.resolve("e.tsv"),
                            new EventFilter(null, null, "IRN", "IRQ", "ASSAULT")),
                    "the same attack on the same day is one GDELT event: twenty reports on nine days");
            String first = Files.readAllLines(dir.resolve("e.tsv")).get(0);
            assertEquals(61, first.split("\t", -1).length, "GDELT's 61 columns, no header: " + first);
            assertEquals(
                    0,
                    Exporter.export(
                            store,
                            Exporter.Format.plover,
                            dir.resolve("e.jsonl"),
                            new EventFilter(null, null, null, null, "PROTEST")));
            assertEquals(
                    20,
                    Exporter.export(
                            store,
                            Exporter.Format.plover,
                            dir.resolve("e.jsonl"),
                            new EventFilter(null, null, null, null, "19")));
            assertTrue(Files.readAllLines(dir.resolve("e.jsonl")).get(0).contains("\"event\":[\"ASSAULT\"]"));
        }
    }
}
