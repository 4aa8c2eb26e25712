package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** The words that count the arrested and the dead are data (cues.tsv, kind number): a user layer adds its own. */
class NumberWordsTest {
    private static final String FORTY = "More than forty people were arrested in Nairobi after the march on Tuesday.";
    private static final String TWELVE = "Soldiers arrested twelve traders in Kano on Monday.";

    private static EventRecord arrest(Pipeline p, String text) {
        return p.code(Document.of("t", text, "2021-06-15")).events().stream()
                .filter(e -> "COERCE".equals(e.plover()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no arrest in: " + text));
    }

    @Test
    void aBuiltInNumberWordCountsTheArrested() {
        assertEquals(12, arrest(FixtureSuite.pipeline(), TWELVE).counts().get("arrested"));
    }

    @Test
    void aNumberWordFromAUserLayerCountsTheArrested(@TempDir Path layer) throws IOException {
        assertNull(
                arrest(FixtureSuite.pipeline(), FORTY).counts().get("arrested"), "built in, 'forty' is no number word");
        Files.createDirectories(layer.resolve("events"));
        Files.writeString(layer.resolve("events/cues.tsv"), "number\tforty\t40\n");
        Pipeline withForty =
                new Pipeline(new FixtureModel(FixtureModel.DIR), Knowledge.load(new KnowledgeFiles(List.of(layer))));
        assertEquals(40, arrest(withForty, FORTY).counts().get("arrested"));
    }
}
