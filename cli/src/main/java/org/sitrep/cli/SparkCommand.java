package org.sitrep.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints (or runs) the spark-submit line for the Spark job ({@code spark/}): the same coding as {@code code}, on a
 * cluster, into Parquet tables. Loads no models: the job does that on the executors.
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        description = {
            "Print the spark-submit line that codes INPUT on a Spark cluster into DIR (Parquet), or run it with --run.",
            "The job jar is built with: mvn -B -Pspark-jar -pl spark -am package -DskipTests"
        })
final class SparkCommand implements Callable<Integer> {
    static final String JAR = "spark/target/sitrep-spark-0.1.0-SNAPSHOT-job.jar";

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "Hadoop paths (file://, hdfs://, s3a://...): JSON Lines, text, WARC, Parquet...")
    List<String> inputs;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "output directory; a rerun codes only what is not there yet")
    String out;

    @Option(
            names = "--kb",
            paramLabel = "DIR",
            description = "knowledge layer, a directory on every executor (ship it with --archives)")
    List<String> kb = List.of();

    @Option(names = "--published", paramLabel = "DATE", description = "publication date for documents that give none")
    String published;

    @Option(names = "--max-chars", description = "documents longer than this are refused")
    Long maxChars;

    @Option(names = "--text-column", paramLabel = "NAME", description = "text column of Parquet inputs (default text)")
    String textColumn;

    @Option(names = "--partitions", description = "coding tasks (default: four per executor core)")
    Integer partitions;

    @Option(
            names = "--master",
            description = "spark://HOST:7077, yarn, k8s://https://HOST:443, local[N] (default ${DEFAULT-VALUE})")
    String master = "local[*]";

    @Option(names = "--deploy-mode", description = "client or cluster")
    String deployMode;

    @Option(names = "--num-executors", description = "executors (YARN, Kubernetes)")
    Integer executors;

    @Option(
            names = "--executor-cores",
            description = "cores per executor; each runs one coding task on the executor's one pipeline")
    Integer executorCores;

    @Option(
            names = "--executor-memory",
            description =
                    "heap per executor: CoreNLP needs about 1.5 GB for one core, 2 GB for two (default ${DEFAULT-VALUE})")
    String executorMemory = "3g";

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting (repeatable)")
    List<String> conf = List.of();

    @Option(
            names = "--archives",
            paramLabel = "ARCHIVE#DIR",
            description = "archives unpacked on the executors, e.g. my-kb.zip#my-kb (repeatable)")
    List<String> archives = List.of();

    @Option(names = "--jar", description = "the job jar (default: " + JAR + " under the sitrep directory)")
    Path jar;

    @Option(names = "--run", description = "run spark-submit ($SPARK_HOME/bin or PATH) instead of printing the line")
    boolean run;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (published != null)
            new DocumentReader.Options(published, DocumentReader.Options.DEFAULT_MAX_CHARS); // a bad date fails here
        Path job = jar != null
                ? jar
                : Path.of(System.getProperty("sitrep.home", ".")).resolve(JAR);
        if (!Files.exists(job)) {
            System.err.println("sitrep: the job jar " + job
                    + " is not built yet: mvn -B -Pspark-jar -pl spark -am package -DskipTests");
            if (run) return 2;
        }
        List<String> line = line(job.toAbsolutePath().toString());
        if (!run) {
            System.out.println(
                    String.join(" ", line.stream().map(SparkCommand::quote).toList()));
            return 0;
        }
        String submit = submitter();
        if (submit == null) {
            System.err.println("sitrep: spark-submit not found: set SPARK_HOME or put Spark's bin/ on the PATH");
            return 2;
        }
        line.set(0, submit);
        return new ProcessBuilder(line).inheritIO().start().waitFor();
    }

    List<String> line(String job) {
        List<String> cmd = new ArrayList<>(List.of("spark-submit", "--master", master));
        if (deployMode != null) cmd.addAll(List.of("--deploy-mode", deployMode));
        cmd.addAll(List.of("--class", "org.sitrep.spark.SparkCode"));
        if (executors != null) cmd.addAll(List.of("--num-executors", executors.toString()));
        if (executorCores != null) cmd.addAll(List.of("--executor-cores", executorCores.toString()));
        cmd.addAll(List.of("--executor-memory", executorMemory));
        // in local mode the driver is the executor: it needs the executors' heap
        if (master.startsWith("local")) cmd.addAll(List.of("--driver-memory", executorMemory));
        for (String c : conf) cmd.addAll(List.of("--conf", c));
        if (!archives.isEmpty()) cmd.addAll(List.of("--archives", String.join(",", archives)));
        cmd.add(job);
        cmd.addAll(inputs);
        cmd.addAll(List.of("--out", out));
        for (String k : kb) cmd.addAll(List.of("--kb", k));
        if (published != null) cmd.addAll(List.of("--published", published));
        if (maxChars != null) cmd.addAll(List.of("--max-chars", maxChars.toString()));
        if (textColumn != null) cmd.addAll(List.of("--text-column", textColumn));
        if (partitions != null) cmd.addAll(List.of("--partitions", partitions.toString()));
        return cmd;
    }

    private static String submitter() {
        String home = System.getenv("SPARK_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "spark-submit")))
            return Path.of(home, "bin", "spark-submit").toString();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "spark-submit")))
                return Path.of(dir, "spark-submit").toString();
        }
        return null;
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Quoted for a POSIX shell when needed: the line is meant to be pasted. */
    static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
