package org.sitrep.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.model.ModelStage;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measures coding speed on INPUT (default: the project's examples/): sentences/s, documents/s and peak heap, after a warm-up; with --model, the event model's share of the time.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "INPUT")
    List<String> inputs;

    @Option(names = "--threads", description = "coding threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seconds", description = "measure for at least this long (default ${DEFAULT-VALUE})")
    double seconds = 30;

    @Option(names = "--warmup", description = "warm-up time in seconds (default ${DEFAULT-VALUE})")
    double warmup = 15;

    @Option(
            names = "--model",
            negatable = true,
            defaultValue = "false",
            fallbackValue = "true",
            description =
                    "with the event model's second opinion (as sitrep code --model); reports its share of the time")
    boolean model;

    @Option(
            names = "--gazetteer",
            description = "measure the gazetteer instead: load time, lookups/s and the heap it takes")
    boolean gazetteer;

    @Option(
            names = "--api",
            paramLabel = "URL",
            description = "load-test a running server instead (loopback only), e.g. http://127.0.0.1:8080")
    String api;

    @Option(names = "--clients", description = "concurrent clients for --api (default ${DEFAULT-VALUE})")
    int clients = 50;

    @Override
    public Integer call() throws Exception {
        if (gazetteer) return benchGazetteer();
        if (api != null) return benchApi();
        List<String> in = inputs == null || inputs.isEmpty() ? List.of(defaultCorpus()) : inputs;
        List<Document> docs = new DocumentReader(
                        new DocumentReader.Options("2020-01-01", DocumentReader.Options.DEFAULT_MAX_CHARS))
                .read(in)
                .filter(Document::ok)
                .toList();
        if (docs.isEmpty()) {
            System.err.println("sitrep bench: no codable documents in " + in);
            return 2;
        }
        long loadStart = System.nanoTime();
        try (Coder coder = new Coder(List.of(), threads, Coder.DEFAULT_DOC_TIMEOUT, model)) {
            coder.pipeline().code(docs.get(0));
            System.out.printf("load: %.1f s (models and knowledge)%n", (System.nanoTime() - loadStart) / 1e9);
            System.out.printf("corpus: %d documents; threads: %d%n", docs.size(), threads);
            run(coder, docs, warmup);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            ModelStage stage = coder.pipeline().stage(ModelStage.class);
            ModelStage.Stats before = stage == null ? null : stage.stats();
            long[] r = run(coder, docs, seconds);
            double secs = r[2] / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP)
                    peak += pool.getPeakUsage().getUsed();
            }
            System.out.printf("sentences/s: %.1f%n", r[1] / secs);
            System.out.printf("documents/s: %.2f%n", r[0] / secs);
            System.out.printf("events/s:    %.1f%n", r[3] / secs);
            System.out.printf(
                    "peak heap:   %.0f MB (max %d MB)%n",
                    peak / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
            System.out.printf("measured:    %d documents, %d sentences in %.1f s%n", r[0], r[1], secs);
            if (stage != null) {
                // the coding threads are busy the whole run, so their time is threads x wall time
                ModelStage.Stats after = stage.stats();
                long asked = after.asked() - before.asked(), seen = after.sentences() - before.sentences();
                double share = (after.nanos() - before.nanos()) / (r[2] * (double) threads);
                System.out.printf(
                        "event model: %.0f%% of the coding time; read %d of %d sentences (%.0f%%), %.1f ms each%n",
                        100 * share,
                        asked,
                        seen,
                        100.0 * asked / Math.max(1, seen),
                        (after.nanos() - before.nanos()) / 1e6 / Math.max(1, asked));
            }
        }
        return 0;
    }

    /** Concurrent clients querying the API for a bounded time: requests, errors, latency percentiles. */
    private int benchApi() throws Exception {
        java.net.URI base = java.net.URI.create(api);
        if (!java.net.InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("sitrep bench --api: only servers on this machine's loopback are load-tested");
            return 2;
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(clients))
                .build();
        String[] paths = {
            "/api/events?size=50",
            "/api/events?type=ASSAULT&size=20",
            "/api/actors",
            "/api/places",
            "/api/timeseries",
            "/api/health"
        };
        java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = client; System.nanoTime() < end; i++) {
                    long t = System.nanoTime();
                    try {
                        var r = http.send(
                                java.net.http.HttpRequest.newBuilder(base.resolve(paths[i % paths.length]))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200 && errors.incrementAndGet() <= 3)
                            System.err.println("HTTP " + r.statusCode() + " for " + paths[i % paths.length]);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) System.err.println(e);
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 60, java.util.concurrent.TimeUnit.SECONDS);
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("clients: %d for %.0f s%n", clients, seconds);
        System.out.printf("requests: %d (%.0f/s), errors: %d%n", l.length, l.length / seconds, errors.get());
        if (l.length > 0) {
            System.out.printf(
                    "latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    l[l.length / 2] / 1e6,
                    l[(int) (l.length * 0.95)] / 1e6,
                    l[(int) (l.length * 0.99)] / 1e6,
                    l[l.length - 1] / 1e6);
        }
        return errors.get() == 0 ? 0 : 1;
    }

    private int benchGazetteer() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        org.sitrep.knowledge.Gazetteer g =
                org.sitrep.knowledge.Gazetteer.load(org.sitrep.knowledge.KnowledgeFiles.builtIn());
        double load = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - before;
        // a realistic mix: names that exist (capitals, cities) and words that do not
        String[] names = {
            "Baghdad",
            "Kabul",
            "Springfield",
            "Tripoli",
            "Mosul",
            "Paris",
            "Lagos",
            "Nowhereville",
            "Kharkiv",
            "Goma",
            "Aleppo",
            "Juba",
            "Mopti",
            "Donetsk",
            "Yesterday",
            "Khartoum",
            "San Jose",
            "Valencia",
            "Hebron",
            "Zzyzx"
        };
        int n = 0;
        long hits = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9 / 3) {
            for (int i = 0; i < 100_000; i++)
                hits += g.lookup(names[i % names.length]).size();
            n += 100_000;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "gazetteer: %d names (curated and GeoNames cities-500 with %d places)%n",
                g.size(), g.geonames() == null ? 0 : g.geonames().size());
        System.out.printf("load:        %.2f s%n", load);
        System.out.printf("lookups/s:   %.0f (%d lookups, %d places returned)%n", n / secs, n, hits);
        System.out.printf("heap:        %.0f MB%n", heap / 1e6);
        return 0;
    }

    /** Codes the corpus repeatedly for at least {@code seconds}: {documents, sentences, nanos, events}. */
    private static long[] run(Coder coder, List<Document> corpus, double seconds) {
        // enough documents per pass to keep every thread busy, however small the corpus
        List<Document> docs = new java.util.ArrayList<>(corpus);
        while (docs.size() < 32) docs.addAll(corpus);
        long start = System.nanoTime();
        long[] r = new long[4];
        long[] shown = {start};
        do {
            coder.codeAll(docs.iterator(), (Document doc, DocumentRecord rec) -> {
                r[0]++;
                r[1] += rec.sentences().size();
                r[3] += rec.events().size();
            });
            long now = System.nanoTime();
            if (now - shown[0] > 1_000_000_000L) {
                System.err.printf("\r  %d documents, %.0f s ", r[0], (now - start) / 1e9);
                shown[0] = now;
            }
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        System.err.println();
        r[2] = System.nanoTime() - start;
        return r;
    }

    private static String defaultCorpus() {
        String home = System.getProperty("sitrep.home", ".");
        Path p = Path.of(home, "examples");
        return Files.isDirectory(p) ? p.toString() : ".";
    }
}
