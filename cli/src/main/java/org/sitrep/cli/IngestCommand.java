package org.sitrep.cli;

import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import org.sitrep.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Codes documents into an embedded DuckDB database, with a progress bar.",
                "Resumable: documents already stored (same id, URL or text) are skipped, and each document is stored in one",
                "transaction, so a run that is interrupted loses nothing and a rerun stores nothing twice."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "files, directories, JSON Lines, HTML, RSS/Atom feeds, WARC archives, or - for stdin")
    List<String> inputs;

    @Option(names = "--db", description = "the database file (default: ${DEFAULT-VALUE})")
    Path db = Path.of("sitrep.duckdb");

    @Option(names = "--published", paramLabel = "DATE", description = "publication date for documents that give none")
    String published;

    @Option(names = "--kb", paramLabel = "DIR", description = "a knowledge layer added on top of the built-in one (repeatable)")
    List<Path> kb = List.of();

    @Option(names = "--threads", description = "coding threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        String missing = Progress.missing(inputs, kb);
        if (missing != null) { System.err.println("sitrep ingest: " + missing); return 2; }
        DocumentReader reader = new DocumentReader(new DocumentReader.Options(published, DocumentReader.Options.DEFAULT_MAX_CHARS));
        PrintStream err = System.err;
        long total = inputs.contains("-") ? -1 : reader.read(inputs).count();  // a first pass over the files gives the bar its length
        int[] n = new int[4]; // stored, skipped, failed, events
        long t0 = System.nanoTime();
        try (EventStore store = EventStore.open(db); Coder coder = new Coder(kb, Math.max(1, threads))) {
            Iterator<Document> fresh = new Iterator<>() {
                final Iterator<Document> all = reader.read(inputs).iterator();
                Document next;

                @Override
                public boolean hasNext() {
                    while (next == null && all.hasNext()) {
                        Document d = all.next();
                        if (store.contains(d)) { n[1]++; progress(err, n, total, t0); }
                        else next = d;
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
                store.put(d, rec);
                if (rec.error() != null) n[2]++;
                n[0]++;
                n[3] += rec.events().size();
                progress(err, n, total, t0);
            });
            err.println();
            err.printf("sitrep: %s now holds %d documents (%d near-duplicate copies) and %d events (%d real-world events after merging reports)%n"
                    + "sitrep: this run: %d stored, %d already there, %d could not be coded%n",
                    db, store.documents(), store.copies(), store.events(), store.clusters(), n[0], n[1], n[2]);
        }
        return n[2] > 0 ? 1 : 0;
    }

    private static void progress(PrintStream err, int[] n, long total, long t0) {
        long done = n[0] + n[1];
        double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        String bar = "";
        if (total > 0) {
            int width = 30, filled = (int) (width * Math.min(1.0, done / (double) total));
            bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " ";
        }
        err.printf("\r%s%d stored, %d skipped, %d failed, %d events, %.1f docs/s ", bar, n[0], n[1], n[2], n[3], n[0] / secs);
    }
}
