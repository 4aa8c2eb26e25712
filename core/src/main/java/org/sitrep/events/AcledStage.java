package org.sitrep.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Gives every coded event ACLED's event and sub-event type (data/events/acled.tsv). Runs after the events are
 * merged, because ACLED's types depend on the other events told nearby: a protest with police firing on it is
 * "Excessive force against protesters", not a peaceful protest.
 * Where the event model read the sentence and agrees on the PLOVER type, its sub-event type may stand in for a generic
 * answer of the table (see {@link AcledCrosswalk#refine}).
 * Needs: sentences, mentions, events with codes, sides, contexts and counts; the model's opinions. Sets: {@link EventDraft#acled}.
 */
public final class AcledStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.EVENTS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.EVENTS);
    }

    private final AcledCrosswalk crosswalk;

    public AcledStage(AcledCrosswalk crosswalk) {
        this.crosswalk = crosswalk;
    }

    @Override
    public void process(Analysis a) {
        List<EventDraft> told = new ArrayList<>();
        for (EventDraft e : a.events()) if (e.emitted()) told.add(e);
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null || e.code() == null || e.note() != null) continue; // not an event of its own
            e.setAcled(crosswalk.classify(new Facts(a, e, told)));
            Analysis.Opinion o = a.opinions().get(e.sentence()); // the event model's, where it read this sentence
            if (o != null && o.event() && o.plover().equals(e.code().plover()))
                e.setAcled(crosswalk.refine(e.acled(), o.plover(), o.acled(), o.acledProbability()));
        }
    }

    /**
     * Whether the event model's sub-event type could replace the table's answer for this event (asked before the model
     * runs, so that it reads only sentences where it can change something; see {@link AcledCrosswalk#refinable}).
     */
    public boolean refinable(Analysis a, EventDraft e) {
        if (e.code() == null || e.code().plover() == null) return false;
        List<EventDraft> told = new ArrayList<>();
        for (EventDraft d : a.events()) if (d.emitted()) told.add(d);
        return crosswalk.refinable(
                crosswalk.classify(new Facts(a, e, told)), e.code().plover());
    }

    /** The crosswalk's questions answered for one event from the analysis. */
    private record Facts(Analysis a, EventDraft e, List<EventDraft> told) implements AcledCrosswalk.Facts {
        public String plover() {
            return e.code().plover();
        }

        public String cameo() {
            return e.code().code();
        }

        public String mode() {
            return e.code().mode();
        }

        public List<String> contexts() {
            return e.contexts();
        }

        public boolean killed() {
            Object k = e.counts().get("killed");
            return k != null && !"0".equals(String.valueOf(k));
        }

        public boolean sideEmpty(String side) {
            return sideOf(side).isEmpty();
        }

        public boolean side(String side, AcledCrosswalk.Group g) {
            for (Mention m : sideOf(side)) {
                if (g.sectors()) {
                    if (m.sectors().stream().anyMatch(g.members()::contains)) return true;
                    // "Israeli attacks", "Russia shelled": a country acting by itself is its state (not so a country
                    // acted
                    // on: "attacked the Pakistan Stock Exchange" names a building there)
                    if (side.equals("source")
                            && m.sectors().isEmpty()
                            && m.code() != null
                            && m.code().equals(m.country())
                            && g.members().contains("GOV")) return true;
                } else if (m.text() == null) {
                    if (m.name() != null && g.members().contains(m.name().toLowerCase(Locale.ROOT))) return true;
                } else if (has(g, a.sentences().get(m.sentence()), m.from(), m.to())) {
                    return true;
                }
            }
            return false;
        }

        private List<Mention> sideOf(String side) {
            return side.equals("source") ? e.source() : e.target();
        }

        /** The object or passive subject of the trigger, what a noun trigger is "of", and the target's words. */
        public boolean object(AcledCrosswalk.Group g) {
            Sentence s = a.sentences().get(e.sentence());
            Token t = s.token(e.trigger());
            for (Token c : s.children(t)) {
                String rel = c.deprel();
                boolean object = rel.equals("obj")
                        || rel.equals("dobj")
                        || rel.startsWith("nsubj:pass")
                        || rel.equals("nsubjpass")
                        || (t.isNoun() && (rel.equals("nmod:of") || rel.equals("compound")));
                if (!object) continue;
                int[] span = s.span(c);
                if (has(g, s, span[0], span[1])) return true;
            }
            return !g.sectors() && side("target", g);
        }

        public boolean trigger(AcledCrosswalk.Group g) {
            return has(
                    g,
                    a.sentences().get(e.sentence()),
                    Math.min(e.triggerFrom(), e.trigger()),
                    Math.max(e.triggerTo(), e.trigger()));
        }

        public boolean words(AcledCrosswalk.Group g) {
            Sentence s = a.sentences().get(e.sentence());
            return has(g, s, 0, s.size() - 1);
        }

        public boolean near(AcledCrosswalk.Group g) {
            for (int i = Math.max(0, e.sentence() - 1);
                    i <= Math.min(a.sentences().size() - 1, e.sentence() + 1);
                    i++) {
                Sentence s = a.sentences().get(i);
                if (has(g, s, 0, s.size() - 1)) return true;
            }
            return false;
        }

        public boolean event(String plover, Set<String> modes) {
            for (EventDraft o : told) {
                if (o == e || o.code() == null || Math.abs(o.sentence() - e.sentence()) > 1) continue;
                if (plover.equals(o.code().plover())
                        && (modes.isEmpty()
                                || o.code().mode() != null
                                        && modes.contains(o.code().mode()))) return true;
            }
            return false;
        }
    }

    /** Whether a word or phrase of the group appears in tokens [from, to], each word matched by lemma or lowercase form. */
    static boolean has(AcledCrosswalk.Group g, Sentence s, int from, int to) {
        for (String phrase : g.members()) {
            String[] words = phrase.split(" ");
            for (int i = from; i + words.length - 1 <= to; i++) {
                boolean all = true;
                for (int k = 0; k < words.length && all; k++) all = matches(s.token(i + k), words[k]);
                if (all) return true;
            }
        }
        return false;
    }

    private static boolean matches(Token t, String word) {
        return t.lower().equals(word)
                || (t.lemma() != null && t.lemma().toLowerCase(Locale.ROOT).equals(word));
    }
}
