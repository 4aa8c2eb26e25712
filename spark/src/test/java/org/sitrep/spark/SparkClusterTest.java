package org.sitrep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.TaskEndReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.sources.DocumentReader;

/**
 * The job on a real standalone cluster: a master and two workers as separate JVMs on loopback, one executor of one
 * core on each; the driver is this JVM. The second run loses an executor mid-job and must still write every
 * document and event once.
 */
@Tag("corenlp")
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {
    private static final int PARTITIONS = 10, COPIES = 3;

    @TempDir
    static Path tmp;

    StandaloneCluster cluster;
    SparkSession spark;
    Path input;
    Set<String> ids;
    final Map<String, AtomicInteger> tasksByExecutor = new ConcurrentHashMap<>();
    final AtomicInteger failedTasks = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        // the examples repeated under new ids: enough coding tasks to lose an executor in the middle of them
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        ids = new java.util.TreeSet<>();
        for (String file : List.of("articles.jsonl", "demo.jsonl")) {
            for (String line : Files.readAllLines(Path.of("..", "examples", file))) {
                if (line.isBlank()) continue;
                for (int copy = 0; copy < COPIES; copy++) {
                    ObjectNode doc = (ObjectNode) json.readTree(line);
                    String id = doc.get("id").asText() + "#" + copy;
                    doc.put("id", id);
                    ids.add(id);
                    lines.add(json.writeValueAsString(doc));
                }
            }
        }
        input = tmp.resolve("docs.jsonl");
        Files.write(input, lines);

        cluster = new StandaloneCluster(tmp, 2, 2560);
        spark = SparkSession.builder()
                .master(cluster.master)
                .appName("sitrep-cluster-test")
                .config("spark.executor.memory", "2g")
                .config("spark.executor.cores", "1")
                .config("spark.cores.max", "2")
                .config("spark.executor.extraClassPath", cluster.classDirectories)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                TaskEndReason reason = end.reason();
                if (reason instanceof org.apache.spark.Success$) {
                    tasksByExecutor
                            .computeIfAbsent(end.taskInfo().executorId(), k -> new AtomicInteger())
                            .incrementAndGet();
                } else {
                    failedTasks.incrementAndGet();
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (spark.sparkContext().getExecutorMemoryStatus().size() < 3) { // the driver and two executors
            if (System.nanoTime() > deadline)
                fail("the workers did not start executors; see " + tmp + "/*.log:\n" + logs());
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() {
        if (spark != null) spark.stop();
        if (cluster != null) cluster.close();
    }

    private JobOptions options() {
        return new JobOptions(List.of(), null, DocumentReader.Options.DEFAULT_MAX_CHARS, "text", PARTITIONS);
    }

    @Test
    @Order(1)
    void codesAcrossTwoWorkers() throws Exception {
        String out = tmp.resolve("out-a").toString();
        tasksByExecutor.clear();
        Job.Summary s = Job.run(spark, List.of(input.toString()), out, options());
        assertEquals(ids.size(), s.coded());
        assertEquals(0, s.failed());
        assertEquals(ids, documentIds(out));
        assertEquals(2, tasksByExecutor.size(), "both executors ran tasks: " + tasksByExecutor);
        assertTrue(s.events() > ids.size(), "events were coded: " + s.events());
    }

    @Test
    @Order(2)
    void losingAnExecutorMidJobLeavesCompleteOutputWithoutDuplicates() throws Exception {
        String out = tmp.resolve("out-b").toString();
        failedTasks.set(0);
        CompletableFuture<Job.Summary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Job.run(spark, List.of(input.toString()), out, options());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // once the coding stage has finished a task, kill the first worker's executor while it codes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        long killed = 0;
        while (killed == 0 && !run.isDone() && System.nanoTime() < deadline) {
            for (int id : spark.sparkContext().statusTracker().getActiveStageIds()) {
                SparkStageInfo stage =
                        spark.sparkContext().statusTracker().getStageInfo(id).getOrElse(null);
                if (stage != null
                        && stage.numTasks() == PARTITIONS
                        && stage.numCompletedTasks() >= 1
                        && stage.numCompletedTasks() < PARTITIONS - 4) {
                    killed = cluster.killExecutors(0);
                }
            }
            Thread.sleep(50);
        }
        assertEquals(1, killed, "an executor was killed while the coding stage ran");
        Job.Summary s = run.get(600, TimeUnit.SECONDS);
        assertTrue(failedTasks.get() >= 1, "the killed executor's tasks failed and were run again");

        assertEquals(ids.size(), s.coded());
        List<String> written = spark.read()
                .parquet(out + "/documents")
                .select("id")
                .as(Encoders.STRING())
                .collectAsList();
        assertEquals(ids.size(), written.size(), "no document twice");
        assertEquals(ids, new java.util.TreeSet<>(written), "every document");
        Dataset<Row> events = spark.read().parquet(out + "/events");
        assertEquals(
                events.count(), events.select("doc_id", "event_id").distinct().count(), "no event twice");
        // the same events as the run that lost nothing
        Dataset<Row> before = spark.read().parquet(tmp.resolve("out-a") + "/events");
        assertEquals(before.count(), events.count(), "every event");
        assertEquals(0, before.exceptAll(events).count(), "the same events as the undisturbed run");
    }

    private Set<String> documentIds(String out) {
        return new java.util.TreeSet<>(spark.read()
                .parquet(out + "/documents")
                .select("id")
                .as(Encoders.STRING())
                .collectAsList());
    }

    private static String logs() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f);
                sb.append("== ")
                        .append(f.getFileName())
                        .append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())))
                        .append('\n');
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }
}
