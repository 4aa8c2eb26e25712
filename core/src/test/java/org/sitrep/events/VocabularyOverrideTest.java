package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.FixtureSuite;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.sources.Document;
import org.sitrep.text.FixtureModel;

/**
 * The words and codes the framing reads are data: a user layer (what {@code --kb DIR} loads) changes how
 * statements are coded without touching the code.
 */
class VocabularyOverrideTest {

    private static final String INTENT =
            "Portugal will support Turkey's bid to join the European Union, the Portuguese president said.";
    private static final String VOW = "The rebel commander vowed to attack the town of Beni on Monday.";

    private static EventRecord first(Pipeline p, String text, String plover) {
        return p.code(Document.of("t", text, "2021-06-15")).events().stream()
                .filter(e -> plover.equals(e.plover()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + plover + " event in: " + text));
    }

    private static Pipeline withLayer(Path layer) {
        return new Pipeline(new FixtureModel(FixtureModel.DIR), Knowledge.load(new KnowledgeFiles(List.of(layer))));
    }

    @Test
    void aStatedIntentionTakesTheIntentCodeOfItsRootFromTheCodebook(@TempDir Path layer) throws IOException {
        assertEquals(
                "032",
                first(FixtureSuite.pipeline(), INTENT, "AGREE").cameo(),
                "built in: intent to cooperate diplomatically");
        Files.createDirectories(layer.resolve("events"));
        // the user's row for root 05 keeps its score and type, and says an intention to do it is an intention to meet
        Files.writeString(
                layer.resolve("events/cameo.tsv"), "05\tEngage in diplomatic cooperation\t3.5\t1\tSUPPORT\t\t\t036\n");
        assertEquals("036", first(withLayer(layer), INTENT, "AGREE").cameo());
    }

    @Test
    void aPromiseOfViolenceTakesTheThreatCodeOfItsRootFromTheCodebook(@TempDir Path layer) throws IOException {
        assertEquals(
                "138",
                first(FixtureSuite.pipeline(), VOW, "THREATEN").cameo(),
                "built in: threaten with military force");
        Files.createDirectories(layer.resolve("events"));
        // a 9-column row with only the threat code: the name, score and the rest of the root stay as they were
        Files.writeString(layer.resolve("events/cameo.tsv"), "19\tFight\t-10.0\t4\tASSAULT\t\t\t\t130\n");
        assertEquals("130", first(withLayer(layer), VOW, "THREATEN").cameo());
    }
}
