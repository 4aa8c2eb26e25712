package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What long work tells the user on stderr (loading models, coding), silenced by the global {@code --quiet}; and the
 * checks of paths that run before any model loads, so a mistyped path fails at once instead of after the models.
 */
final class Progress {
    private static volatile boolean quiet;

    private Progress() {}

    static void quiet(boolean q) {
        quiet = q;
    }

    static boolean quiet() {
        return quiet;
    }

    /** A line on stderr unless --quiet. */
    static void say(String format, Object... args) {
        if (!quiet) System.err.printf(format + "%n", args);
    }

    /** The input paths (files or directories; "-" is stdin) and knowledge layers that do not exist, as one message, or null. */
    static String missing(List<String> inputs, List<Path> kb) {
        List<String> bad = new ArrayList<>();
        for (String in : inputs == null ? List.<String>of() : inputs)
            if (!in.equals("-") && !Files.exists(Path.of(in))) bad.add("no such file or directory: " + in);
        for (Path layer : kb == null ? List.<Path>of() : kb)
            if (!Files.isDirectory(layer)) bad.add("--kb " + layer + " is not a directory");
        return bad.isEmpty() ? null : String.join("; ", bad);
    }
}
