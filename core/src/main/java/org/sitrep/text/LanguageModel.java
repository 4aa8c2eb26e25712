package org.sitrep.text;

import java.util.List;

/** Splits text into sentences of tagged, lemmatised, parsed tokens. Implementations are thread-safe. */
public interface LanguageModel {
    List<Sentence> analyze(String text);

    /** The same, with time expressions normalised against {@code anchor} (the publication date). */
    default List<Sentence> analyze(String text, java.time.LocalDate anchor) {
        return analyze(text);
    }
}
