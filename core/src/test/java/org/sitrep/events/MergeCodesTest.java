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
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;
import org.sitrep.text.FixtureModel;

/**
 * The codes that complete an event's sides are data (cues.tsv kinds directed, weapon-mode, forces, domestic, state):
 * a user layer changes whom an implicit target is.
 */
class MergeCodesTest {
    private static final String NURSES = "Thousands of nurses marched in Lagos on Tuesday to demand higher pay.";

    private static List<String> protestTargets(Pipeline p) {
        return p.code(Document.of("t", NURSES, "2021-06-15")).events().stream()
                .filter(e -> "PROTEST".equals(e.plover()))
                .findFirst()
                .orElseThrow()
                .target()
                .stream()
                .map(Side::code)
                .toList();
    }

    @Test
    void peopleProtestingAtHomeAddressTheAuthoritiesAndTheStateItsPeople(@TempDir Path layer) throws IOException {
        assertEquals(List.of("NGAGOV"), protestTargets(FixtureSuite.pipeline()), "nurses are not the state");
        Files.createDirectories(layer.resolve("events"));
        Files.writeString(layer.resolve("events/cues.tsv"), "state\tHLH\n"); // a layer where health workers are
        Pipeline p =
                new Pipeline(new FixtureModel(FixtureModel.DIR), Knowledge.load(new KnowledgeFiles(List.of(layer))));
        assertEquals(List.of("NGACVL"), protestTargets(p));
    }
}
