package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sitrep spark` prints the spark-submit line for the job, with the options `sitrep code` takes passed on. */
class SparkCommandTest {

    private static String[] run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new String[] {
                String.valueOf(exit), o.toString(StandardCharsets.UTF_8).strip(), e.toString(StandardCharsets.UTF_8)
            };
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsTheSubmitLineForYarn(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("job.jar"), "");
        String[] r = run(
                "spark",
                "hdfs:///news/2024/*.jsonl",
                "--out",
                "hdfs:///sitrep/out",
                "--master",
                "yarn",
                "--deploy-mode",
                "cluster",
                "--num-executors",
                "20",
                "--executor-cores",
                "2",
                "--executor-memory",
                "4g",
                "--archives",
                "hdfs:///kb/my-kb.zip#my-kb",
                "--kb",
                "my-kb",
                "--published",
                "2024-05-01",
                "--conf",
                "spark.yarn.maxAppAttempts=1",
                "--jar",
                jar.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(
                "spark-submit --master yarn --deploy-mode cluster --class org.sitrep.spark.SparkCode --num-executors 20"
                        + " --executor-cores 2 --executor-memory 4g --conf spark.yarn.maxAppAttempts=1 --archives 'hdfs:///kb/my-kb.zip#my-kb' "
                        + jar.toAbsolutePath()
                        + " 'hdfs:///news/2024/*.jsonl' --out hdfs:///sitrep/out --kb my-kb --published 2024-05-01",
                r[1]);
    }

    @Test
    void locallyTheDriverGetsTheExecutorsHeapAndAMissingJarIsExplained(@TempDir Path dir) {
        String[] r = run(
                "spark",
                "news/",
                "--out",
                "out",
                "--jar",
                dir.resolve("none.jar").toString());
        assertEquals("0", r[0]);
        assertTrue(
                r[1].startsWith(
                        "spark-submit --master 'local[*]' --class org.sitrep.spark.SparkCode --executor-memory 3g --driver-memory 3g "),
                r[1]);
        assertTrue(r[2].contains("mvn -B -Pspark-jar -pl spark -am package"), r[2]);
    }

    @Test
    void aBadDateIsAUsageError() {
        String[] r = run("spark", "news/", "--out", "out", "--published", "yesterday");
        assertTrue(!r[0].equals("0"), "exit " + r[0]);
    }
}
