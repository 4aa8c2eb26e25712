package org.sitrep.parse;

import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Stage;
import org.sitrep.text.Dateline;
import org.sitrep.text.LanguageModel;
import org.sitrep.text.SentenceCap;

/** Sentences, tokens, tags, lemmas, names and dependencies from the language model. */
public final class ParseStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of();
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.SENTENCES);
    }

    private final LanguageModel model;

    public ParseStage(LanguageModel model) {
        this.model = model;
    }

    /** The text with over-long sentences split (a bound on the model's cost), saying so in the warnings. */
    private static String capped(Analysis a, String text) {
        SentenceCap.Capped c = SentenceCap.apply(text);
        if (c.warning() != null) a.addWarning(c.warning());
        return c.text();
    }

    @Override
    public void process(Analysis a) {
        a.setDateline(Dateline.find(a.text()));
        a.setSentences(model.analyze(
                capped(a, a.dateline() == null ? a.text() : a.dateline().blank(a.text())), a.published()));
    }
}
