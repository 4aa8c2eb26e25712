package org.sitrep.model;

import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.Codebook;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Stage;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The event model's second opinion, after the rules (off by default: {@code sitrep code --model}). A sentence where
 * the rules found nothing at all, not even a negated or planned event, and which the model calls an event with
 * probability at least {@link Settings#add()}, gets one event (rule "model:TYPE", the probability as confidence,
 * the sentence's main verb as trigger, the sides from the actor mentions in its subject and object). Where the
 * rules coded an event and the model is at least {@link Settings#disagree()} sure of something else, the document
 * gets a warning saying so; the rule event stays as it is.
 */
public final class ModelStage implements Stage {

    /** Thresholds on the PLOVER head's probability; sentences shorter than {@code minTokens} are left alone. */
    public record Settings(double add, double disagree, int minTokens) {
        public static final Settings DEFAULT = new Settings(0.95, 0.9, 5);
    }

    private final EventModel model;
    private final Encoder encoder;
    private final Settings settings;
    private final Map<String, Codebook.Code> byMode = new HashMap<>();
    private final Map<String, Codebook.Code> byType = new HashMap<>();

    public ModelStage(EventModel model, Encoder encoder, Codebook codebook, Settings settings) {
        if (!model.encoder().equals(encoder.name()))
            throw new IllegalArgumentException("the head was trained on " + model.encoder() + ", not on " + encoder.name());
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

    @Override
    public void process(Analysis a) {
        Set<Integer> drafted = new HashSet<>(), emitted = new HashSet<>();
        for (EventDraft e : a.events) {
            drafted.add(e.sentence);
            if (e.emitted()) emitted.add(e.sentence);
        }
        List<Sentence> ask = new ArrayList<>();
        for (Sentence s : a.sentences)
            if (s.size() >= settings.minTokens() && (!drafted.contains(s.index()) || emitted.contains(s.index()))) ask.add(s);
        if (ask.isEmpty()) return;
        float[][] vectors = encoder.encode(ask.stream().map(Sentence::text).toList());
        List<EventDraft> added = new ArrayList<>();
        for (int i = 0; i < ask.size(); i++) {
            Sentence s = ask.get(i);
            EventModel.Prediction p = model.predict(vectors[i]);
            if (!drafted.contains(s.index())) {
                if (p.event() && p.ploverProbability() >= settings.add()) {
                    EventDraft e = event(a, s, p);
                    if (e != null) added.add(e);
                }
            } else if (p.ploverProbability() >= settings.disagree()) {
                for (EventDraft e : a.events) {
                    if (e.sentence != s.index() || !e.emitted() || e.code.plover() == null || e.code.plover().equals(p.plover())) continue;
                    a.warnings.add(String.format(Locale.ROOT, "model disagrees: sentence %d, '%s' coded %s by %s; the model says %s (%.2f)",
                            s.index(), s.token(e.trigger).text(), e.code.plover(), e.rule, p.plover(), p.ploverProbability()));
                }
            }
        }
        if (added.isEmpty()) return;
        a.events.addAll(added);
        a.events.sort((x, y) -> x.sentence != y.sentence ? x.sentence - y.sentence : x.trigger - y.trigger);
    }

    private EventDraft event(Analysis a, Sentence s, EventModel.Prediction p) {
        Codebook.Code code = p.mode() != null && byMode.containsKey(p.plover() + "/" + p.mode())
                ? byMode.get(p.plover() + "/" + p.mode()) : byType.get(p.plover());
        Token trigger = mainVerb(s);
        if (code == null || trigger == null) return null;
        EventDraft e = new EventDraft();
        e.sentence = s.index();
        e.trigger = e.triggerFrom = e.triggerTo = trigger.index();
        e.code = code;
        e.rule = "model:" + p.plover();
        e.confidence = Math.round(p.ploverProbability() * 1000) / 1000.0;
        for (Token c : s.children(trigger)) {
            Mention m = a.mentionCovering(s.index(), c.index());
            if (m == null) continue;
            String rel = c.deprel();
            if (rel.equals("nsubj") || rel.equals("obl:agent")) e.source.add(m);
            else if (rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("iobj")) e.target.add(m);
        }
        e.dateValue = a.published.toString();
        e.datePrecision = "day";
        e.dateFrom = "publication";
        for (PlaceMention pm : a.places) if (pm.sentence() == s.index() && pm.locative()) { e.location = pm; break; }
        e.inQuote = a.quoteAt(trigger.start()) != null;
        return e;
    }

    /** The root if it is a verb, else the first verb that depends on it, else the root itself (a headline's noun). */
    static Token mainVerb(Sentence s) {
        Token root = null;
        for (Token t : s.tokens()) if (t.head() < 0 && !t.pos().matches("\\p{Punct}+")) { root = t; break; }
        if (root == null) return null;
        if (root.isVerb()) return root;
        for (Token c : s.children(root)) if (c.isVerb() && !c.deprel().startsWith("aux")) return c;
        return root;
    }
}
