package org.sitrep.analysis;

import java.util.List;
import java.util.Map;
import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.knowledge.Codebook;

/**
 * An event draft as readers see it (the record builder, {@code sitrep explain}): its properties, no setters.
 * {@link EventDraft} is the one implementation; the stages hold drafts, everything after the pipeline holds views.
 */
public interface EventView {
    /** The sentence it is in. */
    int sentence();
    /** Head token index. */
    int trigger();
    /** First token of the span the pattern covers. */
    int triggerFrom();
    /** Last token of the span the pattern covers. */
    int triggerTo();

    Codebook.Code code();
    /** The rule (pattern) that found it. */
    String rule();

    List<String> contexts();
    /** ACLED's type, set last (AcledStage); null when ACLED would not code it. */
    AcledCrosswalk.Type acled();
    /** The source actors (an unmodifiable view: the stage working on the draft edits it through the draft). */
    List<Mention> source();
    /** The target actors (an unmodifiable view, like source). */
    List<Mention> target();

    Polarity polarity();

    Modality modality();

    boolean hedged();

    Mention attributionActor();

    String attributionText();

    String attributionCue();

    boolean historical();

    String dateValue();

    DatePrecision datePrecision();

    String dateFrom();

    PlaceMention location();

    Map<String, Object> counts();
    /** A re-mention: definite noun, subordinate clause, purpose clause. */
    boolean backgrounded();

    boolean inQuote();
    /** Index of the quote holding it, -1 for none. */
    int quote();

    double confidence();
    /** The event this one is a mention of, or null. */
    EventView mergedInto();
    /** The event whose content this one is ("rejected a U.S. request"). */
    EventView contentOf();
    /** Why it is not an event of its own, when it is not. */
    String note();
    /** The word that set its polarity or modality. */
    String cue();
    /** A statement of intent ("vowed to retaliate"): the statement happened. */
    boolean announces();
    /** Other (sentence, token) mentions merged into this one (an unmodifiable view). */
    List<int[]> mentions();

    /** Coded: not merged into another, not the content of another, asserted, and actual or an announced intention. */
    boolean emitted();

    /** The event this one was merged into, transitively; itself when it was not merged. */
    EventView canonical();
}
