package org.sitrep.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Modality;
import org.sitrep.analysis.Polarity;
import org.sitrep.analysis.Quote;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.Cues;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Decides what each candidate event is, as CAMEO codes statements: what is asked, promised, threatened,
 * rejected or criticised is the content of that speech act, not an event of its own ("Yemen rejected a
 * U.S. request"); a stated intention is itself the event: cooperative ones are AGREE ("Portugal will
 * support ..."), hostile ones THREATEN ("farmers said they would blockade Paris"), and a refusal is
 * REJECT ("Syria will not accept more refugees"). A political speaker's quote telling of another
 * party's hostile acts is an accusation.
 */
public final class FramingStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.MENTIONS, Layer.QUOTES, Layer.EVENTS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.EVENTS);
    }

    private static final Set<String> CONTENT_RELS = Set.of("xcomp", "ccomp", "obj", "csubj", "nsubj:pass");

    private final Codebook codebook;
    private final Cues cues;

    public FramingStage(Codebook codebook, Cues cues) {
        this.codebook = codebook;
        this.cues = cues;
    }

    @Override
    public void process(Analysis a) {
        for (EventDraft e : a.events()) content(a, e);
        for (EventDraft g : a.events()) claimed(a, g);
        for (EventDraft e : a.events()) grounds(a, e);
        for (EventDraft e : a.events()) protestDemand(a, e);
        speechActs(a);
        for (EventDraft e : a.events()) intent(e);
        for (EventDraft e : a.events()) rejectedAsk(a, e);
        for (EventDraft e : a.events()) statementGoesOn(a, e);
    }

    // ---------------------------------------------------------------- one statement, told once

    /**
     * "South Korea rejected North Korea's demand to sever the alliance", "rejected Thursday a U.N. appeal", "would not
     * meet the hostage-takers' demands": the demand or offer that is rejected was made before and is what the
     * rejection is about; the rejection is the event.
     */
    private void rejectedAsk(Analysis a, EventDraft e) {
        if (!e.emitted() || e.code() == null) return;
        String framing = codebook.framing(e.code().code());
        if (!"demanded".equals(framing) && !"promised".equals(framing)) return;
        Sentence s = a.sentences().get(e.sentence());
        Token x = s.token(e.trigger());
        for (int step = 0; step < 2; step++) {
            // "rejected Thursday a U.N. appeal": the parser may hang the object on the day
            if (!Set.of("obj", "dep", "nsubj", "ccomp", "xcomp", "nmod").contains(x.relation())
                    && !x.deprel().equals("obl:tmod")) return;
            Token gov = s.head(x);
            if (gov == null) return;
            EventDraft g = eventAt(a, s, gov);
            if (g != null && g != e && g.emitted()) {
                if (!g.code().root().equals("12")) return;
                e.setContentOf(g);
                e.setModality(Modality.REJECTED);
                e.setNote("content of " + g.code().code() + " \"" + g.rule() + "\": what was rejected");
                return;
            }
            x = gov;
        }
    }

    /**
     * "The United States defended the troops' right to fire and insisted the unrest was ethnic", "rejected the proposal,
     * urging India to sign another": an appeal or demand that goes on from the same speaker's statement in the same
     * sentence is part of that statement, as a report tells it once.
     */
    private void statementGoesOn(Analysis a, EventDraft e) {
        if (!e.emitted() || e.code() == null) return;
        String root = e.code().root();
        if (!root.equals("02") && !root.equals("10")) return;
        Sentence s = a.sentences().get(e.sentence());
        Token t = s.token(e.trigger());
        boolean goesOn = t.isVerb()
                && (t.deprel().equals("conj")
                        || t.pos().equals("VBG")
                                && Set.of("advcl", "dep", "xcomp").contains(t.deprel()));
        if (!goesOn) return;
        Token x = t;
        for (int step = 0; step < 3; step++) {
            x = s.head(x);
            if (x == null) return;
            EventDraft g = eventAt(a, s, x);
            if (g == null || g == e) continue;
            if (!g.emitted() || !s.token(g.trigger()).isVerb()) return;
            // only from a statement ("arrived and ordered the forces to push them back" tells two acts)
            if (!cues.is("statement-root", g.code().root())) return;
            if (!e.source().isEmpty() && !g.source().isEmpty() && !sameSpeaker(e.source(), g.source())) return;
            e.setMergedInto(g);
            g.addMention(e.sentence(), e.trigger());
            return;
        }
    }

    private static boolean sameSpeaker(List<Mention> one, List<Mention> other) {
        for (Mention m : one) if (sameActor(m, other)) return true;
        return false;
    }

    // ---------------------------------------------------------------- content of other events

    private void content(Analysis a, EventDraft e) {
        Sentence s = a.sentences().get(e.sentence());
        Token x = s.token(e.trigger());
        for (int step = 0; step < 3; step++) {
            Token gov = s.head(x);
            if (gov == null) return;
            String rel = x.deprel();
            boolean purpose = (rel.equals("advcl") || rel.equals("xcomp")) && s.hasMark(x, "to")
                    || rel.equals("advcl") && x.pos().equals("VBG");
            boolean content = CONTENT_RELS.contains(rel)
                    || purpose
                    || (x.relation().equals("nmod") || x.relation().equals("obl"))
                            && Set.of("of", "for", "on", "over", "against", "with")
                                    .contains(String.valueOf(s.caseOf(x)))
                            && !x.isVerb();
            if (!content && !rel.equals("conj")) return;
            EventDraft g = eventAt(a, s, gov);
            // "expressed dissatisfaction with the interrogation": what a disapproval is with is what it is about
            if ("with".equals(s.caseOf(x)) && !x.isVerb()) {
                EventDraft w = g != null ? g : covering(a, s, gov); // the noun of "expressed dissatisfaction"
                if (w == null || w == e || !w.code().root().equals("11")) return;
                g = w;
            }
            if (g == null && content && !x.isVerb() && grievancePhrase(s, gov)) {
                // "a hunger strike in protest of the government's refusal", "a strike in protest of the arrest": what
                // the act protests is its grievance, told as known, not news of its own
                EventDraft act = s.head(gov) == null ? null : eventAt(a, s, s.head(gov));
                if (act != null && act != e) {
                    e.setContentOf(act);
                    if (e.modality() == Modality.ACTUAL) e.setModality(Modality.CONTENT);
                    e.setNote("what " + act.code().code() + " \"" + act.rule() + "\" protests");
                    return;
                }
            }
            if (g == null && purpose && gov.isVerb()) {
                // "continued their hunger strike to demand ...": the purpose belongs to the event the light verb
                // carries
                Token obj = s.child(gov, "obj");
                if (obj != null) g = eventAt(a, s, obj);
            }
            if (g == null && content && !purpose && gov.isVerb() && !x.isVerb()) {
                // "rallies were held against the execution", "staged a sit-in over the arrests": the protest the verb
                // carries is what the phrase is about
                Token carried = s.child(gov, "obj") != null ? s.child(gov, "obj") : s.child(gov, "nsubj:pass");
                EventDraft p = carried == null ? null : eventAt(a, s, carried);
                if (p != null && p != e && p.code().root().equals("14")) g = p;
            }
            if (g != null && g != e && content) {
                // "protests against police brutality", "marched over the shooting": what a protest is about is its
                // grievance, not an act told here
                if (g.code().root().equals("14") && s.token(e.trigger()).isNoun() && !purpose) {
                    e.setContentOf(g);
                    if (e.modality() == Modality.ACTUAL) e.setModality(Modality.CONTENT);
                    e.setNote("what the protest " + g.code().code() + " \"" + g.rule() + "\" is about");
                    return;
                }
                absorb(e, g, purpose);
                return;
            }
            if (g != null) return;
            x = gov;
        }
    }

    /**
     * "claimed responsibility for a car bomb at a market that killed eight", "denied involvement in the attack on the
     * convoy which left ten dead": all the phrase of a claim or denial of responsibility tells is what is claimed or
     * denied, however deep the parser hangs it, not an act told by the reporter.
     */
    private void claimed(Analysis a, EventDraft g) {
        if (g.mergedInto() != null || g.contentOf() != null || !MergeStage.responsibility(g)) return;
        Sentence s = a.sentences().get(g.sentence());
        Token object = s.child(s.token(g.trigger()), "obj");
        if (object == null) object = s.token(g.trigger()).isNoun() ? s.token(g.trigger()) : null;
        if (object == null) return;
        for (EventDraft e : a.events()) {
            if (e == g
                    || e.sentence() != g.sentence()
                    || e.contentOf() != null
                    || e.mergedInto() != null
                    || !s.dominates(object, s.token(e.trigger()))) continue;
            claim(e, g);
        }
        // "a car bomb that killed eight and wounded 100": what is told with a claimed act is claimed with it
        for (EventDraft e : a.events()) {
            if (e.sentence() != g.sentence() || e.contentOf() != null || e == g) continue;
            Token t = s.token(e.trigger());
            if (!t.deprel().equals("conj")) continue;
            EventDraft first = eventAt(a, s, s.head(t));
            if (first != null && first.contentOf() == g) claim(e, g);
        }
    }

    private static void claim(EventDraft e, EventDraft g) {
        e.setContentOf(g);
        if (e.modality() == Modality.ACTUAL) e.setModality(Modality.CONTENT);
        e.setNote("content of " + g.code().code() + " \"" + g.rule() + "\"");
    }

    /**
     * "two nationals suspected of blowing up a plane", "a missionary arrested for collaborating with the enemy": what
     * someone is suspected, charged, held or punished for (cues "suspicion") is an allegation, not an act told.
     */
    private void grounds(Analysis a, EventDraft e) {
        if (!e.emitted()) return;
        Sentence s = a.sentences().get(e.sentence());
        Token t = s.token(e.trigger());
        Token gov = s.head(t);
        if (gov == null || !cues.is("suspicion", gov.lemma())) return;
        String marker = s.caseOf(t);
        if (marker == null && t.isVerb())
            marker =
                    s.children(t, "mark").stream().map(Token::lower).findFirst().orElse(null);
        if (!Set.of("of", "for", "with").contains(String.valueOf(marker))) return;
        EventDraft g = eventAt(a, s, gov);
        if (g != null && g != e) e.setContentOf(g);
        e.setModality(Modality.CONTENT);
        e.setNote("the grounds of \"" + gov.text() + "\": an allegation, not an act told");
    }

    /**
     * "Thousands marched through the capital on Sunday, calling for new elections": a demand told as a participle of a
     * protest is what the protest is for, however the parser attaches it, not a request of its own.
     */
    private void protestDemand(Analysis a, EventDraft e) {
        Sentence s = a.sentences().get(e.sentence());
        Token t = s.token(e.trigger());
        if (e.contentOf() != null
                || e.mergedInto() != null
                || e.code() == null
                || !t.pos().equals("VBG")
                || !(e.code().root().equals("10") || e.code().root().equals("02"))) return;
        Token x = t;
        for (int step = 0; step < 4; step++) {
            x = s.head(x);
            if (x == null) return;
            EventDraft g = eventAt(a, s, x);
            if (g == null) continue;
            if (!g.code().root().equals("14")) return;
            e.setContentOf(g);
            if (e.modality() == Modality.ACTUAL) e.setModality(Modality.PURPOSE);
            e.setNote("what the protest " + g.code().code() + " \"" + g.rule() + "\" demands");
            return;
        }
    }

    private void absorb(EventDraft e, EventDraft g, boolean purpose) {
        String root = g.code().root();
        String modality = codebook.framing(g.code().code()); // cameo.tsv: "demanded" for appeals and demands, ...
        if (modality == null && purpose) modality = "purpose";
        if (root.equals("03") && e.code().hostile() && e.code().quadClass() >= 3) {
            // "vowed to continue their demonstrations", "pledged to retaliate": a promise of hostility is a threat
            g.setRule("promise of a hostile act -> "
                    + codebook.threatCode(e.code().root()) + " (" + g.rule() + ")");
            g.setCode(codebook.get(codebook.threatCode(e.code().root())));
            modality = "threatened";
        }
        if (modality == null) return;
        e.setContentOf(g);
        if (e.modality() == Modality.ACTUAL || e.modality() == Modality.FUTURE || e.modality() == Modality.INTENDED)
            e.setModality(Modality.of(modality));
        e.setNote("content of " + g.code().code() + " \"" + g.rule() + "\"");
        // "rejected North Korea's demand": the one whose demand it was is the target
        if (g.target().isEmpty()) {
            List<Mention> other =
                    e.source().stream().filter(m -> !sameActor(m, g.source())).toList();
            List<Mention> theirs =
                    e.target().stream().filter(m -> !sameActor(m, g.source())).toList();
            // "rejected North Korea's demand": whose demand; "offered to hand them over to Britain": to whom
            g.addTargets(!other.isEmpty() ? other : theirs);
        }
    }

    /** The token is the noun of "in protest of/against/at/over" (cues cause-phrase). */
    private boolean grievancePhrase(Sentence s, Token t) {
        for (Cues.Hit hit : cues.find("cause-phrase", s))
            if (hit.phrase().startsWith("in protest") && t.index() >= hit.from() && t.index() <= hit.to()) return true;
        return false;
    }

    private static boolean sameActor(Mention m, List<Mention> side) {
        for (Mention x : side) {
            if (x == m
                    || x.code() != null && x.code().equals(m.code())
                    || x.country() != null && x.country().equals(m.country())) return true;
        }
        return false;
    }

    /** The event whose trigger words include the token ("dissatisfaction" of "expressed dissatisfaction"). */
    private static EventDraft covering(Analysis a, Sentence s, Token t) {
        for (EventDraft e : a.events())
            if (e.sentence() == s.index()
                    && e.mergedInto() == null
                    && t.index() >= e.triggerFrom()
                    && t.index() <= e.triggerTo()) return e;
        return null;
    }

    private static EventDraft eventAt(Analysis a, Sentence s, Token t) {
        for (EventDraft e : a.events())
            if (e.sentence() == s.index() && e.trigger() == t.index() && e.mergedInto() == null) return e;
        return null;
    }

    // ---------------------------------------------------------------- intentions and refusals

    private void intent(EventDraft e) {
        if (e.contentOf() != null || e.mergedInto() != null || e.code() == null) return;
        if (e.modality() == Modality.OBLIGATION) {
            // "Russia said Sudan must return the helicopter": Russia demands it of Sudan
            if (e.attributionActor() == null || e.source().isEmpty()) return;
            List<Mention> obliged = new ArrayList<>(e.source());
            e.clearSource();
            e.addSource(e.attributionActor());
            e.clearTarget();
            e.addTargets(obliged);
            recode(e, "100", "stated obligation");
            return;
        }
        boolean stated =
                Set.of(Modality.FUTURE, Modality.INTENDED, Modality.POSSIBLE).contains(e.modality());
        if (e.polarity() == Polarity.NEGATED && (stated || e.modality() == Modality.ACTUAL && "will".equals(e.cue()))) {
            recode(e, "120", "refusal");
            return;
        }
        if (e.polarity() == Polarity.FAILED && cues.is("refusal", e.cue())) {
            recode(e, "120", "refusal");
            return;
        }
        if (!stated || e.polarity() != Polarity.ASSERTED || e.source().isEmpty()) return;
        String root = e.code().root();
        if (root.equals("03") || root.equals("13") || root.equals("12")) {
            e.setModality(Modality.ACTUAL);
            return;
        }
        boolean hostile = e.code().quadClass() >= 3
                && !Set.of("RETREAT", "CONCEDE").contains(e.code().plover());
        String code = hostile ? codebook.threatCode(root) : codebook.intentCode(root); // cameo.tsv columns 9 and 8
        recode(e, code, hostile ? "stated hostile intent" : "stated intent");
        e.setModality(Modality.INTENDED); // the statement is the event; what it announces has not happened
        e.setAnnounces(true);
    }

    private void recode(EventDraft e, String code, String why) {
        e.setRule(why + " -> " + code + " (act: " + e.rule() + ")");
        e.setCode(codebook.get(code));
        e.setPolarity(Polarity.ASSERTED);
        e.setModality(Modality.ACTUAL);
    }

    // ---------------------------------------------------------------- speech

    /**
     * A political speaker's quote that tells of another party's hostile act is coded as an accusation
     * by the speaker; a hostile act the speaker announces for the future is a threat. The quoted acts
     * themselves are then the content of the speech act, not events of their own.
     */
    private void speechActs(Analysis a) {
        List<EventDraft> added = new ArrayList<>();
        Map<Integer, EventDraft> actOfQuote = new HashMap<>();
        for (EventDraft e : a.events()) {
            if (!e.inQuote() || e.code() == null || e.contentOf() != null || e.mergedInto() != null) continue;
            Quote q = a.quotes().get(e.quote());
            Mention speaker = a.mentionAt(q.speakerSentence(), q.speakerToken());
            if (speaker == null || speaker.sectors().contains("MED")) continue;
            String side = speaker.country();
            boolean hostile = e.code().hostile();
            // an accusation needs two known sides: "police" with no country yet may be the speaker's own
            boolean byOther = side != null
                    && !e.source().isEmpty()
                    && e.source().stream().allMatch(m -> m.country() != null && !side.equals(m.country()));
            boolean future = e.modality() == Modality.FUTURE;
            EventDraft act = null;
            if (hostile
                    && future
                    && (e.code().quadClass() >= 3 || e.code().root().equals("11"))) {
                act = speech(a, q, e, speaker, "130", "speech:future-hostile-act -> threaten");
                act.addTargets(e.target().isEmpty() ? e.source() : e.target());
            } else if (hostile
                    && byOther
                    && e.modality() == Modality.ACTUAL
                    && e.code().quadClass() == 4) {
                act = speech(a, q, e, speaker, "112", "speech:quoted-hostile-act -> accuse");
                act.addTargets(e.source());
            } else if (e.code().root().equals("10") || e.code().root().equals("02")) {
                if (e.source().isEmpty() || e.source().stream().allMatch(m -> m.kind() == Mention.Kind.PRONOUN)) {
                    e.clearSource();
                    e.addSource(speaker);
                }
                continue;
            } else {
                if (e.attributionActor() == null) {
                    e.setAttributionActor(speaker);
                    e.setAttributionText(speaker.text());
                    e.setAttributionCue(q.cue());
                }
                continue;
            }
            e.setMergedInto(act);
            added.add(act);
            actOfQuote.put(e.quote(), act);
        }
        weAreWhoSaysIt(a); // before the accusation takes the acts that still have no doer
        // the rest of an accusing quote's hostile acts with no doer of their own ("..., wounding many") belong to the
        // accusation
        for (EventDraft e : a.events()) {
            EventDraft act = actOfQuote.get(e.quote());
            if (e.inQuote()
                    && e.mergedInto() == null
                    && act != null
                    && e.source().isEmpty()
                    && e.code().hostile()
                    && e.code().quadClass() == 4) e.setMergedInto(act);
        }
        a.addEvents(added);
        a.sortEvents((x, y) -> x.sentence() != y.sentence() ? x.sentence() - y.sentence() : x.trigger() - y.trigger());
    }

    /**
     * "'we have arrested five persons,' the SP said": the one the event is attributed to is who "we" are, also where
     * no quote marks gave the speaker ({@link org.sitrep.quotes.QuoteStage} resolves "we" only inside marked quotes).
     */
    private static void weAreWhoSaysIt(Analysis a) {
        for (EventDraft e : a.events()) {
            Sentence s = a.sentences().get(e.sentence());
            Token subject = s.child(s.token(e.trigger()), "nsubj");
            Mention who = e.attributionActor();
            if (e.source().isEmpty()
                    && subject != null
                    && subject.lower().equals("we")
                    && who != null
                    && who.code() != null) e.addSource(who);
        }
    }

    private EventDraft speech(Analysis a, Quote q, EventDraft content, Mention speaker, String code, String rule) {
        EventDraft act = new EventDraft();
        boolean atCue = q.cueSentence() >= 0;
        act.setSentence(atCue ? q.cueSentence() : content.sentence());
        act.setTrigger(atCue ? q.cueToken() : content.trigger());
        act.setTriggerFrom(act.trigger());
        act.setTriggerTo(act.trigger());
        act.setCode(codebook.get(code));
        act.setRule(rule + " (content: " + content.rule() + ")");
        act.addSource(speaker);
        act.setDateValue(a.published().toString());
        act.setDatePrecision(org.sitrep.analysis.DatePrecision.DAY);
        act.setDateFrom("publication");
        act.setLocation(content.location());
        act.setBackgrounded(!atCue);
        return act;
    }
}
