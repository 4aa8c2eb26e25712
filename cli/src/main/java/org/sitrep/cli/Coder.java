package org.sitrep.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.text.CoreNlpModel;

/**
 * Codes a stream of documents on all cores and hands the records on in input order. Each document has a time
 * budget: one over it becomes an error record and the batch goes on, and a worker stuck in library code is
 * replaced so that it does not hold up the others.
 */
final class Coder implements AutoCloseable {
    static final Duration DEFAULT_DOC_TIMEOUT = Duration.ofSeconds(30);
    /** How long a timed-out worker gets to notice its interruption before it is stopped by force. */
    private static final long GRACE_MILLIS = 2_000;

    private final Pipeline pipeline;
    private final Function<Document, DocumentRecord> code;
    private final Function<Document, DocumentRecord> fail;
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final long budgetNanos;
    private final java.util.function.LongSupplier loading;

    Coder(List<Path> kbLayers, int threads) {
        this(kbLayers, threads, DEFAULT_DOC_TIMEOUT);
    }

    Coder(List<Path> kbLayers, int threads, Duration docTimeout) {
        this(kbLayers, threads, docTimeout, false);
    }

    /** With {@code model}, the event model's second opinion runs after the rules (data/model/event-head.json). */
    Coder(List<Path> kbLayers, int threads, Duration docTimeout, boolean model) {
        this(load(kbLayers, model), null, threads, docTimeout);
    }

    private static Pipeline load(List<Path> kbLayers, boolean model) {
        long t0 = System.nanoTime();
        Progress.say("sitrep: loading models (CoreNLP and the knowledge base, about 10-40 s)...");
        Knowledge knowledge = Knowledge.load(new KnowledgeFiles(kbLayers));
        Pipeline p = new Pipeline(CoreNlpModel.shared(), knowledge, model ? modelStage(knowledge) : null);
        Progress.say("sitrep: models loaded in %.1f s", (System.nanoTime() - t0) / 1e9);
        return p;
    }

    private static org.sitrep.model.ModelStage modelStage(Knowledge knowledge) {
        org.sitrep.model.EventModel head = org.sitrep.model.EventModel.builtIn();
        if (head == null) throw new IllegalStateException("no event model in this build: run sitrep train");
        // -Dsitrep.model=add=0.9,drop=0.97 (in SITREP_JAVA_OPTS) tries other thresholds
        return new org.sitrep.model.ModelStage(
                head,
                new org.sitrep.model.onnx.MiniLmEncoder(),
                knowledge.codebook(),
                org.sitrep.model.ModelStage.Settings.DEFAULT.with(System.getProperty("sitrep.model")),
                new org.sitrep.events.AcledStage(knowledge.acled())::refinable,
                knowledge.acled()::types,
                org.sitrep.model.Gate.builtIn(),
                knowledge.impliedAgents());
    }

    /** With {@code code} in place of the pipeline's (tests); a failed document always goes through the pipeline's own record. */
    Coder(Pipeline pipeline, Function<Document, DocumentRecord> code, int threads, Duration docTimeout) {
        this(pipeline, code, threads, docTimeout, pipeline != null ? pipeline::loadingNanos : () -> 0);
    }

    /** With {@code loading}, the clock of one-time loads ({@link Pipeline#loadingNanos()}), which budgets leave out. */
    Coder(
            Pipeline pipeline,
            Function<Document, DocumentRecord> code,
            int threads,
            Duration docTimeout,
            java.util.function.LongSupplier loading) {
        if (docTimeout.isNegative() || docTimeout.isZero())
            throw new IllegalArgumentException("--doc-timeout must be positive");
        this.pipeline = pipeline;
        this.code = code != null ? code : pipeline::code;
        this.fail = pipeline != null ? pipeline::code : d -> org.sitrep.records.RecordBuilder.failed(d, d.published());
        this.threads = threads;
        this.budgetNanos = docTimeout.toNanos();
        this.loading = loading;
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sitrep-coder");
            t.setDaemon(true);
            return t;
        });
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /** One document, with the same budget and safety as a batch (the API's coder). */
    DocumentRecord code(Document d) {
        DocumentRecord[] out = new DocumentRecord[1];
        codeAll(List.of(d).iterator(), (doc, rec) -> out[0] = rec);
        return out[0];
    }

    /** A document being coded: the worker and start time are known once a thread has picked it up. */
    private final class Job implements Callable<DocumentRecord> {
        final Document doc;
        volatile Thread worker;
        volatile long started;
        volatile long loadingAtStart;
        volatile boolean abandoned;

        Job(Document doc) {
            this.doc = doc;
        }

        @Override
        public DocumentRecord call() {
            worker = Thread.currentThread();
            loadingAtStart = loading.getAsLong();
            started = System.nanoTime();
            try {
                return codeSafely(doc);
            } finally {
                worker = null;
                if (abandoned) resize(-1); // the stand-in started when this one timed out is no longer needed
                Thread.interrupted(); // a late interruption must not hit the pool's next document
            }
        }
    }

    /**
     * Codes every document, keeping at most a few per thread in flight, and hands each record on with its
     * document, in input order; a crash in one document becomes its error record, and so does a document
     * over the time budget.
     */
    void codeAll(Iterator<Document> docs, BiConsumer<Document, DocumentRecord> sink) {
        record Pending(Job job, Future<DocumentRecord> record) {}
        Deque<Pending> inFlight = new ArrayDeque<>();
        while (docs.hasNext() || !inFlight.isEmpty()) {
            while (docs.hasNext() && inFlight.size() < threads * 4) {
                Job job = new Job(docs.next());
                inFlight.add(new Pending(job, pool.submit(job)));
            }
            Pending next = inFlight.removeFirst();
            DocumentRecord rec;
            try {
                rec = await(next.job(), next.record());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sink.accept(next.job().doc, rec);
        }
    }

    /** The job's record, or an error record once it has run longer than the budget. */
    private DocumentRecord await(Job job, Future<DocumentRecord> future) throws InterruptedException {
        while (true) {
            try {
                if (future.isDone()) return future.get();
                long started = job.started;
                if (started == 0) { // still queued: its budget has not begun
                    return future.get(50, TimeUnit.MILLISECONDS);
                }
                // waiting for a model's first load (the truecaser, on the first lower-case text) is not the document's
                // time
                long left = budgetNanos - (System.nanoTime() - started) + (loading.getAsLong() - job.loadingAtStart);
                if (left <= 0) return timedOut(job, future);
                return future.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // loop: either it started meanwhile or its budget is spent
            } catch (ExecutionException e) {
                return fail.apply(job.doc.withError("internal error while coding: " + e.getCause()));
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private DocumentRecord timedOut(Job job, Future<DocumentRecord> future) {
        job.abandoned = true;
        resize(+1); // a stand-in, so the other documents go on at full speed whatever the stuck worker does
        future.cancel(true);
        Thread worker = job.worker;
        if (worker != null) {
            // most library code ignores interruption; a runaway regex or SUTime rule is stopped by force after a grace
            Thread reaper = new Thread(
                    () -> {
                        try {
                            Thread.sleep(GRACE_MILLIS);
                            if (job.worker == worker) worker.stop();
                        } catch (InterruptedException | UnsupportedOperationException e) {
                            // Java 20+ cannot stop threads: the stuck one finishes on its own, the stand-in keeps the
                            // pace
                        }
                    },
                    "sitrep-reaper");
            reaper.setDaemon(true);
            reaper.start();
        }
        String secs = String.format(Locale.ROOT, "%.0f", budgetNanos / 1e9);
        return fail.apply(
                job.doc.withError("timed out: coding took longer than " + secs + " s (--doc-timeout); skipped"));
    }

    private synchronized void resize(int delta) {
        int n = Math.max(threads, pool.getMaximumPoolSize() + delta);
        if (delta > 0) {
            pool.setMaximumPoolSize(n);
            pool.setCorePoolSize(n);
        } else {
            pool.setCorePoolSize(n);
            pool.setMaximumPoolSize(n);
        }
    }

    private DocumentRecord codeSafely(Document d) {
        try {
            return code.apply(d);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (System.getenv("SITREP_DEBUG") != null) e.printStackTrace();
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return fail.apply(d.withError("internal error while coding: " + e + (at == null ? "" : " at " + at)));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
