package org.sitrep.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on loopback made of this JVM's Spark jars: a master and workers, each its own JVM, as
 * {@code sbin/start-master.sh} and {@code start-worker.sh} would start them. The jars are linked into a
 * SPARK_HOME the workers launch executors from; sitrep's class directories go to the executors' extra class path.
 */
final class StandaloneCluster implements AutoCloseable {
    final String master;
    final String classDirectories;
    private final Path home;
    private final Process masterProcess;
    final List<Process> workers = new ArrayList<>();

    StandaloneCluster(Path dir, int workers, int workerMemoryMb) throws IOException {
        this.home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        List<String> directories = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) directories.add(p.toAbsolutePath().toString());
            else if (entry.endsWith(".jar") && Files.exists(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
        this.classDirectories = String.join(File.pathSeparator, directories);
        int port = freePort();
        this.master = "spark://127.0.0.1:" + port;
        this.masterProcess = start(
                dir,
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(freePort()));
        for (int i = 0; i < workers; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            this.workers.add(start(
                    dir,
                    "worker-" + i,
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    workerMemoryMb + "m",
                    "--webui-port",
                    String.valueOf(freePort()),
                    "--work-dir",
                    work.toString(),
                    master));
        }
        awaitWorkers(dir.resolve("master.log"), workers);
    }

    /** Waits until every worker has registered with the master (JVMs start slowly on a busy machine). */
    private void awaitWorkers(Path log, int n) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)
                    && Files.readAllLines(log).stream()
                                    .filter(l -> l.contains("Registering worker"))
                                    .count()
                            >= n) return;
            if (!masterProcess.isAlive()) break;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        close();
        throw new IOException("the standalone cluster did not start; see " + log);
    }

    private Process start(Path dir, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                home.resolve("jars") + File.separator + "*"));
        cmd.addAll(List.of(System.getProperty("spark.jvm.opens", "").split(" +")));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(
                        cmd.stream().filter(s -> !s.isBlank()).toList())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    /** Kills (SIGKILL) the executor JVMs a worker has launched; returns how many. */
    long killExecutors(int worker) {
        return workers.get(worker)
                .toHandle()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .peek(ProcessHandle::destroyForcibly)
                .count();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(masterProcess);
        for (Process p : all) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
