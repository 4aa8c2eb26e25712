package org.sitrep.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tab-separated knowledge files: '#' starts a comment line, '|' separates values within a cell. */
public final class Tsv {
    private Tsv() {}

    /** A data row with its origin, so that a bad row can be reported as "file:line". */
    public record Row(String origin, int line, String[] cells) {
        public String get(int i) {
            return i < cells.length ? cells[i].trim() : "";
        }

        public List<String> list(int i) {
            String v = get(i);
            if (v.isEmpty()) return List.of();
            List<String> out = new ArrayList<>();
            for (String part : v.split("\\|")) if (!part.isBlank()) out.add(part.trim());
            return out;
        }

        public String where() {
            return origin + ":" + line;
        }
    }

    public static List<Row> read(String origin, InputStream in) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                rows.add(new Row(origin, n, Arrays.copyOf(cells, cells.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
        return rows;
    }
}
