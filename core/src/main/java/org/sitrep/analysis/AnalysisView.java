package org.sitrep.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sitrep.sources.Document;
import org.sitrep.text.Dateline;
import org.sitrep.text.Sentence;

/**
 * A coded document as readers see it ({@code sitrep explain}, scorers): every layer, read-only. {@link Analysis} is the
 * one implementation; only the stages write it.
 */
public interface AnalysisView {
    Document document();

    LocalDate published();

    default String text() {
        return document().text();
    }

    List<Sentence> sentences();

    /** The wire dateline the text starts with, or null. */
    Dateline dateline();

    List<PlaceMention> places();

    /** The actor mentions of each sentence, by sentence index. */
    List<List<Mention>> mentions();

    List<Quote> quotes();

    List<? extends EventView> events();

    List<Analysis.Relation> relations();

    List<String> warnings();

    /** The event model's opinion of each sentence it was asked about, by sentence index (only with the model). */
    Map<Integer, Analysis.Opinion> opinions();
}
