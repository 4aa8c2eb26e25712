package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A mutation fuzzer over every reader (text, HTML, JSON, JSON Lines, RSS, Atom, WARC, gzipped WARC), from a seed
 * corpus written for it: each input is a seed mutated at the byte level (flips, cuts, splices, repeats, hostile
 * tokens such as deep nesting, entity declarations, escapes of half a surrogate pair, runs of blank lines). A crash is
 * any exception out of the reader or a document that breaks the reader's contract; a hang is an input that takes
 * more than {@link #HANG_MILLIS} of CPU time. Runs for {@code -Dsitrep.fuzz.seconds} (default 60, the CI run) with a fixed seed
 * ({@code -Dsitrep.fuzz.seed}); a failing input is written to {@code target/fuzz-failures/} with the seed to
 * replay it.
 */
class ReaderFuzzTest {
    static final long HANG_MILLIS = 5_000;
    private static final int MAX_INPUT = 200_000;

    record Seed(String name, byte[] bytes) {}

    private static final String ARTICLE = "Police arrested dozens of protesters in Lagos on Monday, officials said. "
            + "The opposition leader told reporters that her party would not take part in talks with the government.";

    static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(seed("a.txt", ARTICLE + "\n\nA second paragraph said that the army had withdrawn from the town.\n"));
        seeds.add(seed(
                "b.html",
                "<!DOCTYPE html><html><head><title>Arrests in Lagos</title>"
                        + "<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00Z\">"
                        + "<script type=\"application/ld+json\">{\"@graph\": [{\"datePublished\": \"2024-03-04\", \"publisher\": {\"name\": \"Wire\"}}]}</script>"
                        + "</head><body><nav>Home</nav><article><h1>Arrests</h1><p>" + ARTICLE
                        + "</p><p>More &amp; more.</p></article></body></html>"));
        seeds.add(
                seed(
                        "c.json",
                        "[{\"id\": \"c1\", \"text\": \"" + ARTICLE
                                + "\", \"published\": \"2024-03-04\", \"url\": \"https://x.example/1\"},"
                                + " {\"id\": 2, \"text\": \"Rebels attacked a convoy \\u00e9 \\ud83d\\ude00 near the town.\", \"title\": null}]"));
        seeds.add(
                seed(
                        "d.jsonl",
                        "{\"id\": \"d1\", \"text\": \"" + ARTICLE + "\", \"outlet\": \"Wire\"}\n"
                                + "{\"id\": \"d2\", \"text\": \"Troops shelled the village.\", \"published\": \"4 March 2024\"}\n{\"broken\": \n"));
        seeds.add(seed(
                "e.rss",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                        + "<channel><title>Wire</title><link>https://wire.example/</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>"
                        + "<item><title>Arrests</title><link>https://wire.example/a</link><guid>a1</guid><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>"
                        + "<description>&lt;p&gt;" + ARTICLE + "&lt;/p&gt;</description></item>"
                        + "<item><title>Shelling</title><content:encoded><![CDATA[<p>Troops shelled the village &nbsp; at dawn.</p>]]></content:encoded></item>"
                        + "</channel></rss>"));
        seeds.add(seed(
                "f.atom",
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bulletin</title>"
                        + "<updated>2024-03-04T10:00:00Z</updated><entry><id>urn:x:1</id><title>Talks</title><updated>2024-03-04T09:00:00Z</updated>"
                        + "<content type=\"html\">&lt;p&gt;" + ARTICLE + "&lt;/p&gt;</content></entry></feed>"));
        seeds.add(seed(
                "g.rdf",
                "<?xml version=\"1.0\"?><!DOCTYPE rdf [<!ENTITY a \"x\">]><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\"><channel><title>Digest</title></channel><item><title>T</title><description>"
                        + ARTICLE + " &a;</description></item></rdf:RDF>"));
        byte[] warc = warc();
        seeds.add(new Seed("h.warc", warc));
        seeds.add(new Seed("i.warc.gz", gzipRecords()));
        seeds.add(seed("j", "[Reuters] " + ARTICLE)); // no extension: the format is sniffed
        seeds.add(new Seed("k.txt", ("\uFEFF" + ARTICLE).getBytes(StandardCharsets.UTF_16LE)));
        seeds.add(new Seed("l", ("<p>" + ARTICLE + "</p>").getBytes(StandardCharsets.UTF_16BE))); // no byte order mark
        return seeds;
    }

    private static Seed seed(String name, String content) {
        return new Seed(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String record(String type, String uri, String contentType, String block) {
        int length = block.getBytes(StandardCharsets.UTF_8).length;
        return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000"
                + (length % 10) + ">\r\n"
                + "WARC-Date: 2024-03-04T10:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: "
                + length + "\r\n\r\n" + block + "\r\n\r\n";
    }

    private static byte[] warc() {
        String page = "<html><body><p>" + ARTICLE + "</p></body></html>";
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + page.length()
                + "\r\n\r\n" + page;
        return (record("response", "https://news.example/a", "application/http; msgtype=response", http)
                        + record("resource", "https://news.example/b.txt", "text/plain", ARTICLE)
                        + record(
                                "response",
                                "https://news.example/404",
                                "application/http; msgtype=response",
                                "HTTP/1.1 404 Not Found\r\n\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzipRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String r : List.of(
                record("resource", "https://news.example/c.txt", "text/plain", ARTICLE),
                record("resource", "https://news.example/d.txt", "text/plain", "Troops shelled the village."))) {
            try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                @Override
                public void close() throws IOException {
                    finish();
                }
            }) {
                gz.write(r.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** Hostile fragments the mutator splices in: the classes of issue 16 and their neighbours. */
    private static final String[] TOKENS = {
        "<div>",
        "</div>",
        "<p>",
        "<span><b>",
        "[",
        "]",
        "{",
        "}",
        "{\"text\": \"",
        "\"",
        "\\",
        "\\ud800",
        "\\udc00",
        "\\u0000",
        "9999999999",
        "1e999",
        "<!ENTITY x \"&x;&x;\">",
        "<!DOCTYPE rss [",
        "]>",
        "&x;",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "<![CDATA[",
        "]]>",
        "\n",
        "\r\n",
        "\n\n\n\n",
        "\t",
        "— ",
        "(@x)",
        "WARC/1.0\r\n",
        "Content-Length: 99999999\r\n",
        "\r\n\r\n",
        "\u0000",
        "\uFFFD",
        "\uFEFF",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        "<rss>",
        "<feed>",
        "<item>",
        "</item>",
        "<html>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "Monday March 3 2024 ",
        "&nbsp;",
        "\u202E",
        "\uD83D\uDE00"
    };

    static byte[] mutate(Random r, byte[] input, List<Seed> seeds) {
        byte[] b = input;
        int rounds = 1 + r.nextInt(6);
        for (int k = 0; k < rounds; k++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(9)) {
                case 0 -> { // flip bits
                    b = b.clone();
                    for (int i = 0; i < 1 + r.nextInt(8) && b.length > 0; i++)
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    continue;
                }
                case 1 -> { // random bytes
                    out.write(b, 0, at);
                    for (int i = 0; i < 1 + r.nextInt(16); i++) out.write(r.nextInt(256));
                    out.write(b, at, b.length - at);
                }
                case 2 -> { // cut
                    int len = Math.min(b.length - at, r.nextInt(64) + 1);
                    out.write(b, 0, at);
                    out.write(b, at + len, b.length - at - len);
                }
                case 3, 4 -> { // a hostile token
                    byte[] t = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, at);
                    out.write(t, 0, t.length);
                    out.write(b, at, b.length - at);
                }
                case 5 -> { // a token repeated many times: nesting, blank lines, run-on dates
                    byte[] t = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    int times = 1 + r.nextInt(r.nextBoolean() ? 50 : 20_000);
                    out.write(b, 0, at);
                    for (int i = 0; i < times && out.size() < MAX_INPUT; i++) out.write(t, 0, t.length);
                    out.write(b, at, b.length - at);
                }
                case 6 -> { // a chunk of the input repeated
                    int len = Math.min(b.length - at, 1 + r.nextInt(200));
                    out.write(b, 0, at + len);
                    for (int i = 0; i < 1 + r.nextInt(100) && out.size() < MAX_INPUT; i++) out.write(b, at, len);
                    out.write(b, at + len, b.length - at - len);
                }
                case 7 -> { // splice with another seed
                    byte[] o = seeds.get(r.nextInt(seeds.size())).bytes();
                    int from = r.nextInt(o.length);
                    out.write(b, 0, at);
                    out.write(o, from, Math.min(o.length - from, 1 + r.nextInt(300)));
                }
                default -> { // truncate
                    out.write(b, 0, at);
                }
            }
            b = out.toByteArray();
            if (b.length > MAX_INPUT) b = java.util.Arrays.copyOf(b, MAX_INPUT);
        }
        return b;
    }

    /** Reads everything an input yields and checks the reader's contract; throws on a breach. */
    static int readAll(DocumentReader reader, String name, byte[] input) {
        List<Document> docs = reader.read(name, new ByteArrayInputStream(input)).toList();
        if (docs.isEmpty()) throw new IllegalStateException("no document at all, not even an error");
        for (Document d : docs) {
            if (d.id() == null || d.origin() == null)
                throw new IllegalStateException("document without id or origin: " + d);
            if (d.ok()
                    && (d.published() == null
                            || d.language() == null
                            || d.text().isBlank())) {
                throw new IllegalStateException(
                        "a document without error must have text, a date and a language: " + d.id());
            }
            if (!d.ok() && d.error().isBlank())
                throw new IllegalStateException("an error without a message: " + d.id());
            if (d.ok() && Document.wellFormed(d.text()) != d.text())
                throw new IllegalStateException("unpaired surrogate in text: " + d.id());
        }
        return docs.size();
    }

    @Test
    void noInputCrashesOrHangsAReader() throws Exception {
        long seconds = Long.getLong("sitrep.fuzz.seconds", 60);
        long baseSeed = Long.getLong("sitrep.fuzz.seed", 16);
        int threads = Integer.getInteger("sitrep.fuzz.threads", 1);
        List<Seed> seeds = seeds();
        DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());
        for (Seed s : seeds) readAll(reader, s.name(), s.bytes()); // the seeds themselves
        AtomicLong inputs = new AtomicLong(),
                documents = new AtomicLong(),
                slowest = new AtomicLong(),
                slowestSeed = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> drivers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            drivers.add(pool.submit(() -> {
                Runner runner = new Runner();
                for (long i = worker; System.nanoTime() < deadline && failures.size() < 5; i += threads) {
                    long seed = baseSeed * 1_000_003L + i;
                    Seed s = input(seed, seeds);
                    byte[] input = s.bytes();
                    try {
                        Runner.Result result = runner.run(() -> readAll(reader, s.name(), input));
                        if (result == null) {
                            failures.add(report("hang", seed, s.name(), input, null));
                            runner = new Runner();
                            continue;
                        }
                        documents.addAndGet(result.documents());
                        if (slowest.accumulateAndGet(result.cpuMillis(), Math::max) == result.cpuMillis())
                            slowestSeed.set(seed);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(report("crash", seed, s.name(), input, e.getCause()));
                    }
                    inputs.incrementAndGet();
                }
                runner.stop();
                return null;
            }));
        }
        for (Future<?> d : drivers) d.get();
        pool.shutdownNow();
        System.err.printf(
                "ReaderFuzzTest: %d inputs (%d documents) in %d s, %d crashes or hangs, slowest input %d ms CPU (seed %d)%n",
                inputs.get(), documents.get(), seconds, failures.size(), slowest.get(), slowestSeed.get());
        assertEquals(List.of(), failures);
    }

    /**
     * Runs one input at a time on a thread of its own and tells a hang by the CPU time that thread spends, not the
     * time on the clock: on a machine shared with other jobs a quick input can wait seconds for a core. An input
     * that spends {@link #HANG_MILLIS} of CPU, or ten times that on the clock, is a hang; its thread is abandoned.
     */
    private static final class Runner {
        record Result(int documents, long cpuMillis) {}

        private static final java.lang.management.ThreadMXBean CPU =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private final java.util.concurrent.atomic.AtomicReference<Thread> thread =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-run");
            t.setDaemon(true);
            thread.set(t);
            return t;
        });

        /** The input's result, or null if it hangs. */
        Result run(java.util.concurrent.Callable<Integer> input)
                throws InterruptedException, java.util.concurrent.ExecutionException {
            AtomicLong startCpu = new AtomicLong(-1);
            Future<Result> run = executor.submit(() -> {
                long t0 = CPU.getCurrentThreadCpuTime();
                startCpu.set(t0);
                int docs = input.call();
                return new Result(docs, (CPU.getCurrentThreadCpuTime() - t0) / 1_000_000);
            });
            long wall0 = System.nanoTime();
            while (true) {
                try {
                    return run.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long cpu = startCpu.get() < 0
                            ? 0
                            : (CPU.getThreadCpuTime(thread.get().getId()) - startCpu.get()) / 1_000_000;
                    if (cpu > HANG_MILLIS || (System.nanoTime() - wall0) / 1_000_000 > 10 * HANG_MILLIS) {
                        run.cancel(true);
                        executor.shutdownNow();
                        return null;
                    }
                }
            }
        }

        void stop() {
            executor.shutdownNow();
        }
    }

    /** The input a run's seed produced: the seed picks the corpus seed and drives its mutations. */
    static Seed input(long seed, List<Seed> seeds) {
        Random r = new Random(seed);
        Seed s = seeds.get(r.nextInt(seeds.size()));
        return new Seed(s.name(), mutate(r, s.bytes(), seeds));
    }

    /** Replays inputs by the seeds a run reported ({@code -Dsitrep.fuzz.replay=101033127,...}), timing each. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "sitrep.fuzz.replay", matches = ".+")
    void replaysReportedSeeds() throws Exception {
        List<Seed> seeds = seeds();
        DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());
        List<String> failures = new ArrayList<>();
        for (String part : System.getProperty("sitrep.fuzz.replay").split(",")) {
            long seed = Long.parseLong(part.trim());
            Seed in = input(seed, seeds);
            long t0 = System.nanoTime();
            try {
                int docs = readAll(reader, in.name(), in.bytes());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.err.printf(
                        "seed %d (%s, %d bytes): %d documents in %d ms%n",
                        seed, in.name(), in.bytes().length, docs, ms);
                if (ms > HANG_MILLIS) failures.add(report("hang", seed, in.name(), in.bytes(), null));
            } catch (RuntimeException | StackOverflowError e) {
                // the frames that are not the JDK's say where: a regex overflow is a thousand frames of java.util.regex
                java.util.Arrays.stream(e.getStackTrace())
                        .filter(f -> !f.getClassName().startsWith("java."))
                        .limit(8)
                        .forEach(f -> System.err.println("    at " + f));
                failures.add(report("crash", seed, in.name(), in.bytes(), e));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String report(String kind, long seed, String name, byte[] input, Throwable e) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.write(dir.resolve(kind + "-" + seed + "-" + name), input);
        } catch (IOException ignored) {
            // the report below still names the seed, which replays the input
        }
        return kind + " on seed " + seed + " (" + name + ", " + input.length + " bytes)"
                + (e == null ? "" : ": " + e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
    }
}
