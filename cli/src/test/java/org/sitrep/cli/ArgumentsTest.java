package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments are checked before any model loads: a mistake costs milliseconds and says what is wrong. */
class ArgumentsTest {

    private static String[] run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void aMistypedInputPathFailsAtOnceBeforeTheModelsLoad() {
        long t0 = System.nanoTime();
        String[] r = run("code", "no/such/dir", "--quiet");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("no such file or directory: no/such/dir"), r[1]);
        assertFalse(r[1].contains("loading models"), r[1]);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "no CoreNLP load");
        assertEquals("2", run("ingest", "missing.jsonl", "--db", "x.duckdb")[0]);
        assertEquals("2", run("code", "examples/", "--kb", "no-such-layer")[0]);
    }

    @Test
    void theEventModelRunsWithModelAndNotWithNoModel() {
        CodeCommand plain = new CodeCommand();
        new picocli.CommandLine(plain).parseArgs("examples/");
        assertFalse(plain.model, "off by default: it costs more than the 10% of the rate issue 12 allows");
        CodeCommand on = new CodeCommand();
        new picocli.CommandLine(on).parseArgs("examples/", "--model");
        assertTrue(on.model);
        CodeCommand off = new CodeCommand();
        new picocli.CommandLine(off).parseArgs("examples/", "--no-model");
        assertFalse(off.model);
        BenchCommand bench = new BenchCommand();
        new picocli.CommandLine(bench).parseArgs("--model");
        assertTrue(bench.model);
    }

    @Test
    void unknownExportTypesFormatsAndDatesAreErrors(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("none.duckdb");
        String[] r = run("export", "--out", dir.resolve("x.tsv").toString(), "--db", db.toString(), "--type", "BOGUS");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("unknown --type 'BOGUS'") && r[1].contains("ASSAULT"), r[1]);
        assertEquals("2", run("export", "--out", "x", "--format", "gdelt1", "--db", db.toString())[0]);
        assertEquals("2", run("export", "--out", "x", "--from", "last week", "--db", db.toString())[0]);
        assertEquals("2", run("export", "--out", "x", "--country", "Iraq", "--db", db.toString())[0]);
        assertFalse(Files.exists(dir.resolve("x.tsv")));
        for (String ok : new String[] {"ASSAULT", "assault", "19", "190"})
            assertFalse(
                    run("export", "--out", "x", "--type", ok, "--db", db.toString())[1].contains("unknown --type"), ok);
    }

    @Test
    void evalRequiresBothFilesAndSaysWhichIsMissing(@TempDir Path dir) {
        String[] r = run("eval", "examples/eval/gold.json");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("RECORDS"), r[1]);
        r = run(
                "eval",
                dir.resolve("gold.json").toString(),
                dir.resolve("records.jsonl").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("no such file"), r[1]);
    }
}
