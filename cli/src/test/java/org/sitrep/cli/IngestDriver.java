package org.sitrep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.store.EventStore;

/**
 * A real ingest process for the crash test: the ingest command's own loop, reader and store, with the language model
 * stood in for (loading CoreNLP 20 times would take a quarter of an hour). {@code hold DB} only opens the database
 * and waits, to hold its lock.
 */
public final class IngestDriver {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold")) {
            try (EventStore store = EventStore.open(Path.of(args[1]))) {
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        IngestCommand ingest = new IngestCommand();
        ingest.db = Path.of(args[0]);
        ingest.inputs = List.of(args[1]);
        try (EventStore store = EventStore.open(ingest.db);
                Coder coder = new Coder(null, IngestDriver::code, 2, Duration.ofSeconds(30))) {
            System.exit(ingest.ingest(store, coder, new PrintStream(java.io.OutputStream.nullOutputStream())));
        }
    }

    /** A little work per document, as the model does, so that kills land while documents are being written. */
    private static DocumentRecord code(Document d) {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (
                IngestDriver.class) { // one dot per document coded: the crash test counts them to choose its moment
            System.out.print('.');
            System.out.flush();
        }
        return StandIn.record(d);
    }
}
