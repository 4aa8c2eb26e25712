package org.sitrep.text;

import java.util.List;

/** Splits text into sentences of tagged, lemmatised, parsed tokens. Implementations are thread-safe. */
public interface LanguageModel {
    List<Sentence> analyze(String text);

    /** The same, with time expressions normalised against {@code anchor} (the publication date). */
    default List<Sentence> analyze(String text, java.time.LocalDate anchor) {
        return analyze(text);
    }

    /** The same, with only the sentences {@code timeWords} lets through read for time expressions (they cost). */
    default List<Sentence> analyze(String text, java.time.LocalDate anchor, TimeWords timeWords) {
        return analyze(text, anchor);
    }

    /**
     * Time spent so far loading parts on first use (CoreNLP's truecaser, on the first uncased document), a load under
     * way included. A document waiting for such a load is not a slow document: time budgets leave this time out.
     */
    default long loadingNanos() {
        return 0;
    }
}
