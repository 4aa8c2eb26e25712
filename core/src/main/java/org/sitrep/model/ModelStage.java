package org.sitrep.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.ImpliedAgents;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * The event model's second opinion, after the rules are merged and before the ACLED crosswalk ({@code sitrep code --model}).
 * It reads only the sentences where it can change the outcome, all of a document's in one batch: long enough, and either
 * without any rule event, or with one the record will show and some threshold in force could change (a drop or doubt
 * threshold: any; the mode threshold: an unspecified code; the ACLED crosswalk's model rows: a type it may refine).
 * What it read is kept in {@link Analysis#opinions}:
 * <ul>
 * <li>recall: a sentence where the rules found nothing at all, not even a negated or planned event, and which the model
 *     calls an event with probability at least {@link Settings#add()}, gets one event (rule "model:TYPE");</li>
 * <li>agreement: a rule event of the type the model reads gets " + model (P)" on its rule, and when its CAMEO code is
 *     its type's unspecified one, the model's mode where it is at least {@link Settings#mode()} sure (the ACLED
 *     crosswalk then may take the model's sub-event type: see data/events/acled.tsv);</li>
 * <li>precision: a rule event in a sentence the model reads as no event at least {@link Settings#drop()} sure goes to
 *     {@code non_events} with a note; at least {@link Settings#doubt()} sure, its confidence drops to the model's
 *     probability of an event;</li>
 * <li>a rule event of another type than the one the model reads at least {@link Settings#disagree()} sure gets a warning.</li>
 * </ul>
 */
public final class ModelStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.PLACES, Layer.MENTIONS, Layer.QUOTES, Layer.EVENTS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.OPINIONS, Layer.EVENTS);
    }

    /** Where an event the rules found says the model agreed (see the README's "Event model"). */
    public static final String AGREES = " + model (";
    /** How the note of a rule event the model moved to {@code non_events} begins. */
    public static final String NO_EVENT = "the event model reads no event in this sentence";

    /**
     * Thresholds on the model's probabilities; sentences shorter than {@code minTokens} are left alone, and so are
     * sentences without rule events longer than {@code maxTokens} or shut by the {@link Gate} (when {@code gate}). A
     * threshold above 1 turns its action off.
     */
    public record Settings(
            double add,
            double drop,
            double doubt,
            double disagree,
            double mode,
            int minTokens,
            int maxTokens,
            boolean gate) {
        public static final Settings DEFAULT = new Settings(0.95, 2, 2, 0.9, 0.8, 5, 60, true);

        /** These settings with some changed, from "add=0.9,drop=0.97" (for trying thresholds out). */
        public Settings with(String spec) {
            Settings s = this;
            if (spec == null || spec.isBlank()) return s;
            for (String kv : spec.split(",")) {
                String[] p = kv.trim().split("=", 2);
                if (p.length != 2) throw new IllegalArgumentException("model setting '" + kv + "' is not name=value");
                double v = Double.parseDouble(p[1]);
                s = switch (p[0]) {
                    case "add" ->
                        new Settings(v, s.drop, s.doubt, s.disagree, s.mode, s.minTokens, s.maxTokens, s.gate);
                    case "drop" ->
                        new Settings(s.add, v, s.doubt, s.disagree, s.mode, s.minTokens, s.maxTokens, s.gate);
                    case "doubt" ->
                        new Settings(s.add, s.drop, v, s.disagree, s.mode, s.minTokens, s.maxTokens, s.gate);
                    case "disagree" ->
                        new Settings(s.add, s.drop, s.doubt, v, s.mode, s.minTokens, s.maxTokens, s.gate);
                    case "mode" ->
                        new Settings(s.add, s.drop, s.doubt, s.disagree, v, s.minTokens, s.maxTokens, s.gate);
                    case "minTokens" ->
                        new Settings(s.add, s.drop, s.doubt, s.disagree, s.mode, (int) v, s.maxTokens, s.gate);
                    case "maxTokens" ->
                        new Settings(s.add, s.drop, s.doubt, s.disagree, s.mode, s.minTokens, (int) v, s.gate);
                    case "gate" ->
                        new Settings(s.add, s.drop, s.doubt, s.disagree, s.mode, s.minTokens, s.maxTokens, v != 0);
                    default ->
                        throw new IllegalArgumentException("no model setting '" + p[0]
                                + "' (add, drop, doubt, disagree, mode, minTokens, maxTokens, gate)");
                };
            }
            return s;
        }
    }

    /** Sentences seen and asked about, and the time spent encoding and reading them. */
    public record Stats(long sentences, long asked, long nanos) {}

    private final EventModel model;
    private final Encoder encoder;
    private final Settings settings;
    private final BiPredicate<Analysis, EventDraft> refinable;
    private final Predicate<String> typed;
    private final Gate gate;
    private final ImpliedAgents implied;
    private final Map<String, Codebook.Code> byMode = new HashMap<>();
    private final Map<String, Codebook.Code> byType = new HashMap<>();
    private final LongAdder seen = new LongAdder(), asked = new LongAdder(), nanos = new LongAdder();

    public ModelStage(EventModel model, Encoder encoder, Codebook codebook, Settings settings) {
        this(model, encoder, codebook, settings, type -> true);
    }

    /** With {@code refinable}, the PLOVER types whose ACLED sub-event type the model may refine; every sentence is read. */
    public ModelStage(
            EventModel model, Encoder encoder, Codebook codebook, Settings settings, Predicate<String> refinable) {
        this(
                model,
                encoder,
                codebook,
                settings,
                (a, e) -> refinable.test(e.code().plover()),
                type -> true,
                Gate.NONE,
                ImpliedAgents.NONE);
    }

    /**
     * With {@code refinable}, the rule events whose ACLED sub-event type the model may refine (the crosswalk's answer
     * came from a row that decides by the type alone: {@link org.sitrep.events.AcledStage#refinable}): a sentence whose
     * rule events no threshold in force can change is not read; nor is a sentence without rule events that the
     * {@code gate} shuts (when the settings' {@code gate} is on). {@code typed}: the PLOVER types the crosswalk gives
     * ACLED types to, where a mode can change the outcome ({@link org.sitrep.knowledge.AcledCrosswalk#types}); an
     * unspecified code of another type (a rejection, a threat) is not read for its mode. {@code implied}: who does an
     * act by convention, the source of a model event whose clause names no agent.
     */
    public ModelStage(
            EventModel model,
            Encoder encoder,
            Codebook codebook,
            Settings settings,
            BiPredicate<Analysis, EventDraft> refinable,
            Predicate<String> typed,
            Gate gate,
            ImpliedAgents implied) {
        this.refinable = refinable;
        this.implied = implied;
        this.typed = typed;
        this.gate = settings.gate() ? gate : Gate.NONE;
        if (!model.encoder().equals(encoder.name()))
            throw new IllegalArgumentException(
                    "the head was trained on " + model.encoder() + ", not on " + encoder.name());
        this.model = model;
        this.encoder = encoder;
        this.settings = settings;
        // the most general CAMEO code of each PLOVER type and mode stands for the model's events
        for (Codebook.Code c : codebook.all()) {
            if (c.plover() == null) continue;
            if (c.mode() != null) byMode.merge(c.plover() + "/" + c.mode(), c, ModelStage::shorter);
            else byType.merge(c.plover(), c, ModelStage::shorter);
        }
    }

    private static Codebook.Code shorter(Codebook.Code a, Codebook.Code b) {
        return b.code().length() < a.code().length() ? b : a;
    }

    public Settings settings() {
        return settings;
    }

    public Stats stats() {
        return new Stats(seen.sum(), asked.sum(), nanos.sum());
    }

    @Override
    public void process(Analysis a) {
        long t0 = System.nanoTime();
        try {
            run(a);
        } finally {
            nanos.add(System.nanoTime() - t0);
        }
    }

    private void run(Analysis a) {
        seen.add(a.sentences().size());
        Set<Integer> drafted = new HashSet<>(), emitted = new HashSet<>();
        for (EventDraft e : a.events()) {
            drafted.add(e.sentence());
            if (e.emitted() && changeable(a, e)) emitted.add(e.sentence());
        }
        List<Sentence> ask = new ArrayList<>();
        for (Sentence s : a.sentences()) {
            if (s.size() < settings.minTokens()) continue;
            if (emitted.contains(s.index())) ask.add(s);
            else if (!drafted.contains(s.index())
                    && s.size() <= settings.maxTokens()
                    && gate.open(s, t -> a.quoteAt(t.start()) != null)) ask.add(s);
        }
        if (ask.isEmpty()) return;
        asked.add(ask.size());
        float[][] vectors = encoder.encode(ask.stream().map(Sentence::text).toList());
        List<EventDraft> added = new ArrayList<>();
        for (int i = 0; i < ask.size(); i++) {
            Sentence s = ask.get(i);
            EventModel.Prediction p = model.predict(vectors[i]);
            a.putOpinion(
                    s.index(),
                    new Analysis.Opinion(
                            p.plover(),
                            round(p.ploverProbability()),
                            p.mode(),
                            round(p.modeProbability()),
                            p.acled(),
                            round(p.acledProbability())));
            if (!drafted.contains(s.index())) {
                if (p.event() && p.ploverProbability() >= settings.add()) {
                    EventDraft e = event(a, s, p);
                    if (e != null) added.add(e);
                }
                continue;
            }
            for (EventDraft e : a.events()) {
                if (e.sentence() != s.index()
                        || !e.emitted()
                        || e.code() == null
                        || e.code().plover() == null) continue;
                judge(a, s, e, p);
            }
        }
        if (added.isEmpty()) return;
        a.addEvents(added);
        a.sortEvents((x, y) -> x.sentence() != y.sentence() ? x.sentence() - y.sentence() : x.trigger() - y.trigger());
    }

    /** Whether some threshold in force lets the model change this rule event (else its sentence need not be read). */
    private boolean changeable(Analysis a, EventDraft e) {
        if (e.code() == null || e.code().plover() == null) return false;
        if (settings.drop() <= 1 || settings.doubt() <= 1) return true;
        if (settings.mode() <= 1 && unspecified(e.code()) && typed.test(e.code().plover())) return true;
        return refinable.test(a, e);
    }

    /** The model's word on a rule event of its sentence. */
    private void judge(Analysis a, Sentence s, EventDraft e, EventModel.Prediction p) {
        String pr = String.format(Locale.ROOT, "%.2f", p.ploverProbability());
        if (p.plover().equals(e.code().plover())) {
            e.setRule(e.rule() + (AGREES + pr + ")"));
            Codebook.Code specific = p.mode() == null ? null : byMode.get(p.plover() + "/" + p.mode());
            if (specific != null && unspecified(e.code()) && p.modeProbability() >= settings.mode()) {
                e.setRule(e.rule()
                        + String.format(
                                Locale.ROOT,
                                ", mode %s (%.2f): %s -> %s",
                                p.mode(),
                                p.modeProbability(),
                                e.code().code(),
                                specific.code()));
                e.setCode(specific);
            }
        } else if (!p.event() && p.ploverProbability() >= settings.drop()) {
            e.setNote(NO_EVENT + " (" + pr + ")");
        } else if (!p.event() && p.ploverProbability() >= settings.doubt()) {
            e.setRule(e.rule()
                    + String.format(
                            Locale.ROOT, "; the model doubts it (no event %s, confidence %s)", pr, e.confidence()));
            e.setConfidence(Math.min(e.confidence(), round(1 - p.ploverProbability())));
        } else if (p.ploverProbability() >= settings.disagree()) {
            a.addWarning(String.format(
                    Locale.ROOT,
                    "model disagrees: sentence %d, '%s' coded %s by %s; the model says %s (%s)",
                    s.index(),
                    s.token(e.trigger()).text(),
                    e.code().plover(),
                    e.rule(),
                    p.plover(),
                    pr));
        }
    }

    /** A code that names its type and nothing more: no mode, and CAMEO's "unspecified" form (190, 170, 140). */
    static boolean unspecified(Codebook.Code c) {
        return c.mode() == null && c.code().length() == 3 && c.code().endsWith("0");
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    private EventDraft event(Analysis a, Sentence s, EventModel.Prediction p) {
        Codebook.Code code = p.mode() != null && byMode.containsKey(p.plover() + "/" + p.mode())
                ? byMode.get(p.plover() + "/" + p.mode())
                : byType.get(p.plover());
        Token trigger = mainVerb(s);
        if (code == null || trigger == null) return null;
        EventDraft e = new EventDraft();
        e.setSentence(s.index());
        e.setTriggerTo(trigger.index());
        e.setTriggerFrom(e.triggerTo());
        e.setTrigger(e.triggerFrom());
        e.setCode(code);
        e.setRule("model:" + p.plover());
        e.setConfidence(round(p.ploverProbability()));
        boolean agentSaid = false;
        for (Token c : s.children(trigger)) {
            String rel = c.deprel();
            agentSaid |= rel.equals("nsubj") || rel.equals("csubj") || rel.equals("obl:agent");
            Mention m = a.mentionCovering(s.index(), c.index());
            if (m == null) continue;
            if (rel.equals("nsubj") || rel.equals("obl:agent")) e.addSource(m);
            else if (rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("iobj")) e.addTarget(m);
        }
        e.setDateValue(a.published().toString());
        e.setDatePrecision(org.sitrep.analysis.DatePrecision.DAY);
        e.setDateFrom("publication");
        for (PlaceMention pm : a.places())
            if (pm.sentence() == s.index() && pm.locative()) {
                e.setLocation(pm);
                break;
            }
        // "dozens were picked up overnight": as for rule events, the agent convention gives when the clause names
        // none (data/events/implied-agents.tsv), of the country where it happened
        ImpliedAgents.Agent agent = agentSaid ? null : implied.of(code.code(), trigger.lemma());
        if (agent != null && !agent.self()) {
            Mention m = Mention.implied(s.index(), trigger.index(), agent.name(), agent.sectors());
            PlaceMention where = e.location();
            String country = where == null ? null : where.place().country();
            e.addSource(country == null ? m : m.withCountry(country, true));
            e.setRule(e.rule() + " + implied agent");
        }
        e.setInQuote(a.quoteAt(trigger.start()) != null);
        return e;
    }

    /** The root if it is a verb, else the first verb that depends on it, else the root itself (a headline's noun). */
    static Token mainVerb(Sentence s) {
        Token root = null;
        for (Token t : s.tokens())
            if (t.head() < 0 && !t.pos().matches("\\p{Punct}+")) {
                root = t;
                break;
            }
        if (root == null) return null;
        if (root.isVerb()) return root;
        for (Token c : s.children(root)) if (c.isVerb() && !c.deprel().startsWith("aux")) return c;
        return root;
    }
}
