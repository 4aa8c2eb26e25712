package org.sitrep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;
import org.sitrep.store.Exporter;
import org.sitrep.text.CoreNlpModel;

/**
 * The job on {@code local[2]} (driver and executor in this JVM) over every input format, against what
 * {@code sitrep code} (the reader and pipeline, document by document) and {@code sitrep export} make of the same
 * documents.
 */
@Tag("corenlp")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkCodeLocalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    SparkSession spark;
    Path in;

    @BeforeAll
    void start() throws IOException {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("sitrep-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        in = Files.createDirectories(tmp.resolve("in"));
        Path examples = Path.of("..", "examples");
        Files.copy(examples.resolve("articles.jsonl"), in.resolve("articles.jsonl"));
        Files.copy(examples.resolve("feeds/wire.rss"), in.resolve("wire.rss"));
        Files.writeString(
                in.resolve("bad.jsonl"),
                String.join(
                        "\n",
                        "{\"id\": \"broken\", \"text\": \"The army said",
                        "{\"id\": \"empty\", \"text\": \"   \", \"published\": \"2024-01-02\"}",
                        "{\"id\": \"french\", \"published\": \"2024-01-02\", \"text\": \"Les manifestants ont bloqué la route nationale pendant trois jours pour protester contre la hausse des prix du carburant, selon la police.\"}"));
        Files.writeString(
                in.resolve("port-strike.txt"),
                "Dock workers in Rotterdam went on strike on Tuesday, halting container traffic at Europe's largest port. "
                        + "The union said the strike would continue until the port authority agreed to talks.\n");
        Files.write(
                in.resolve("crawl.warc"),
                warc(
                        "https://news.example.org/talks",
                        "<html><head><title>Ministers meet in Geneva</title></head><body><article><p>The foreign ministers of Armenia and "
                                + "Azerbaijan met in Geneva on Thursday and agreed to resume talks on the border, the Swiss government said.</p>"
                                + "<p>Swiss officials offered to host the next round of negotiations in the spring.</p></article></body></html>"));
        StructType table = DataTypes.createStructType(List.of(
                DataTypes.createStructField("body", DataTypes.StringType, true),
                DataTypes.createStructField("published", DataTypes.StringType, true)));
        spark.createDataFrame(
                        List.of(
                                RowFactory.create(
                                        "Kenyan police fired tear gas at protesters in Nairobi on Wednesday as thousands marched against new taxes.",
                                        "2024-06-26"),
                                RowFactory.create(
                                        "The government of Peru declared a state of emergency in Lima after a week of protests.",
                                        "2023-01-15")),
                        table)
                .coalesce(1)
                .write()
                .parquet(in.resolve("table").toString());
        // a Parquet dataset directory holds its part files and Spark's markers; the part file is what the job reads
        try (var files = Files.list(in.resolve("table"))) {
            Path part = files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
            Files.move(part, in.resolve("rows.parquet"));
        }
        deleteTree(in.resolve("table"));
    }

    @AfterAll
    void stop() {
        if (spark != null) spark.stop();
    }

    private JobOptions options() {
        return new JobOptions(List.of(), null, DocumentReader.Options.DEFAULT_MAX_CHARS, "body", 3);
    }

    /** What `sitrep code` writes for the same inputs: the reader's documents coded one after another. */
    private Map<String, DocumentRecord> sitrepCode() throws IOException {
        DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());
        Pipeline pipeline = new Pipeline(CoreNlpModel.shared(), Knowledge.builtIn());
        Map<String, DocumentRecord> records = new LinkedHashMap<>();
        List<Document> docs;
        try (var files = Files.list(in)) {
            List<String> paths = files.map(Path::toString)
                    .filter(p -> !p.endsWith(".parquet"))
                    .sorted()
                    .toList();
            docs = new ArrayList<>(reader.read(paths).toList());
        }
        for (Row r : spark.read().parquet(in.resolve("rows.parquet").toString()).collectAsList()) {
            String text = r.getString(0);
            docs.add(reader.fields(
                    "sha256:" + Rows.contentHash(text).substring(0, 16),
                    text,
                    r.getString(1),
                    null,
                    null,
                    null,
                    "rows.parquet"));
        }
        for (Document d : docs) records.put(d.id(), pipeline.code(d));
        return records;
    }

    @Test
    void codesEveryFormatAsSitrepCodeDoesAndRerunsWriteNothingTwice() throws Exception {
        String out = tmp.resolve("out").toString();
        Job.Summary first = Job.run(spark, List.of(in.toString()), out, options());
        Map<String, DocumentRecord> expected = sitrepCode();

        // the documents: every one, once, with the record sitrep code writes
        Dataset<Row> documents = spark.read().parquet(out + "/documents");
        Map<String, String> written = documents.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("id"), r -> r.getAs("record")));
        assertEquals(expected.keySet(), written.keySet(), "the same documents");
        assertEquals(expected.size(), first.coded());
        assertTrue(
                expected.keySet().containsAll(List.of("empty", "french", "port-strike")),
                "bad documents are among them: " + expected.keySet());
        for (var e : expected.entrySet()) {
            assertEquals(
                    JSON.readTree(Rows.json(e.getValue())),
                    JSON.readTree(written.get(e.getKey())),
                    "record of " + e.getKey());
        }

        // the error records, as sitrep code writes them
        List<String> errors = spark.read()
                .text(out + "/errors")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        long failed = expected.values().stream().filter(r -> r.error() != null).count();
        assertEquals(failed, errors.size());
        assertEquals(failed, first.failed());
        assertTrue(failed >= 3, "the malformed line, the empty text and the French text fail");
        for (String line : errors) {
            String id = JSON.readTree(line).get("id").asText();
            assertEquals(JSON.readTree(Rows.json(expected.get(id))), JSON.readTree(line), "error record of " + id);
        }

        // the events: the columns and values of `sitrep export --format parquet` for the same records
        Path db = tmp.resolve("store.duckdb"), export = tmp.resolve("export.parquet");
        DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());
        try (EventStore store = EventStore.open(db)) {
            for (DocumentRecord r : expected.values()) {
                Dataset<Row> doc = documents.filter(documents.col("id").equalTo(r.id()));
                Row d = doc.select("text", "url", "outlet", "title").first();
                store.put(
                        new Document(
                                r.id(),
                                d.getString(0),
                                r.published(),
                                d.getString(3),
                                d.getString(1),
                                d.getString(2),
                                "",
                                r.language(),
                                List.of(),
                                r.error()),
                        r);
            }
            Exporter.export(store, Exporter.Format.parquet, export, new EventFilter(null, null, null, null, null));
        }
        Dataset<Row> events = spark.read().parquet(out + "/events");
        Dataset<Row> exported = spark.read().parquet(export.toString());
        List<String> columns = new ArrayList<>(Arrays.asList(events.columns()));
        columns.remove("month");
        assertEquals(Arrays.asList(exported.columns()), columns, "the export's columns, in its order");
        for (String c : exported.columns()) {
            assertEquals(
                    exported.schema().apply(c).dataType(),
                    events.schema().apply(c).dataType(),
                    "type of " + c);
        }
        assertEquals(sorted(exported), sorted(events.drop("month")), "the export's rows");
        assertTrue(events.count() > 20, "the examples hold many events: " + events.count());
        Row march = events.filter("doc_id = 'sahel-convoy-2024-03-12'")
                .select("month")
                .distinct()
                .first();
        assertEquals("2024-03", march.getString(0), "events are partitioned by their month");

        // a rerun codes nothing; new documents are coded, a copy of a written text under a new id is not
        Job.Summary again = Job.run(spark, List.of(in.toString()), out, options());
        assertEquals(0, again.coded());
        assertEquals(first.coded(), again.skipped());
        Path more = Files.createDirectories(tmp.resolve("more"));
        String copied = expected.get("port-strike").id();
        Files.writeString(
                more.resolve("more.jsonl"),
                String.join(
                        "\n",
                        "{\"id\": \"copy-of-strike\", \"published\": \"2024-05-07\", \"text\": "
                                + JSON.writeValueAsString(
                                        "Dock workers in Rotterdam went on strike on Tuesday, halting container traffic at Europe's largest port. "
                                                + "The union said the strike would continue until the port authority agreed to talks.")
                                + "}",
                        "{\"id\": \"new-1\", \"published\": \"2024-05-07\", \"text\": \"Israeli aircraft struck targets in southern Lebanon on Monday, the army said.\"}"));
        Job.Summary third = Job.run(spark, List.of(in.toString(), more.toString()), out, options());
        assertEquals(
                1, third.coded(), "only the new document; " + copied + "'s text under another id is written already");
        List<String> ids = spark.read()
                .parquet(out + "/documents")
                .select("id")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "no document twice");
        assertTrue(ids.contains("new-1"));
        assertFalse(ids.contains("copy-of-strike"));
        Dataset<Row> all = spark.read().parquet(out + "/events");
        assertEquals(all.count(), all.select("doc_id", "event_id").distinct().count(), "no event twice");
        assertFalse(
                Files.exists(Path.of(out, "_staging"))
                        && Files.list(Path.of(out, "_staging")).findAny().isPresent(),
                "nothing left staged");
    }

    @Test
    void aRunThatDiedAfterCodingIsFinishedByTheNextWithoutCodingAgain() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Files.writeString(
                one.resolve("talks.jsonl"),
                "{\"id\": \"talks\", \"published\": \"2024-02-01\", \"text\": "
                        + "\"Ukraine and Poland signed an agreement on grain transit in Warsaw on Friday.\"}\n");
        String out = tmp.resolve("out-died").toString();
        Output output = new Output(out, spark.sparkContext().hadoopConfiguration());
        Path died = Path.of(Job.code(spark, List.of(one.toString()), output, options())
                .run()
                .toUri()); // the driver dies here
        Path lost = Path.of(output.staging("run-lost").toUri()); // and one that died while coding
        Files.createDirectories(lost.resolve("coded"));
        assertFalse(output.has(Output.DOCUMENTS), "nothing is visible before the run is finished");

        Job.Summary next = Job.run(spark, List.of(one.toString()), out, options());
        assertEquals(1, next.recovered());
        assertEquals(0, next.coded(), "the document was coded by the run that died");
        assertEquals(1, spark.read().parquet(out + "/documents").count());
        assertTrue(spark.read().parquet(out + "/events").count() >= 1);
        assertFalse(Files.exists(died));
        assertFalse(Files.exists(lost));
    }

    private static List<String> sorted(Dataset<Row> rows) {
        List<String> all = new ArrayList<>();
        for (Row r : rows.collectAsList()) all.add(r.toString());
        all.sort(null);
        return all;
    }

    private static byte[] warc(String uri, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] block = (http + html).getBytes(StandardCharsets.UTF_8);
        String head =
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f1c3a52-2f0b-4d8e-9a51-3c2e7b9d0a11>\r\n"
                        + "WARC-Date: 2024-05-02T10:00:00Z\r\nWARC-Target-URI: " + uri + "\r\n"
                        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + block.length
                        + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8), end = "\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + block.length + end.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(block, 0, all, h.length, block.length);
        System.arraycopy(end, 0, all, h.length + block.length, end.length);
        return all;
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
