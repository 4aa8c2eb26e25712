package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;

/** Issue 16 item 2: a document over its time budget becomes an error record and the batch goes on. */
class DocTimeoutTest {

    static volatile boolean spin = true;

    /** Codes normally, except "stuck" documents, which spin without ever looking at interruption, as a runaway regex does. */
    static DocumentRecord code(Document d) {
        if (d.id().startsWith("stuck")) {
            long x = 0;
            while (spin) x++;
            return StandIn.record(d.withWarning("spun " + x));
        }
        return StandIn.record(d);
    }

    private static Document doc(String id) {
        return Document.of(id, "Iranian forces shelled Basra on Monday.", "2024-03-04");
    }

    @Test
    void stuckDocumentsTimeOutInOrderAndTheOthersAreCodedMeanwhile() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) docs.add(doc(i % 10 == 3 ? "stuck-" + i : "ok-" + i));
        List<DocumentRecord> out = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Coder coder = new Coder(null, DocTimeoutTest::code, 2, Duration.ofMillis(800))) {
            coder.codeAll(docs.iterator(), (d, r) -> out.add(r));
        }
        double secs = (System.nanoTime() - t0) / 1e9;

        assertEquals(30, out.size());
        for (int i = 0; i < 30; i++) {
            DocumentRecord r = out.get(i);
            assertEquals(docs.get(i).id(), r.id(), "input order kept");
            if (r.id().startsWith("stuck"))
                assertTrue(r.error().startsWith("timed out: coding took longer than 1 s (--doc-timeout)"), r.error());
            else assertNull(r.error(), r.error());
        }
        // three stuck documents, each 0.8 s, with two workers: seconds, not forever
        assertTrue(secs < 10, "took " + secs + " s");
    }

    @Test
    void waitingForAModelsFirstLoadIsNotTheDocumentsTime() {
        // the first lower-case document waits for the truecaser to load (10 s idle, more on a busy machine)
        java.util.concurrent.atomic.AtomicLong loadClock = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.Function<Document, DocumentRecord> loadsFirst = d -> {
            if (d.id().equals("first")) {
                for (int i = 0; i < 15; i++) { // 1.5 s of loading, reported as it goes
                    sleep(100);
                    loadClock.addAndGet(100_000_000L);
                }
            }
            if (d.id().equals("slow")) sleep(1500); // as long, but its own time
            return StandIn.record(d);
        };
        List<DocumentRecord> out = new ArrayList<>();
        try (Coder coder = new Coder(null, loadsFirst, 1, Duration.ofMillis(800), loadClock::get)) {
            coder.codeAll(List.of(doc("first"), doc("slow"), doc("next")).iterator(), (d, r) -> out.add(r));
        }
        assertNull(out.get(0).error(), "the wait for the load is left out of its budget");
        assertTrue(out.get(1).error().startsWith("timed out"), "a document slow by itself still times out");
        assertNull(out.get(2).error());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCrashInOneDocumentIsItsErrorRecord() {
        List<DocumentRecord> out = new ArrayList<>();
        try (Coder coder = new Coder(
                null,
                d -> {
                    if (d.id().equals("boom")) throw new StackOverflowError();
                    return StandIn.record(d);
                },
                2,
                Duration.ofSeconds(5))) {
            coder.codeAll(List.of(doc("a"), doc("boom"), doc("b")).iterator(), (d, r) -> out.add(r));
        }
        assertNull(out.get(0).error());
        assertTrue(
                out.get(1).error().startsWith("internal error while coding: java.lang.StackOverflowError"),
                out.get(1).error());
        assertNull(out.get(2).error());
    }
}
