package org.sitrep.events;

import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.RelationType;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Cues;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Causal links between events: connectives ("the storming, in response to U.S. airstrikes") and
 * causative verbs ("the airstrikes that incited the protests"). Links join canonical events, so a
 * re-mention ("the protests") links the event it re-mentions.
 */
public final class RelationStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.EVENTS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.RELATIONS);
    }

    private final Cues cues;

    public RelationStage(Cues cues) {
        this.cues = cues;
    }

    @Override
    public void process(Analysis a) {
        for (Sentence s : a.sentences()) {
            phrases(a, s);
            verbs(a, s);
        }
    }

    /** EFFECT "in response to" CAUSE: the cause is the connective's object, the effect what it is attached to. */
    private void phrases(Analysis a, Sentence s) {
        for (Cues.Hit hit : cues.find("cause-phrase", s)) {
            String lastWord = hit.phrase().substring(hit.phrase().lastIndexOf(' ') + 1);
            Token top = s.headOf(hit.from(), hit.to());
            Token object = null;
            for (int k = hit.to() + 1; k < s.size() && object == null; k++) {
                Token t = s.token(k);
                if ((t.head() >= hit.from() && t.head() <= hit.to()) || lastWord.equals(s.caseOf(t))) object = t;
            }
            if (object == null) continue;
            EventDraft cause = eventUnder(a, s, object);
            Token gov = s.head(top);
            Token subj = s.child(top, "nsubj");
            EventDraft effect =
                    subj != null ? eventUnder(a, s, subj) : null; // "the airstrikes were in response to ..."
            if (effect == null && gov != null) effect = eventAt(a, s, gov);
            if (effect == null) effect = nearestBefore(a, s, hit.from());
            link(a, cause, effect, hit.phrase());
        }
    }

    private void verbs(Analysis a, Sentence s) {
        for (Token v : s.tokens()) {
            if (!v.isVerb() || !cues.is("cause-verb", v.lemma())) continue;
            Token subj = s.child(v, "nsubj");
            if (subj != null
                    && (subj.pos().equals("WDT") || subj.pos().equals("WP"))
                    && v.deprel().equals("acl:relcl")) subj = s.head(v);
            Token obj = s.child(v, "obj");
            if (subj == null || obj == null) continue;
            link(a, eventUnder(a, s, subj), eventUnder(a, s, obj), v.lemma());
        }
    }

    private static EventDraft eventAt(Analysis a, Sentence s, Token t) {
        for (EventDraft e : a.events()) if (e.sentence() == s.index() && e.trigger() == t.index()) return e.canonical();
        return null;
    }

    /** The event triggered at t or closest below it (not inside a relative clause). */
    private static EventDraft eventUnder(Analysis a, Sentence s, Token t) {
        EventDraft best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (EventDraft e : a.events()) {
            if (e.sentence() != s.index()) continue;
            int d = 0;
            for (Token x = s.token(e.trigger()); x != null; x = s.head(x), d++) {
                if (x.index() == t.index()) {
                    if (d < bestDepth) {
                        best = e;
                        bestDepth = d;
                    }
                    break;
                }
                if (x.deprel().equals("acl:relcl") && x.index() != t.index()) break;
            }
        }
        return best == null ? null : best.canonical();
    }

    private static EventDraft nearestBefore(Analysis a, Sentence s, int index) {
        EventDraft best = null;
        for (EventDraft e : a.events()) if (e.sentence() == s.index() && e.trigger() < index) best = e;
        return best == null ? null : best.canonical();
    }

    private static void link(Analysis a, EventDraft cause, EventDraft effect, String cue) {
        if (cause == null || effect == null || cause == effect) return;
        for (Analysis.Relation r : a.relations()) if (r.from() == cause && r.to() == effect) return;
        a.addRelation(new Analysis.Relation(RelationType.CAUSE, cause, effect, cue));
    }
}
