package org.sitrep.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Analysis;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.sources.Document;
import org.sitrep.text.LanguageModel;
import org.sitrep.text.Sentence;
import org.sitrep.text.TimeWords;

/** Which sentences go through the time tagger is data: the cue kinds weekday, month and time-hint, and figures. */
class TimeWordsTest {
    private static final TimeWords BUILT_IN = ParseStage.timeWords(Cues.load(KnowledgeFiles.builtIn()));

    @Test
    void aSentenceWithADayMonthFeastOrFigureMayHoldATime() {
        assertTrue(BUILT_IN.mayHoldTime("Police fired on the crowd on Monday's march."));
        assertTrue(BUILT_IN.mayHoldTime("Talks resumed in mid-MARCH."));
        assertTrue(BUILT_IN.mayHoldTime("The truce held over Eid."));
        assertTrue(BUILT_IN.mayHoldTime("The border was closed in 1983."));
        assertTrue(BUILT_IN.mayHoldTime("Fighting broke out on the 3rd."));
    }

    @Test
    void aSentenceWithNoneIsNotReadForTimes() {
        assertFalse(BUILT_IN.mayHoldTime("Rebels shelled the town and burned the market."));
        assertFalse(BUILT_IN.mayHoldTime("Marching crowds filled the 1990s-era square."), "a word inside another");
    }

    @Test
    void aUserLayerAddsATimeWordThatTheParseStagePassesOn(@TempDir Path layer) throws IOException {
        String harvest = "Raids on villages began after the harvest.";
        assertFalse(BUILT_IN.mayHoldTime(harvest));
        Files.createDirectories(layer.resolve("events"));
        Files.writeString(layer.resolve("events/cues.tsv"), "time-hint\tharvest\n");
        AtomicReference<TimeWords> given = new AtomicReference<>();
        LanguageModel model = new LanguageModel() {
            @Override
            public List<Sentence> analyze(String text) {
                return List.of();
            }

            @Override
            public List<Sentence> analyze(String text, LocalDate anchor, TimeWords timeWords) {
                given.set(timeWords);
                return List.of();
            }
        };
        new ParseStage(model, Cues.load(new KnowledgeFiles(List.of(layer))))
                .process(new Analysis(Document.of("t", harvest, "2021-06-15"), LocalDate.of(2021, 6, 15)));
        assertTrue(given.get().mayHoldTime(harvest));
        assertTrue(given.get().mayHoldTime("Raids began on Monday."), "the built-in words stay");
    }
}
