package org.sitrep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;

/**
 * Reads the job's inputs from any Hadoop filesystem path (a file, a directory read recursively, a glob) into
 * {@link Rows#INPUT} rows. Parquet files ({@code .parquet}) are tables with a text column; every other file is read
 * by the same {@link DocumentReader} as {@code sitrep code}: JSON Lines, JSON, plain text, HTML, feeds, WARC.
 */
final class Inputs {
    private Inputs() {}

    /** Columns of a Parquet input taken when present; the text column is named by the user. */
    private static final List<String> FIELDS = List.of("id", "published", "title", "url", "outlet");

    record SourceFile(String uri, String name, long size, String modified) implements Serializable {}

    static Dataset<Row> read(SparkSession spark, List<String> inputs, JobOptions o) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<SourceFile> files = new ArrayList<>();
        List<String> parquet = new ArrayList<>();
        for (String input : inputs) {
            List<SourceFile> found = list(input, conf);
            if (found.isEmpty()) throw new IllegalArgumentException("no input at " + input);
            for (SourceFile f : found) {
                if (f.name().toLowerCase(Locale.ROOT).endsWith(".parquet")) parquet.add(f.uri());
                else files.add(f);
            }
        }
        Dataset<Row> docs = null;
        if (!files.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(conf));
            var rows = jsc.parallelize(files, files.size()).flatMap(new ReadFile(o.published(), o.maxChars(), hadoop));
            docs = spark.createDataFrame(rows, Rows.INPUT);
        }
        if (!parquet.isEmpty()) {
            Dataset<Row> table = spark.read().parquet(parquet.toArray(new String[0]));
            Dataset<Row> fromTable = table(table, o);
            docs = docs == null ? fromTable : docs.unionByName(fromTable);
        }
        return docs;
    }

    /** Files under a path or glob, sorted by path, hidden ones ({@code .x}, {@code _x}) left out as Spark does. */
    static List<SourceFile> list(String input, Configuration conf) throws IOException {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matched = fs.globStatus(p);
        List<SourceFile> files = new ArrayList<>();
        if (matched == null) return files;
        for (FileStatus m : matched) {
            if (m.isFile()) {
                files.add(file(m));
                continue;
            }
            String base = m.getPath().toUri().getPath();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String relative = f.getPath().toUri().getPath().substring(base.length());
                if (Arrays.stream(relative.split("/")).noneMatch(Output::hidden)) files.add(file(f));
            }
        }
        files.sort(Comparator.comparing(SourceFile::uri));
        return files;
    }

    private static SourceFile file(FileStatus f) {
        String modified = Instant.ofEpochMilli(f.getModificationTime())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        return new SourceFile(f.getPath().toString(), f.getPath().getName(), f.getLen(), modified);
    }

    /** One file's documents, read on an executor. */
    private record ReadFile(String published, long maxChars, Broadcast<SerializableConfiguration> hadoop)
            implements FlatMapFunction<SourceFile, Row> {
        @Override
        public Iterator<Row> call(SourceFile f) throws IOException {
            DocumentReader reader = new DocumentReader(new DocumentReader.Options(published, maxChars));
            Path p = new Path(f.uri());
            InputStream in;
            try {
                in = p.getFileSystem(hadoop.value().value()).open(p);
            } catch (IOException e) {
                return List.of(Rows.input(Document.failed(f.name(), f.uri(), "cannot read: " + e.getMessage())))
                        .iterator();
            }
            Stream<Document> docs = reader.read(f.name(), f.uri(), in, f.size(), f.modified());
            Iterator<Document> it = docs.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = it.hasNext();
                    if (!more) docs.close();
                    return more;
                }

                @Override
                public Row next() {
                    return Rows.input(it.next());
                }
            };
        }
    }

    /** A Parquet table's rows as documents: the text column, and id, published, title, url, outlet where present. */
    private static Dataset<Row> table(Dataset<Row> table, JobOptions o) {
        Set<String> columns = Set.of(table.columns());
        if (!columns.contains(o.textColumn())) {
            throw new IllegalArgumentException("the Parquet input has no column '" + o.textColumn() + "' (has: "
                    + String.join(", ", table.columns()) + "); name the text column with --text-column");
        }
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        select.add(table.col(o.textColumn()).cast("string").as("text"));
        for (String f : FIELDS) {
            select.add(
                    columns.contains(f)
                            ? table.col(f).cast("string").as(f)
                            : org.apache
                                    .spark
                                    .sql
                                    .functions
                                    .lit(null)
                                    .cast("string")
                                    .as(f));
        }
        select.add(org.apache.spark.sql.functions.input_file_name().as("origin"));
        return table.select(select.toArray(new org.apache.spark.sql.Column[0]))
                .map(new TableRow(o.published(), o.maxChars()), org.apache.spark.sql.Encoders.row(Rows.INPUT));
    }

    private record TableRow(String published, long maxChars) implements MapFunction<Row, Row> {
        @Override
        public Row call(Row r) {
            String text = r.getString(0);
            String origin = r.getString(6);
            String id = r.getString(1);
            if (id == null) {
                // a row without an id is known by its text: the same row gets the same id in every run
                id = "sha256:" + Rows.contentHash(text == null ? "" : text).substring(0, 16);
            }
            DocumentReader reader = new DocumentReader(new DocumentReader.Options(published, maxChars));
            return Rows.input(
                    reader.fields(id, text, r.getString(2), r.getString(3), r.getString(4), r.getString(5), origin));
        }
    }
}
