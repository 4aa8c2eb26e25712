package org.sitrep.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Cues;
import org.sitrep.text.Dateline;
import org.sitrep.text.LanguageModel;
import org.sitrep.text.SentenceCap;
import org.sitrep.text.TimeWords;

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
    private final TimeWords timeWords;

    public ParseStage(LanguageModel model, Cues cues) {
        this.model = model;
        this.timeWords = timeWords(cues);
    }

    /** The cue kinds weekday, month and time-hint say which sentences may hold a time expression. */
    public static TimeWords timeWords(Cues cues) {
        Set<String> words = new HashSet<>();
        for (String kind : List.of("weekday", "month", "time-hint")) words.addAll(cues.of(kind));
        return TimeWords.of(words);
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
                capped(a, a.dateline() == null ? a.text() : a.dateline().blank(a.text())), a.published(), timeWords));
    }
}
