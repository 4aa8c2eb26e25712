package org.sitrep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;

/**
 * One run of the coder over a corpus: read the inputs, leave out what the output already holds (same id, else
 * same text), code the rest with one pipeline per executor, and add the documents, their events and the error
 * records to the output (see {@link Output} for how a run's files become visible all at once).
 */
final class Job {
    private Job() {}

    /** What a run did. {@code load} is the time the executors took to build their pipelines, before coding. */
    record Summary(
            long read, long skipped, long coded, long failed, long events, int recovered, double load, double seconds) {
        double docsPerSecond() {
            return coded / Math.max(seconds, 1e-3);
        }
    }

    static final String CODED = "coded";

    static Summary run(SparkSession spark, List<String> inputs, String out, JobOptions o) throws IOException {
        Output output = new Output(out, spark.sparkContext().hadoopConfiguration());
        int recovered = recover(spark, output);
        long t0 = System.nanoTime();
        Staged staged = code(spark, inputs, output, o);
        Row totals = finish(spark, output, staged.run());
        double seconds = (System.nanoTime() - t0) / 1e9 - staged.load();
        long coded = totals.getLong(0);
        return new Summary(
                staged.read(),
                staged.read() - coded,
                coded,
                totals.getLong(1),
                totals.isNullAt(2) ? 0 : totals.getLong(2),
                recovered,
                staged.load(),
                seconds);
    }

    /** A run whose coding is written to staging: its directory, the documents read, the pipelines' load time. */
    record Staged(Path run, long read, double load) {}

    /** Reads, leaves out what is written, codes the rest into the run's staging directory. */
    static Staged code(SparkSession spark, List<String> inputs, Output output, JobOptions o) throws IOException {
        Dataset<Row> docs =
                Inputs.read(spark, inputs, o).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        long read = docs.count();
        Dataset<Row> todo = docs;
        if (output.has(Output.DOCUMENTS)) {
            Dataset<Row> written = spark.read()
                    .parquet(output.table(Output.DOCUMENTS).toString())
                    .select("id", "content_hash");
            todo = todo.join(written.select("id"), todo.col("id").equalTo(written.col("id")), "left_anti");
            Dataset<Row> hashes =
                    written.select(col("content_hash").as("written_hash")).distinct();
            todo = todo.join(hashes, todo.col("content_hash").equalTo(hashes.col("written_hash")), "left_anti");
        }
        todo = todo.dropDuplicates("id");

        int cores = spark.sparkContext().defaultParallelism();
        double load = warmUp(spark, o, cores);
        String name = "run-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .format(Instant.now().atOffset(ZoneOffset.UTC)) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path run = output.staging(name);
        int partitions = o.partitions() > 0 ? o.partitions() : 4 * cores;
        todo.repartition(partitions)
                .mapPartitions(new CodePartition(o.kb()), Encoders.row(Rows.CODED))
                .write()
                .parquet(new Path(run, CODED).toString());
        docs.unpersist();
        return new Staged(run, read, load);
    }

    /** Makes a staged run's tables and moves them into place; returns documents, failed, events. */
    static Row finish(SparkSession spark, Output output, Path run) throws IOException {
        Row totals = derive(spark, run);
        output.promote(run);
        return totals;
    }

    /**
     * Finishes what an earlier run left: a run whose coding was written whole gets its tables made and moved into
     * place (nothing is coded twice); a run that died while coding is dropped.
     */
    private static int recover(SparkSession spark, Output output) throws IOException {
        int n = 0;
        for (Path run : output.stagedRuns()) {
            if (output.exists(new Path(new Path(run, CODED), "_SUCCESS"))) {
                // made whole once: after that some of its files may already be moved, and making them again would add
                // copies
                if (!output.exists(new Path(new Path(run, Output.DOCUMENTS), "_SUCCESS"))) derive(spark, run);
                output.promote(run);
                n++;
            } else {
                output.drop(run);
            }
        }
        return n;
    }

    /**
     * Makes the three tables from a run's coded rows; returns documents, failed, events. Read back from the staged
     * coding, so a lost executor never makes the tables disagree, and documents come last: they mark the run done.
     */
    private static Row derive(SparkSession spark, Path stage) {
        Dataset<Row> coded = spark.read().schema(Rows.CODED).parquet(new Path(stage, CODED).toString());
        coded.select(explode(col("event_rows")).as("e"))
                .select("e.*")
                .write()
                .mode("overwrite")
                .partitionBy("month")
                .parquet(new Path(stage, Output.EVENTS).toString());
        coded.filter(col("error").isNotNull())
                .select("record")
                .write()
                .mode("overwrite")
                .text(new Path(stage, Output.ERRORS).toString());
        coded.drop("event_rows")
                .write()
                .mode("overwrite")
                .partitionBy("month")
                .parquet(new Path(stage, Output.DOCUMENTS).toString());
        return coded.agg(count("*"), count("error"), sum("events")).first();
    }

    /** Builds each executor's pipeline before coding starts (one task per core), so coding time is coding; returns seconds. */
    private static double warmUp(SparkSession spark, JobOptions o, int cores) {
        long t0 = System.nanoTime();
        List<String> kb = o.kb();
        spark.createDataset(IntStream.range(0, cores).boxed().toList(), Encoders.INT())
                .repartition(cores)
                .foreachPartition((org.apache.spark.api.java.function.ForeachPartitionFunction<Integer>)
                        it -> ExecutorCoder.warmUp(kb));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Codes one partition's documents with the executor's pipeline. */
    private record CodePartition(List<String> kb) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> docs) {
            Pipeline p = ExecutorCoder.pipeline(kb);
            Timestamp now = Timestamp.from(Instant.now());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return docs.hasNext();
                }

                @Override
                public Row next() {
                    Document d = Rows.document(docs.next());
                    DocumentRecord rec = ExecutorCoder.code(p, d);
                    return Rows.coded(d, rec, now);
                }
            };
        }
    }
}
