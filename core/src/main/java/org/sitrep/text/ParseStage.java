package org.sitrep.text;

import org.sitrep.pipeline.Analysis;
import org.sitrep.pipeline.Stage;

/** Sentences, tokens, tags, lemmas, names and dependencies from the language model. */
public final class ParseStage implements Stage {
    private final LanguageModel model;

    public ParseStage(LanguageModel model) {
        this.model = model;
    }

    @Override
    public void process(Analysis a) {
        a.dateline = Dateline.find(a.text());
        a.sentences = model.analyze(a.dateline == null ? a.text() : a.dateline.blank(a.text()), a.published);
    }
}
