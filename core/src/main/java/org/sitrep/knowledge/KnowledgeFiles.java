package org.sitrep.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where knowledge comes from: the built-in files shipped in the jar (from the project's data/ folder),
 * then each user layer directory in order. A user layer holds files of the same names and formats
 * (e.g. actors/people.tsv); its rows are added on top of, and win over, the built-in ones.
 */
public final class KnowledgeFiles {
    private final List<Path> layers;

    public KnowledgeFiles(List<Path> layers) {
        this.layers = List.copyOf(layers);
    }

    public static KnowledgeFiles builtIn() {
        return new KnowledgeFiles(List.of());
    }

    public List<Path> layers() {
        return layers;
    }

    /** All rows of {@code name} (e.g. "actors/countries.tsv"): built-in first, then the user layers. */
    public List<Tsv.Row> rows(String name) {
        List<Tsv.Row> rows = new ArrayList<>();
        InputStream in = KnowledgeFiles.class.getResourceAsStream("/sitrep/" + name);
        if (in != null) rows.addAll(Tsv.read(name, in));
        for (Path layer : layers) {
            Path f = layer.resolve(name);
            if (Files.isRegularFile(f)) {
                try (InputStream fin = Files.newInputStream(f)) {
                    rows.addAll(Tsv.read(f.toString(), fin));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
        }
        return rows;
    }
}
