package org.sitrep.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.knowledge.Codebook;

/**
 * An event while the coder works on it. Stages fill it in through its setters; {@link org.sitrep.records.RecordBuilder}
 * turns it into the immutable output record. Readers outside the pipeline see it as an {@link EventView}.
 */
public final class EventDraft implements EventView {
    private int sentence;
    private int trigger;
    private int triggerFrom;
    private int triggerTo;
    private Codebook.Code code;
    private String rule;
    private List<String> contexts = List.of();
    private AcledCrosswalk.Type acled;
    private final List<Mention> source = new ArrayList<>();
    private final List<Mention> target = new ArrayList<>();
    // views made once, so that a caller may tell the sides apart by identity (side == e.source())
    private final List<Mention> sourceView = Collections.unmodifiableList(source);
    private final List<Mention> targetView = Collections.unmodifiableList(target);
    private Polarity polarity = Polarity.ASSERTED;
    private Modality modality = Modality.ACTUAL;
    private boolean hedged;
    private Mention attributionActor;
    private String attributionText;
    private String attributionCue;
    private boolean historical;
    private String dateValue;
    private DatePrecision datePrecision;
    private String dateFrom;
    private PlaceMention location;
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private boolean backgrounded;
    private boolean inQuote;
    private int quote = -1;
    private double confidence;
    private EventDraft mergedInto;
    private EventDraft contentOf;
    private String note;
    private String cue;
    private boolean announces;
    private final List<int[]> mentions = new ArrayList<>();
    private final Map<String, Object> countsView = Collections.unmodifiableMap(counts);
    private final List<int[]> mentionsView = Collections.unmodifiableList(mentions);

    @Override
    public int sentence() {
        return sentence;
    }

    public void setSentence(int sentence) {
        this.sentence = sentence;
    }

    @Override
    public int trigger() {
        return trigger;
    }

    public void setTrigger(int trigger) {
        this.trigger = trigger;
    }

    @Override
    public int triggerFrom() {
        return triggerFrom;
    }

    public void setTriggerFrom(int triggerFrom) {
        this.triggerFrom = triggerFrom;
    }

    @Override
    public int triggerTo() {
        return triggerTo;
    }

    public void setTriggerTo(int triggerTo) {
        this.triggerTo = triggerTo;
    }

    @Override
    public Codebook.Code code() {
        return code;
    }

    public void setCode(Codebook.Code code) {
        this.code = code;
    }

    @Override
    public String rule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    @Override
    public List<String> contexts() {
        return contexts;
    }

    public void setContexts(List<String> contexts) {
        this.contexts = contexts;
    }

    @Override
    public AcledCrosswalk.Type acled() {
        return acled;
    }

    public void setAcled(AcledCrosswalk.Type acled) {
        this.acled = acled;
    }

    @Override
    public List<Mention> source() {
        return sourceView;
    }

    public void setSource(List<Mention> source) {
        this.source.clear();
        this.source.addAll(source);
    }

    public void addSource(Mention m) {
        source.add(m);
    }

    public void addSources(Collection<? extends Mention> ms) {
        source.addAll(ms);
    }

    public void clearSource() {
        source.clear();
    }

    public void removeSourceIf(Predicate<? super Mention> p) {
        source.removeIf(p);
    }

    public void replaceSources(UnaryOperator<Mention> f) {
        source.replaceAll(f);
    }

    @Override
    public List<Mention> target() {
        return targetView;
    }

    public void setTarget(List<Mention> target) {
        this.target.clear();
        this.target.addAll(target);
    }

    public void addTarget(Mention m) {
        target.add(m);
    }

    public void addTargets(Collection<? extends Mention> ms) {
        target.addAll(ms);
    }

    public void clearTarget() {
        target.clear();
    }

    public void removeTargetIf(Predicate<? super Mention> p) {
        target.removeIf(p);
    }

    public void replaceTargets(UnaryOperator<Mention> f) {
        target.replaceAll(f);
    }

    @Override
    public Polarity polarity() {
        return polarity;
    }

    public void setPolarity(Polarity polarity) {
        this.polarity = polarity;
    }

    @Override
    public Modality modality() {
        return modality;
    }

    public void setModality(Modality modality) {
        this.modality = modality;
    }

    @Override
    public boolean hedged() {
        return hedged;
    }

    public void setHedged(boolean hedged) {
        this.hedged = hedged;
    }

    @Override
    public Mention attributionActor() {
        return attributionActor;
    }

    public void setAttributionActor(Mention attributionActor) {
        this.attributionActor = attributionActor;
    }

    @Override
    public String attributionText() {
        return attributionText;
    }

    public void setAttributionText(String attributionText) {
        this.attributionText = attributionText;
    }

    @Override
    public String attributionCue() {
        return attributionCue;
    }

    public void setAttributionCue(String attributionCue) {
        this.attributionCue = attributionCue;
    }

    @Override
    public boolean historical() {
        return historical;
    }

    public void setHistorical(boolean historical) {
        this.historical = historical;
    }

    @Override
    public String dateValue() {
        return dateValue;
    }

    public void setDateValue(String dateValue) {
        this.dateValue = dateValue;
    }

    @Override
    public DatePrecision datePrecision() {
        return datePrecision;
    }

    public void setDatePrecision(DatePrecision datePrecision) {
        this.datePrecision = datePrecision;
    }

    @Override
    public String dateFrom() {
        return dateFrom;
    }

    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    @Override
    public PlaceMention location() {
        return location;
    }

    public void setLocation(PlaceMention location) {
        this.location = location;
    }

    @Override
    public Map<String, Object> counts() {
        return countsView;
    }

    /** A count of people ("killed" 12, "size" "hundreds"), in the order first put. */
    public void putCount(String what, Object value) {
        counts.put(what, value);
    }

    /** A count this event has not got yet (one taken over from a mention merged into it). */
    public void putCountIfAbsent(String what, Object value) {
        counts.putIfAbsent(what, value);
    }

    @Override
    public boolean backgrounded() {
        return backgrounded;
    }

    public void setBackgrounded(boolean backgrounded) {
        this.backgrounded = backgrounded;
    }

    @Override
    public boolean inQuote() {
        return inQuote;
    }

    public void setInQuote(boolean inQuote) {
        this.inQuote = inQuote;
    }

    @Override
    public int quote() {
        return quote;
    }

    public void setQuote(int quote) {
        this.quote = quote;
    }

    @Override
    public double confidence() {
        return confidence;
    }

    public void setConfidence(double confidence) {
        this.confidence = confidence;
    }

    @Override
    public EventDraft mergedInto() {
        return mergedInto;
    }

    public void setMergedInto(EventDraft mergedInto) {
        this.mergedInto = mergedInto;
    }

    @Override
    public EventDraft contentOf() {
        return contentOf;
    }

    public void setContentOf(EventDraft contentOf) {
        this.contentOf = contentOf;
    }

    @Override
    public String note() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @Override
    public String cue() {
        return cue;
    }

    public void setCue(String cue) {
        this.cue = cue;
    }

    @Override
    public boolean announces() {
        return announces;
    }

    public void setAnnounces(boolean announces) {
        this.announces = announces;
    }

    @Override
    public List<int[]> mentions() {
        return mentionsView;
    }

    /** Another mention of this event (merged into it): its sentence and trigger token. */
    public void addMention(int sentence, int token) {
        mentions.add(new int[] {sentence, token});
    }

    @Override
    public boolean emitted() {
        return mergedInto == null
                && contentOf == null
                && note == null
                && polarity == Polarity.ASSERTED
                && (modality == Modality.ACTUAL || modality == Modality.INTENDED && announces);
    }

    @Override
    public EventDraft canonical() {
        EventDraft e = this;
        while (e.mergedInto != null) e = e.mergedInto;
        return e;
    }

    @Override
    public String toString() {
        return "Event[" + sentence + ":" + trigger + " " + (code == null ? "?" : code.code()) + " " + rule + " "
                + polarity + "/" + modality + "]";
    }
}
