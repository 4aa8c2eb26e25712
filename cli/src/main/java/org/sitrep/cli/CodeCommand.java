package org.sitrep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "code",
        mixinStandardHelpOptions = true,
        description = {
            "Code news documents into events.",
            "Inputs: text files, JSON Lines ({\"id\",\"text\",\"published\",\"title\",\"url\",\"outlet\"}), HTML pages, RSS/Atom feeds, WARC archives, directories, or - for stdin.",
            "Exit code: 0 when every document was coded, 1 when some could not be (see stderr and each record's warnings), 2 on usage errors, 4 on an internal error."
        })
final class CodeCommand implements Callable<Integer> {

    enum Format {
        jsonl,
        table
    }

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "files, directories, or - for stdin")
    List<String> inputs;

    @Option(names = "--format", description = "jsonl (document records, default) or table (for people)")
    Format format = Format.jsonl;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of stdout")
    Path out;

    @Option(
            names = "--published",
            paramLabel = "DATE",
            description = "publication date (YYYY-MM-DD) for documents that give none")
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

    @Option(names = "--max-chars", description = "documents longer than this are refused (default ${DEFAULT-VALUE})")
    long maxChars = DocumentReader.Options.DEFAULT_MAX_CHARS;

    @Option(
            names = "--model",
            negatable = true,
            defaultValue = "false",
            fallbackValue = "true",
            description =
                    "add the event model's second opinion after the rules: events for sentences the rules left empty, modes and ACLED types for generic rule events, warnings where it disagrees (off by default: it costs 14-19%% of the coding time)")
    boolean model;

    @Option(names = "--progress", description = "show progress on stderr (default: when stderr is a terminal)")
    Boolean progress;

    @Override
    public Integer call() throws IOException {
        String missing = Progress.missing(inputs, kb);
        if (missing != null) {
            System.err.println("sitrep code: " + missing);
            return 2;
        }
        DocumentReader reader = new DocumentReader(new DocumentReader.Options(published, maxChars));
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        PrintStream err = System.err;
        int[] counts = new int[3]; // documents, failed, events
        boolean showProgress = progress != null ? progress : System.console() != null && !Progress.quiet();
        // a first pass over the files gives the bar its length (stdin has none)
        long total = showProgress && !inputs.contains("-") ? reader.read(inputs).count() : -1;
        long t0 = System.nanoTime();
        // an unpaired surrogate that got this far becomes U+FFFD instead of killing the run halfway through a line
        CharsetEncoder utf8 = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
        try (Writer w = new BufferedWriter(
                        new OutputStreamWriter(out == null ? System.out : Files.newOutputStream(out), utf8));
                Coder coder =
                        new Coder(kb, Math.max(1, threads), Duration.ofMillis(Math.round(docTimeout * 1000)), model)) {
            Table table = format == Format.table
                    ? new Table(w, coder.pipeline().knowledge().codebook())
                    : null;
            coder.codeAll(reader.read(inputs).iterator(), (doc, rec) -> {
                counts[0]++;
                counts[2] += rec.events().size();
                if (rec.error() != null) {
                    counts[1]++;
                    err.println("sitrep: " + rec.id() + ": " + rec.error());
                } else {
                    for (String warning : rec.warnings()) err.println("sitrep: " + rec.id() + ": warning: " + warning);
                }
                try {
                    if (table != null) table.write(rec);
                    else {
                        w.write(json.writeValueAsString(rec));
                        w.write('\n');
                    }
                    w.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (showProgress) {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    String bar = "";
                    if (total > 0) {
                        int width = 30, filled = (int) (width * Math.min(1.0, counts[0] / (double) total));
                        bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + counts[0] + "/" + total
                                + " ";
                    }
                    err.printf(
                            "\r%s%d documents, %d events, %d failed, %.1f docs/s ",
                            bar, counts[0], counts[2], counts[1], counts[0] / Math.max(secs, 1e-3));
                }
            });
            if (table != null) table.finish();
        }
        if (showProgress) err.println();
        if (!Progress.quiet() || counts[1] > 0)
            err.printf("sitrep: coded %d documents (%d failed), %d events%n", counts[0], counts[1], counts[2]);
        return counts[1] > 0 ? 1 : 0;
    }
}
