package org.sitrep.cli;

import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.text.CoreNlpModel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/** Codes a stream of documents on all cores and hands the records on in input order. */
final class Coder implements AutoCloseable {
    private final Pipeline pipeline;
    private final ExecutorService pool;
    private final int threads;

    Coder(List<Path> kbLayers, int threads) {
        this.threads = threads;
        long t0 = System.nanoTime();
        Progress.say("sitrep: loading models (CoreNLP and the knowledge base, about 10-40 s)...");
        this.pipeline = new Pipeline(CoreNlpModel.shared(), Knowledge.load(new KnowledgeFiles(kbLayers)));
        Progress.say("sitrep: models loaded in %.1f s", (System.nanoTime() - t0) / 1e9);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sitrep-coder");
            t.setDaemon(true);
            return t;
        });
    }

    Pipeline pipeline() { return pipeline; }

    /**
     * Codes every document, keeping at most a few per thread in flight, and hands each record on with its
     * document, in input order; a crash in one document becomes its error record.
     */
    void codeAll(Iterator<Document> docs, BiConsumer<Document, DocumentRecord> sink) {
        record Pending(Document document, Future<DocumentRecord> record) {}
        Deque<Pending> inFlight = new ArrayDeque<>();
        while (docs.hasNext() || !inFlight.isEmpty()) {
            while (docs.hasNext() && inFlight.size() < threads * 4) {
                Document d = docs.next();
                inFlight.add(new Pending(d, pool.submit(() -> codeSafely(d))));
            }
            try {
                Pending next = inFlight.removeFirst();
                sink.accept(next.document(), next.record().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private DocumentRecord codeSafely(Document d) {
        try {
            return pipeline.code(d);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (System.getenv("SITREP_DEBUG") != null) e.printStackTrace();
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return pipeline.code(d.withError("internal error while coding: " + e + (at == null ? "" : " at " + at)));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
