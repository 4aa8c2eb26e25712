package org.sitrep.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link LanguageModel} that replays parses CoreNLP wrote earlier, so the coder's logic is tested without
 * loading CoreNLP. Each parse is a CoNLL-U file ({@link ConllU}) in {@code core/src/test/resources/parses/},
 * named after the text's first words and its {@link #key key}; a text without a file is a failure that says
 * which file is missing and how to write it.
 */
public final class FixtureModel implements LanguageModel {

    /** Where fixtures live: read from the source tree so that freshly written ones count at once. */
    public static final Path DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "parses");

    /** The one command that rewrites every fixture from what CoreNLP says now. */
    public static final String REGENERATE = "mvn -B -o -pl core -am test -Dtest=ParseFixturesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dsitrep.fixtures.write=true";

    private final Path dir;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, ConllU.Parse> given = new ConcurrentHashMap<>();

    /** Replays the given parses only: for a test that builds its parse by hand. */
    public static FixtureModel of(ConllU.Parse... parses) {
        FixtureModel m = new FixtureModel(Path.of("(none: parses given by the test)"));
        for (ConllU.Parse p : parses) m.given.put(key(p.text(), p.anchor()), p);
        return m;
    }

    public FixtureModel(Path dir) {
        this.dir = dir;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".conllu")).forEach(p -> files.put(keyOf(p), p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public List<Sentence> analyze(String text) {
        return analyze(text, null);
    }

    @Override
    public List<Sentence> analyze(String text, LocalDate anchor) {
        String key = key(text, anchor);
        ConllU.Parse handMade = given.get(key);
        if (handMade != null) return handMade.sentences();
        Path file = files.get(key);
        if (file == null) {
            throw new IllegalStateException(
                    "No parse fixture for " + describe(text, anchor) + ": expected " + dir.resolve(fileName(text, key))
                            + ".\nWrite it with CoreNLP (it runs every *FixtureTest): " + REGENERATE);
        }
        ConllU.Parse p = read(file);
        if (!text.equals(p.text()) || !java.util.Objects.equals(anchor, p.anchor())) {
            throw new IllegalStateException(file + " has the key of " + describe(text, anchor)
                    + " but holds another text; regenerate: " + REGENERATE);
        }
        return p.sentences();
    }

    public static ConllU.Parse read(Path file) {
        try {
            return ConllU.read(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's key: the parse depends on the text and, through time expressions, on the anchor date. */
    public static String key(String text, LocalDate anchor) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest(
                    ((anchor == null ? "-" : anchor.toString()) + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "israeli-troops-shelled-two-3fa2b1c4d5e6.conllu": the first words say which test it serves. */
    public static String fileName(String text, String key) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String[] words = slug.split("-");
        slug = String.join("-", List.of(words).subList(0, Math.min(4, words.length)));
        return (slug.isEmpty() ? "" : slug + "-") + key + ".conllu";
    }

    static String keyOf(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - ".conllu".length());
        return name.substring(name.lastIndexOf('-') + 1);
    }

    private static String describe(String text, LocalDate anchor) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "\"" + shown.replace("\n", "\\n") + "\" (anchor " + anchor + ")";
    }
}
