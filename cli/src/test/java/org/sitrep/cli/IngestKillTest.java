package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.store.EventStore;

/**
 * Issue 16 item 7: a real ingest process killed (SIGKILL) at random points again and again, then run to the end,
 * stores every document once: nothing lost, nothing twice, failures stored as failed. 20 kills by default;
 * {@code -Dsitrep.kills=100} for the long run.
 */
class IngestKillTest {
    private static final int STORIES = 600;

    /** Stories, with copies under other ids, repeated ids and empty documents mixed in, as JSON Lines. */
    private static Set<String> corpus(Path file, Set<String> failedIds) throws Exception {
        Set<String> expected = new HashSet<>();
        StringBuilder lines = new StringBuilder();
        Random r = new Random(16);
        String[] places = {"Basra", "Mosul", "Kirkuk", "Najaf", "Erbil", "Karbala", "Tikrit", "Ramadi"};
        for (int i = 0; i < STORIES; i++) {
            String text = "Story " + i + ": forces shelled " + places[i % places.length] + " on day " + r.nextInt(1000)
                    + " and officials said " + r.nextInt(100) + " people were hurt in the attack near the river.";
            lines.append(line("s" + i, text));
            expected.add("s" + i);
            if (i % 10 == 3) lines.append(line("copy-of-s" + i, text)); // same text, another id
            if (i % 10 == 5) lines.append(line("s" + i, "A different text under an id already used " + i + "."));
            if (i % 50 == 7) { // cannot be coded
                lines.append(line("empty-" + i, ""));
                expected.add("empty-" + i);
                failedIds.add("empty-" + i);
            }
        }
        Files.writeString(file, lines);
        return expected;
    }

    private static String line(String id, String text) {
        return "{\"id\": \"" + id + "\", \"published\": \"2024-03-04\", \"text\": \"" + text + "\"}\n";
    }

    private static Process ingest(Path db, Path input) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestDriver.class.getName(),
                        db.toString(),
                        input.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void killedAgainAndAgainAnIngestLosesNothingAndStoresNothingTwice(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("sitrep.kills", 20);
        Path input = dir.resolve("corpus.jsonl");
        Set<String> failedIds = new HashSet<>();
        Set<String> expected = corpus(input, failedIds);
        Random random = new Random(20);
        int killed = 0, midWrite = 0, rounds = 1;
        Path db = dir.resolve("kill-1.duckdb");
        long t0 = System.nanoTime();
        while (killed < kills) {
            long before = count(db);
            Process p = ingest(db, input);
            // the child prints a dot per document coded (each stored right after): kill after a random number of them
            long target = 1 + random.nextInt(150);
            boolean ended = awaitProgress(p, target);
            if (ended || !p.isAlive()) { // this database is complete: check it and start another, so that kills keep
                // landing mid-run
                assertEquals(1, p.waitFor(), "the empty documents failed");
                verify(db, expected, failedIds);
                db = dir.resolve("kill-" + ++rounds + ".duckdb");
                continue;
            }
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            killed++;
            long after = count(db); // the database opens after every kill, and holds no text twice
            if (after > before && after < expected.size()) midWrite++;
        }
        Process last = ingest(db, input);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, last.exitValue(), "the empty documents failed");
        verify(db, expected, failedIds);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf(
                "IngestKillTest: %d kills (%d while documents were being written) over %d databases of %d documents, 0 lost, 0 duplicated, %.0f s%n",
                killed, midWrite, rounds, expected.size(), secs);
        assertTrue(
                midWrite >= kills / 2,
                "only " + midWrite + " of " + killed + " kills landed while documents were being written");
    }

    /** Reads the child's output until it has coded {@code target} documents; true if it ended first. */
    private static boolean awaitProgress(Process p, long target) throws Exception {
        var out = new java.io.BufferedInputStream(p.getInputStream());
        long seen = 0;
        for (int c; (c = out.read()) >= 0; ) {
            if (c == '.' && ++seen > target) return false;
        }
        return true;
    }

    /** Every document stored once, failures stored as failed, one event per coded story. */
    private static void verify(Path db, Set<String> expected, Set<String> failedIds) throws Exception {
        Set<String> stored = new HashSet<>(), failed = new HashSet<>();
        try (EventStore store = EventStore.open(db);
                Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT id, error FROM documents")) {
            while (rs.next()) {
                assertTrue(stored.add(rs.getString(1)), "stored twice: " + rs.getString(1));
                if (rs.getString(2) != null) failed.add(rs.getString(1));
            }
            assertEquals(STORIES, store.events(), "one event per coded story, none twice");
        }
        assertEquals(expected, stored, "nothing lost, no copy stored under its own id");
        assertEquals(failedIds, failed);
    }

    /** Documents stored so far; also checks that no text is stored twice among coded documents. */
    private static long count(Path db) throws Exception {
        if (!Files.exists(db)) return 0;
        try (EventStore store = EventStore.open(db);
                Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*), count(DISTINCT content_hash), count(content_hash) FROM documents")) {
            rs.next();
            assertEquals(rs.getLong(2), rs.getLong(3), "a text stored twice");
            return rs.getLong(1);
        }
    }

    @Test
    void aDatabaseLockedByAnotherProcessIsExitCode3WithOneLine(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("locked.duckdb");
        Path input =
                Files.writeString(dir.resolve("a.txt"), "Kenyan police arrested 30 protesters in Nairobi on Friday.");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestDriver.class.getName(),
                        "hold",
                        db.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertEquals("holding", new String(holder.getInputStream().readNBytes(7)));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            int exit;
            System.setErr(new PrintStream(err, true));
            try {
                exit = Main.run("ingest", input.toString(), "--db", db.toString());
            } finally {
                System.setErr(original);
            }
            assertEquals(ExitCodes.DATABASE, exit, err.toString());
            List<String> lines = new ArrayList<>(err.toString().lines().toList());
            assertEquals(1, lines.size(), err.toString());
            assertTrue(
                    lines.get(0)
                            .startsWith("sitrep: database " + db + " is in use by another process (PID " + holder.pid()
                                    + ")"),
                    lines.get(0));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }
}
