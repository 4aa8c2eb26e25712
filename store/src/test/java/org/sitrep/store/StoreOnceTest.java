package org.sitrep.store;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.store.EventStoreTest.doc;
import static org.sitrep.store.EventStoreTest.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.records.RecordBuilder;
import org.sitrep.sources.Document;

/** Issue 16 F8-F10: no document is stored twice, whoever writes it and however often; failed ones are retried. */
class StoreOnceTest {

    private static Document failed(String id, String error) {
        return Document.failed(id, "test", error);
    }

    @Test
    void theSameIdUrlOrTextIsADuplicateNotAnError(@TempDir Path dir) {
        try (EventStore store = EventStore.open(dir.resolve("t.duckdb"))) {
            Document d = doc(1);
            assertEquals(EventStore.Outcome.STORED, store.put(d, record(d)));
            Document sameId = Document.of(d.id(), "Another text entirely about a meeting.", "2024-01-01");
            Document sameUrl = Document.of("u", "A third text about a protest.", "2024-01-01")
                    .withUrl(d.url());
            Document sameText = Document.of("t", d.text() + "  ", "2024-01-01");
            for (Document dup : List.of(sameId, sameUrl, sameText))
                assertEquals(EventStore.Outcome.DUPLICATE, store.put(dup, record(dup)));
            assertEquals(1, store.documents());
            assertEquals(1, store.events());
        }
    }

    @Test
    void failedDocumentsAreStoredAsFailedNotAsCopiesOfEachOtherAndRetriedLater(@TempDir Path dir) {
        Path db = dir.resolve("t.duckdb");
        Document a = failed("a", "empty document"), b = failed("b", "empty document");
        try (EventStore store = EventStore.open(db)) {
            assertEquals(EventStore.Outcome.STORED, store.put(a, RecordBuilder.failed(a, null)));
            assertEquals(
                    EventStore.Outcome.STORED,
                    store.put(b, RecordBuilder.failed(b, null)),
                    "two empty documents are not one text");
            assertFalse(store.contains(a), "a failed document is not 'already there'");
            assertEquals(0, store.copies(), "failed documents are not copies of each other");
        }
        try (EventStore store = EventStore.open(db)) {
            Document fixed = Document.of("a", "Rebels attacked a convoy near the town on Sunday.", "2024-01-01");
            assertEquals(EventStore.Outcome.RETRIED, store.put(fixed, record(fixed)));
            assertTrue(store.contains(fixed));
            assertEquals(2, store.documents());
            assertEquals(1, store.events());
            assertEquals(
                    EventStore.Outcome.RETRIED,
                    store.put(b, RecordBuilder.failed(b, null)),
                    "failing again replaces the failure");
            assertEquals(EventStore.Outcome.DUPLICATE, store.put(fixed, record(fixed)));
        }
    }

    @Test
    void concurrentWritersOfOneDocumentStoreItOnce(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (EventStore store = EventStore.open(dir.resolve("t.duckdb"))) {
            for (int round = 0; round < 60; round++) {
                List<Callable<EventStore.Outcome>> writers = new ArrayList<>();
                for (int w = 0; w < 10; w++) {
                    // by round: the same id with other texts, the same text under other ids, the same URL under other
                    // ids and texts
                    Document base = doc(round);
                    String other = "Round " + round + ", writer " + w + ": other words.";
                    Document d =
                            switch (round % 3) {
                                case 0 -> Document.of(base.id(), other, base.published());
                                case 1 -> Document.of("copy-" + round + "-" + w, base.text(), base.published());
                                default ->
                                    Document.of("url-" + round + "-" + w, other, base.published())
                                            .withUrl(base.url());
                            };
                    writers.add(() -> store.put(d, record(d)));
                }
                List<EventStore.Outcome> outcomes = new ArrayList<>();
                for (Future<EventStore.Outcome> f : pool.invokeAll(writers)) outcomes.add(f.get());
                assertEquals(
                        1,
                        outcomes.stream()
                                .filter(o -> o != EventStore.Outcome.DUPLICATE)
                                .count(),
                        "round " + round + ": " + outcomes);
            }
            assertEquals(60, store.documents());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDatabaseThatIsNotOneSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path junk = java.nio.file.Files.writeString(
                dir.resolve("junk.duckdb"), "this is not a database file at all ".repeat(200));
        EventStore.Unavailable e = assertThrows(EventStore.Unavailable.class, () -> EventStore.open(junk));
        assertTrue(e.getMessage().startsWith("cannot open database " + junk), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
