package org.sitrep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.parse.ParseStage;
import org.sitrep.text.ConllU;
import org.sitrep.text.CoreNlpModel;
import org.sitrep.text.FixtureModel;
import org.sitrep.text.TimeWords;

/**
 * Keeps the parse fixtures honest. By default it checks that every stored fixture is still exactly what CoreNLP
 * produces for its text, so fixtures cannot drift from the parser silently. With {@code -Dsitrep.fixtures.write=true}
 * ({@link FixtureModel#REGENERATE}) it runs every {@code *FixtureTest} over CoreNLP, writes the parses they ask
 * for and removes fixtures no test uses any more.
 */
@Tag("corenlp")
class ParseFixturesTest {
    private static final String WRITE = "sitrep.fixtures.write";
    /** What the pipeline's parse stage gives the model: the fixtures were written through it. */
    private static final TimeWords TIME_WORDS = ParseStage.timeWords(Cues.load(KnowledgeFiles.builtIn()));

    @Test
    @DisabledIfSystemProperty(named = WRITE, matches = "true")
    void storedParsesAreWhatCoreNlpProducesNow() throws IOException {
        List<Path> files = fixtureFiles();
        assertFalse(files.isEmpty(), "no fixtures in " + FixtureModel.DIR);
        List<String> drifted = new ArrayList<>();
        String firstStored = null, firstNow = null;
        for (Path f : files) {
            String stored = Files.readString(f, StandardCharsets.UTF_8);
            ConllU.Parse p = FixtureModel.read(f);
            String key = FixtureModel.key(p.text(), p.anchor());
            String now = ConllU.write(new ConllU.Parse(
                    key, p.text(), p.anchor(), CoreNlpModel.shared().analyze(p.text(), p.anchor(), TIME_WORDS)));
            boolean misnamed = !f.getFileName().toString().equals(FixtureModel.fileName(p.text(), key));
            if (misnamed || !now.equals(stored)) {
                drifted.add(f.getFileName() + (misnamed ? " (its name does not match its text's key)" : ""));
                if (firstStored == null) {
                    firstStored = stored;
                    firstNow = now;
                }
            }
        }
        if (!drifted.isEmpty()) {
            assertEquals(
                    firstStored,
                    firstNow,
                    drifted.size() + " fixture(s) differ from CoreNLP's parse: " + drifted
                            + "\nRegenerate them and review the diff: " + FixtureModel.REGENERATE);
            fail(drifted + " are misnamed; regenerate: " + FixtureModel.REGENERATE);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = WRITE, matches = "true")
    void writeTheParsesTheFixtureTestsAskFor() throws IOException {
        Map<String, ConllU.Parse> parses = new ConcurrentHashMap<>();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        FixtureSuite.record(CoreNlpModel.shared(), parses);
        try {
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(selectPackage("org.sitrep"))
                                    .filters(includeClassNamePatterns(".*FixtureTest"))
                                    .build(),
                            listener);
        } finally {
            FixtureSuite.stopRecording();
        }
        TestExecutionSummary summary = listener.getSummary();
        assertFalse(
                parses.isEmpty(), "no *FixtureTest parsed anything (" + summary.getTestsFoundCount() + " tests found)");

        Files.createDirectories(FixtureModel.DIR);
        int written = 0, unchanged = 0, removed = 0;
        Map<String, Path> wanted = new TreeMap<>();
        for (ConllU.Parse p : parses.values()) {
            Path f = FixtureModel.DIR.resolve(FixtureModel.fileName(p.text(), p.key()));
            wanted.put(f.getFileName().toString(), f);
            String content = ConllU.write(p);
            if (Files.exists(f) && Files.readString(f, StandardCharsets.UTF_8).equals(content)) {
                unchanged++;
            } else {
                Files.writeString(f, content, StandardCharsets.UTF_8);
                written++;
            }
        }
        for (Path f : fixtureFiles()) {
            if (!wanted.containsKey(f.getFileName().toString())) {
                Files.delete(f);
                removed++;
            }
        }
        System.out.printf(
                "parse fixtures in %s: %d written, %d unchanged, %d removed (from %d tests)%n",
                FixtureModel.DIR,
                written,
                unchanged,
                removed,
                summary.getTestsSucceededCount() + summary.getTestsFailedCount());
        if (summary.getTotalFailureCount() > 0) {
            StringBuilder sb = new StringBuilder("fixtures written, but these tests fail over CoreNLP's parses:");
            summary.getFailures().forEach(x -> sb.append("\n  ")
                    .append(x.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(x.getException().getMessage()));
            fail(sb.toString());
        }
    }

    private static List<Path> fixtureFiles() throws IOException {
        if (!Files.isDirectory(FixtureModel.DIR)) return List.of();
        try (Stream<Path> s = Files.list(FixtureModel.DIR)) {
            return s.filter(p -> p.toString().endsWith(".conllu")).sorted().toList();
        }
    }
}
