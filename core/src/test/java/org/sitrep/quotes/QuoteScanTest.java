package org.sitrep.quotes;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analysis;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.sources.Document;

/** F4 of issue 16: the tweet-signature scan is linear, whatever the run of blank lines before it. */
class QuoteScanTest {

    private final QuoteStage stage = new QuoteStage(Cues.load(new KnowledgeFiles(List.of())));

    private Analysis analysis(String text) {
        return new Analysis(Document.of("d", text, "2024-01-01"), LocalDate.of(2024, 1, 1));
    }

    @Test
    void halfAMillionBlankLinesBeforeAnArticleTakeUnderASecondOrTwo() {
        String text =
                "\n".repeat(500_000) + " \t\n".repeat(20_000) + "Police arrested people in Lagos.\n- not a signature\n";
        Analysis a = analysis(text);
        long t0 = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> stage.process(a));

        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(secs < 2, "took " + secs + " s");
        assertTrue(a.quotes().isEmpty());
    }
}
