package org.sitrep.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** The labelled sentences of data/training/*.jsonl (format in data/training/README.md), read in file-name order. */
public final class TrainingCorpus {

    /** One labelled sentence; plover, mode and acled are null where the corpus has none. */
    public record Row(String id, String text, String plover, String mode, String acled, String trigger) {
        /** The fixed held-aside part: CRC-32 of the id mod 10 is 0. */
        public boolean heldAside() {
            return TrainingCorpus.heldAside(id);
        }

        public String ploverLabel() {
            return plover == null ? EventModel.NONE : plover;
        }

        public String acledLabel() {
            return plover == null || acled == null ? EventModel.NONE : acled;
        }
    }

    private TrainingCorpus() {}

    public static boolean heldAside(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10 == 0;
    }

    public static List<Row> read(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no *.jsonl files in " + dir);
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode n = json.readTree(line);
                    rows.add(new Row(
                            n.path("id").asText(),
                            n.path("text").asText(),
                            text(n, "plover"),
                            text(n, "mode"),
                            text(n, "acled"),
                            text(n, "trigger")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return rows;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
