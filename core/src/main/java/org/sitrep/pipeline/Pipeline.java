package org.sitrep.pipeline;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sitrep.actors.ActorResolver;
import org.sitrep.actors.ActorStage;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Stage;
import org.sitrep.events.AcledStage;
import org.sitrep.events.EventStage;
import org.sitrep.events.FramingStage;
import org.sitrep.events.MergeStage;
import org.sitrep.events.RelationStage;
import org.sitrep.parse.ParseStage;
import org.sitrep.places.PlaceStage;
import org.sitrep.quotes.QuoteStage;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.RecordBuilder;
import org.sitrep.sources.Document;
import org.sitrep.text.LanguageModel;

/**
 * The coder: a document goes one way through parse → places → actors → quotes → events → relations
 * and comes out as a {@link DocumentRecord}. Thread-safe: code documents from as many threads as you like.
 *
 * <pre>{@code
 * Pipeline coder = Pipeline.create();
 * DocumentRecord rec = coder.code(Document.of("id-1", text, "2024-03-12"));
 * }</pre>
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final Knowledge knowledge;
    private final LanguageModel model;

    public Pipeline(LanguageModel model, Knowledge knowledge) {
        this(model, knowledge, null);
    }

    /** With {@code afterRules} (the event model's second opinion, or null) run once the rule events are merged. */
    public Pipeline(LanguageModel model, Knowledge knowledge, Stage afterRules) {
        this.knowledge = knowledge;
        this.model = model;
        List<Stage> stages = List.of(
                new ParseStage(model, knowledge.cues()),
                new PlaceStage(knowledge.gazetteer(), knowledge.actors()),
                new ActorStage(new ActorResolver(knowledge.actors())),
                new QuoteStage(knowledge.cues()),
                new EventStage(knowledge.lexicon(), knowledge.codebook(), knowledge.cues(), knowledge.means()),
                new FramingStage(knowledge.codebook(), knowledge.cues()),
                new MergeStage(knowledge.impliedAgents(), knowledge.cues()),
                new RelationStage(knowledge.cues()),
                new AcledStage(knowledge.acled()));
        if (afterRules != null) {
            stages = new java.util.ArrayList<>(stages);
            for (int i = 0; i < stages.size(); i++)
                if (stages.get(i) instanceof MergeStage) {
                    stages.add(i + 1, afterRules);
                    break;
                }
        }
        this.stages = List.copyOf(stages);
        checkOrder(this.stages);
    }

    /**
     * Checks that every stage finds the layers it requires written by an earlier stage: a stage moved before what it
     * reads fails here, when the pipeline is built, not as empty output later.
     *
     * @throws IllegalStateException naming the stage and the layers it lacks
     */
    public static void checkOrder(List<? extends Stage> stages) {
        Set<Layer> written = EnumSet.noneOf(Layer.class);
        for (Stage s : stages) {
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            missing.addAll(s.requires());
            missing.removeAll(written);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(s.getClass().getSimpleName() + " requires " + missing
                        + ", which no earlier stage writes (written so far: " + written + "; stages: "
                        + stages.stream().map(x -> x.getClass().getSimpleName()).toList() + ")");
            }
            written.addAll(s.writes());
        }
    }

    /** The default pipeline: CoreNLP and the built-in knowledge. */
    public static Pipeline create() {
        return new Pipeline(org.sitrep.text.CoreNlpModel.shared(), Knowledge.builtIn());
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** The language model's time loading parts on first use so far ({@link LanguageModel#loadingNanos()}). */
    public long loadingNanos() {
        return model.loadingNanos();
    }

    /** The pipeline's stage of that class, or null (e.g. whether the event model runs, and its figures). */
    public <T extends Stage> T stage(Class<T> type) {
        for (Stage s : stages) if (type.isInstance(s)) return type.cast(s);
        return null;
    }

    /** Codes one document; a document that cannot be coded gets a record saying why. */
    public DocumentRecord code(Document d) {
        LocalDate published = org.sitrep.time.Dates.day(d.published());
        if (!d.ok()) return RecordBuilder.failed(d, published == null ? null : published.toString());
        Analysis a = analyze(d, published == null ? LocalDate.now() : published);
        return RecordBuilder.build(a);
    }

    /** Runs the stages over one document; readers outside the pipeline take the result as an {@link org.sitrep.analysis.AnalysisView}. */
    public Analysis analyze(Document d, LocalDate published) {
        Analysis a = new Analysis(d, published);
        for (Stage s : stages) s.process(a);
        return a;
    }
}
