package org.sitrep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import org.sitrep.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Codes documents into an embedded DuckDB database, with a progress bar.",
            "Resumable: documents already stored (same id, URL or text) are skipped, and each document is stored in one",
            "transaction, so a run that is interrupted loses nothing and a rerun stores nothing twice; the same document met twice",
            "in one run is stored once. A document that cannot be coded is listed on stderr and stored as failed; the next",
            "ingest tries it again.",
            "Exit code: 0 all coded, 1 some documents failed, 2 usage error, 3 database locked or unreadable, 4 internal error."
        })
final class IngestCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "SOURCE",
            description = "files, directories, JSON Lines, HTML, RSS/Atom feeds, WARC archives, or - for stdin")
    List<String> inputs;

    @Option(names = "--db", description = "the database file (default: ${DEFAULT-VALUE})")
    Path db = Path.of("sitrep.duckdb");

    @Option(names = "--published", paramLabel = "DATE", description = "publication date for documents that give none")
    String published;

    @Option(
            names = "--kb",
            paramLabel = "DIR",
            description = "a knowledge layer added on top of the built-in one (repeatable)")
    List<Path> kb = List.of();

    @Option(names = "--threads", description = "coding threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--doc-timeout",
            paramLabel = "SECONDS",
            description =
                    "time budget per document; one over it becomes an error record and the batch goes on (default ${DEFAULT-VALUE})")
    double docTimeout = Coder.DEFAULT_DOC_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        String missing = Progress.missing(inputs, kb);
        if (missing != null) {
            System.err.println("sitrep ingest: " + missing);
            return 2;
        }
        try (EventStore store = EventStore.open(db);
                Coder coder = new Coder(kb, Math.max(1, threads), Duration.ofMillis(Math.round(docTimeout * 1000)))) {
            return ingest(store, coder, System.err);
        }
    }

    /** The ingest proper, with the store and coder given (the crash test runs it with a stand-in language model). */
    int ingest(EventStore store, Coder coder, PrintStream err) {
        DocumentReader reader =
                new DocumentReader(new DocumentReader.Options(published, DocumentReader.Options.DEFAULT_MAX_CHARS));
        long total = inputs.contains("-")
                ? -1
                : reader.read(inputs).count(); // a first pass over the files gives the bar its length
        int[] n = new int[4]; // stored, skipped, failed, events
        long t0 = System.nanoTime();
        {
            RunSeen seen = new RunSeen();
            Iterator<Document> fresh = new Iterator<>() {
                final Iterator<Document> all = reader.read(inputs).iterator();
                Document next;

                @Override
                public boolean hasNext() {
                    while (next == null && all.hasNext()) {
                        Document d = all.next();
                        // a document met earlier in this run is skipped as one stored by an earlier run would be
                        if (!seen.add(d) || store.contains(d)) {
                            n[1]++;
                            progress(err, n, total, t0);
                        } else next = d;
                    }
                    return next != null;
                }

                @Override
                public Document next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    Document d = next;
                    next = null;
                    return d;
                }
            };
            coder.codeAll(fresh, (d, rec) -> {
                if (store.put(d, rec) == EventStore.Outcome.DUPLICATE) {
                    n[1]++;
                } else if (rec.error() != null) {
                    n[2]++;
                    err.println("\rsitrep: " + rec.id() + ": "
                            + rec.error()); // one line per failed document, above the bar
                } else {
                    n[0]++;
                    n[3] += rec.events().size();
                }
                progress(err, n, total, t0);
            });
            err.println();
            err.printf(
                    "sitrep: %s now holds %d documents (%d near-duplicate copies, %d failed) and %d events (%d real-world events after merging reports)%n"
                            + "sitrep: this run: %d coded and stored, %d already there, %d failed (stored as failed; the next ingest tries them again)%n",
                    db,
                    store.documents(),
                    store.copies(),
                    store.failed(),
                    store.events(),
                    store.clusters(),
                    n[0],
                    n[1],
                    n[2]);
        }
        return n[2] > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** The ids, URLs and texts met so far in this run: the store only knows those already written. */
    private static final class RunSeen {
        private final java.util.Set<String> keys = new java.util.HashSet<>();

        /** False when the document's id, URL or (non-empty) text was met before. */
        boolean add(Document d) {
            String hash = d.text().isBlank() ? null : EventStore.contentHash(d.text());
            boolean fresh = !keys.contains("id:" + d.id())
                    && (d.url() == null || !keys.contains("url:" + d.url()))
                    && (hash == null || !keys.contains("text:" + hash));
            keys.add("id:" + d.id());
            if (d.url() != null) keys.add("url:" + d.url());
            if (hash != null) keys.add("text:" + hash);
            return fresh;
        }
    }

    private static void progress(PrintStream err, int[] n, long total, long t0) {
        long done = (long) n[0] + n[1];
        double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        String bar = "";
        if (total > 0) {
            int width = 30, filled = (int) (width * Math.min(1.0, done / (double) total));
            bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " ";
        }
        err.printf(
                "\r%s%d stored, %d skipped, %d failed, %d events, %.1f docs/s ",
                bar, n[0], n[1], n[2], n[3], n[0] / secs);
    }
}
