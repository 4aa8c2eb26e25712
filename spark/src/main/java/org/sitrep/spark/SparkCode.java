package org.sitrep.spark;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job: {@code spark-submit --class org.sitrep.spark.SparkCode sitrep-spark-job.jar INPUT... --out DIR}.
 * Codes documents as {@code sitrep code} does and adds them to Parquet tables under DIR; a rerun codes only what is
 * not there yet.
 */
@Command(
        name = "SparkCode",
        mixinStandardHelpOptions = true,
        description = {
            "Code news documents into events on a Spark cluster.",
            "Inputs (any Hadoop path: file://, hdfs://, s3a://...): JSON Lines, JSON, text, HTML, feeds, WARC, and Parquet tables with a text column.",
            "Writes DIR/documents and DIR/events (Parquet, partitioned by month) and DIR/errors (the error records of sitrep code).",
            "Exit code: 0 when every document was coded, 1 when some could not be, 2 on usage errors."
        })
public final class SparkCode implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "files, directories or globs on any Hadoop filesystem")
    List<String> inputs;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "output directory (a Hadoop path); reruns add to it")
    String out;

    @Option(
            names = "--published",
            paramLabel = "DATE",
            description = "publication date (YYYY-MM-DD) for documents that give none")
    String published;

    @Option(
            names = "--kb",
            paramLabel = "DIR",
            description = "a knowledge layer on top of the built-in one, a directory on every executor (repeatable)")
    List<String> kb = List.of();

    @Option(names = "--max-chars", description = "documents longer than this are refused (default ${DEFAULT-VALUE})")
    long maxChars = DocumentReader.Options.DEFAULT_MAX_CHARS;

    @Option(
            names = "--text-column",
            paramLabel = "NAME",
            description = "the text column of Parquet inputs (default ${DEFAULT-VALUE})")
    String textColumn = "text";

    @Option(names = "--partitions", description = "coding tasks (default: four per executor core)")
    int partitions;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new SparkCode()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        JobOptions o = new JobOptions(kb, published, maxChars, textColumn, partitions);
        new DocumentReader.Options(published, maxChars); // checks the date before a cluster is asked for anything
        SparkSession spark = SparkSession.builder().appName("sitrep code").getOrCreate();
        try {
            Job.Summary s = Job.run(spark, inputs, out, o);
            System.err.println(report(s));
            return s.failed() > 0 ? 1 : 0;
        } finally {
            spark.stop();
        }
    }

    static String report(Job.Summary s) {
        return String.format(
                "sitrep: coded %d documents (%d failed), %d events; %d skipped (already written)%s%n"
                        + "sitrep: pipelines loaded in %.1f s; coded and written in %.1f s: %.2f documents/s",
                s.coded(),
                s.failed(),
                s.events(),
                s.skipped(),
                s.recovered() > 0 ? "; finished " + s.recovered() + " earlier run(s)" : "",
                s.load(),
                s.seconds(),
                s.docsPerSecond());
    }
}
