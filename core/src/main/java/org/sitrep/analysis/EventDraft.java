package org.sitrep.analysis;

import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.knowledge.Codebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event while the coder works on it. Stages fill it in; {@link org.sitrep.records.RecordBuilder}
 * turns it into the immutable output record.
 */
public final class EventDraft {
    public int sentence;
    public int trigger;               // head token index
    public int triggerFrom, triggerTo; // token span covered by the pattern
    public Codebook.Code code;
    public String rule;
    public List<String> contexts = List.of();
    public AcledCrosswalk.Type acled;      // ACLED's type, set last (AcledStage); null when ACLED would not code it
    public List<Mention> source = new ArrayList<>();
    public List<Mention> target = new ArrayList<>();
    public String polarity = "asserted";   // asserted | negated | failed
    public String modality = "actual";     // actual | intended | demanded | threatened | hypothetical | future | possible
    public boolean hedged;
    public Mention attributionActor;
    public String attributionText;
    public String attributionCue;
    public boolean historical;
    public String dateValue;
    public String datePrecision;
    public String dateFrom;
    public PlaceMention location;
    public final Map<String, Object> counts = new LinkedHashMap<>();
    public boolean backgrounded;           // a re-mention: definite noun, subordinate clause, purpose clause
    public boolean inQuote;
    public int quote = -1;                 // index of the quote holding it
    public double confidence;
    public EventDraft mergedInto;
    public EventDraft contentOf;           // the event whose content this one is ("rejected a U.S. request")
    public String note;                    // why it is not an event of its own, when it is not
    public String cue;                     // the word that set its polarity or modality
    public boolean announces;              // a statement of intent ("vowed to retaliate"): the statement happened
    public final List<int[]> mentions = new ArrayList<>(); // other (sentence, token) mentions merged into this one

    public boolean emitted() {
        return mergedInto == null && contentOf == null && note == null && polarity.equals("asserted")
                && (modality.equals("actual") || modality.equals("intended") && announces);
    }

    public EventDraft canonical() {
        EventDraft e = this;
        while (e.mergedInto != null) e = e.mergedInto;
        return e;
    }

    @Override
    public String toString() {
        return "Event[" + sentence + ":" + trigger + " " + (code == null ? "?" : code.code()) + " " + rule + " " + polarity + "/" + modality + "]";
    }
}
