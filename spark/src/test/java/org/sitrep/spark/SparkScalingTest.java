package org.sitrep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.sources.DocumentReader;

/**
 * Measures the job's scaling, run on request only:
 * {@code mvn -B -pl spark -am test -Dtest=SparkScalingTest -Dsurefire.failIfNoSpecifiedTests=false -Dsitrep.scaling=2000}.
 * The examples are repeated under new ids to the number of documents asked; the same corpus is coded on a standalone
 * cluster of one worker, then of two (one executor of one core each), back to back; documents/s counts coding and
 * writing, not the executors' model load, which is reported apart. Results go to stdout and target/scaling.txt.
 */
@EnabledIfSystemProperty(named = "sitrep.scaling", matches = "\\d+")
class SparkScalingTest {
    @TempDir
    Path tmp;

    @Test
    void documentsPerSecondWithOneAndTwoExecutors() throws Exception {
        int n = Integer.parseInt(System.getProperty("sitrep.scaling"));
        String memory = System.getProperty("sitrep.scaling.memory", "1536m");
        int partitions = Integer.getInteger("sitrep.scaling.partitions", 16);
        ObjectMapper json = new ObjectMapper();
        List<String> originals = new ArrayList<>();
        for (String file : List.of("articles.jsonl", "demo.jsonl")) {
            for (String line : Files.readAllLines(Path.of("..", "examples", file)))
                if (!line.isBlank()) originals.add(line);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode doc = (ObjectNode) json.readTree(originals.get(i % originals.size()));
            doc.put("id", doc.get("id").asText() + "#" + (i / originals.size()));
            lines.add(json.writeValueAsString(doc));
        }
        Path input = tmp.resolve("corpus.jsonl");
        Files.write(input, lines);

        Map<Integer, Job.Summary> results = new LinkedHashMap<>();
        Map<Integer, Long> heaps = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder();
        for (int executors : new int[] {1, 2}) {
            Path dir = Files.createDirectories(tmp.resolve("cluster-" + executors));
            AtomicLong peakHeap = new AtomicLong();
            try (StandaloneCluster cluster = new StandaloneCluster(dir, executors, 4096)) {
                SparkSession spark = SparkSession.builder()
                        .master(cluster.master)
                        .appName("sitrep-scaling-" + executors)
                        .config("spark.executor.memory", memory)
                        .config("spark.executor.cores", "1")
                        .config("spark.cores.max", String.valueOf(executors))
                        .config("spark.executor.extraClassPath", cluster.classDirectories)
                        .config("spark.executor.metrics.pollingInterval", "1s")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.shuffle.partitions", "4")
                        .getOrCreate();
                spark.sparkContext().addSparkListener(new SparkListener() {
                    @Override
                    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate u) {
                        if (u.execId().equals("driver")) return;
                        for (ExecutorMetrics m : scala.jdk.javaapi.CollectionConverters.asJava(u.executorUpdates())
                                .values()) {
                            peakHeap.accumulateAndGet(m.getMetricValue("JVMHeapMemory"), Math::max);
                        }
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (spark.sparkContext().getExecutorMemoryStatus().size() < executors + 1
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Job.Summary s = Job.run(
                        spark,
                        List.of(input.toString()),
                        dir.resolve("out").toString(),
                        new JobOptions(List.of(), null, DocumentReader.Options.DEFAULT_MAX_CHARS, "text", partitions));
                spark.stop();
                assertEquals(n, s.coded());
                results.put(executors, s);
                heaps.put(executors, peakHeap.get());
                String line = String.format(
                        "executors: %d x 1 core, %s; documents: %d; events: %d; load: %.1f s; coding+writing: %.1f s; "
                                + "documents/s: %.2f; executor peak heap: %d MB",
                        executors,
                        memory,
                        s.coded(),
                        s.events(),
                        s.load(),
                        s.seconds(),
                        s.docsPerSecond(),
                        peakHeap.get() >> 20);
                System.out.println(line);
                report.append(line).append('\n');
            }
        }
        double speedup = results.get(2).docsPerSecond() / results.get(1).docsPerSecond();
        String summary =
                String.format("speed-up (2 vs 1 executor): %.2fx; efficiency: %.0f%%", speedup, 100 * speedup / 2);
        System.out.println(summary);
        report.append(summary).append('\n');
        Files.writeString(Path.of("target", "scaling.txt"), report.toString());
    }
}
