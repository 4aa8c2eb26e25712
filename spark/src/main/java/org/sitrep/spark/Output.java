package org.sitrep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The output directory: {@code documents/}, {@code events/} and {@code errors/}, and {@code _staging/RUN/} where a run
 * writes first. Spark's commit protocol makes each staged table whole or absent (a failed or retried task leaves
 * nothing); a finished run's files are then moved into place one rename at a time, events before documents, so
 * a document counts as written only once its events are. A run that died while moving is finished by the next
 * run before it looks at what is written; a run that died while writing is discarded.
 */
final class Output {
    static final String DOCUMENTS = "documents", EVENTS = "events", ERRORS = "errors", STAGING = "_staging";
    /** Moved in this order: documents last, since they say what is written. */
    private static final List<String> TABLES = List.of(ERRORS, EVENTS, DOCUMENTS);

    private final Path root;
    private final FileSystem fs;

    Output(String root, Configuration conf) throws IOException {
        Path p = new Path(root);
        this.fs = p.getFileSystem(conf);
        this.root = fs.makeQualified(p);
    }

    Path table(String name) {
        return new Path(root, name);
    }

    Path staging(String run) {
        return new Path(new Path(root, STAGING), run);
    }

    boolean has(String table) throws IOException {
        return fs.exists(table(table));
    }

    /** The runs an earlier job left in staging: finished and not moved, or died while writing. */
    List<Path> stagedRuns() throws IOException {
        Path staging = new Path(root, STAGING);
        List<Path> runs = new ArrayList<>();
        if (!fs.exists(staging)) return runs;
        for (FileStatus run : fs.listStatus(staging)) if (run.isDirectory()) runs.add(run.getPath());
        return runs;
    }

    boolean exists(Path p) throws IOException {
        return fs.exists(p);
    }

    void drop(Path run) throws IOException {
        fs.delete(run, true);
    }

    /** Moves a staged run's files into the tables, keeping their partition directories; idempotent. */
    void promote(Path run) throws IOException {
        for (String table : TABLES) {
            Path from = new Path(run, table);
            if (!fs.exists(from)) continue;
            String prefix = from.toUri().getPath();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(from, true);
            List<Path> data = new ArrayList<>();
            while (files.hasNext()) {
                Path f = files.next().getPath();
                if (!hidden(f.getName())) data.add(f);
            }
            for (Path f : data) {
                Path to = new Path(table(table), f.toUri().getPath().substring(prefix.length() + 1));
                fs.mkdirs(to.getParent());
                // file names carry the run's job id, so a name already in place is this file, moved before a crash
                if (!fs.rename(f, to) && !fs.exists(to)) throw new IOException("cannot move " + f + " to " + to);
            }
        }
        fs.delete(run, true);
    }

    static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
