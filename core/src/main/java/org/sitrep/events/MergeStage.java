package org.sitrep.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Modality;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.analysis.Polarity;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.ImpliedAgents;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Finishes the events of a document: acts whose agent goes without saying get it ("were arrested": the
 * police), generic actors take the country of the event's place; repeated mentions of one event ("the
 * protests", "after the protestors stormed the compound") join the event first told. What happened stays an
 * event even when nobody is named as doing it ("seven people were left dead"): it only loses confidence.
 */
public final class MergeStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.PLACES, Layer.MENTIONS, Layer.EVENTS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.EVENTS);
    }

    private final ImpliedAgents implied;
    private final Cues cues;

    public MergeStage(ImpliedAgents implied, Cues cues) {
        this.implied = implied;
        this.cues = cues;
    }

    @Override
    public void process(Analysis a) {
        for (EventDraft e : a.events()) {
            if (e.mergedInto() == null && e.note() == null && e.code().plover() == null && !responsibility(e))
                e.setNote("a statement with no PLOVER event type");
        }
        for (EventDraft e : a.events()) {
            Token t = a.sentences().get(e.sentence()).token(e.trigger());
            Sentence s = a.sentences().get(e.sentence());
            boolean recalled = t.deprel().equals("acl:relcl")
                    && s.children(t, "aux").stream().anyMatch(x -> x.lower().equals("had"));
            if (e.note() == null && recalled)
                e.setNote("background: recalled in a relative clause (\"whom they had taken hostage\")");
            // "killed by rockets fired from across the border": a weapon's firing told as a participle is the act
            boolean fired = cues.is("means-verb", t.lemma())
                    && e.code().mode() != null
                    && cues.is("weapon-mode", e.code().mode());
            // "over 250 activists arrested from the city", "the 51 people detained for rioting": a participle that
            // counts whom it was done to reports the act, like a toll
            Token described = s.head(t);
            // ("were on Wednesday taken into custody", parsed as "Wednesday taken": a day describes nothing)
            boolean reports = described != null
                    && (s.child(described, "nummod") != null || cues.is("weekday", described.lower()));
            if (e.note() == null && t.deprel().equals("acl") && t.pos().equals("VBN") && !fired && !reports) {
                e.setNote("background: a participle describing something (\"the curfew imposed in 1989\")");
            }
            if (e.note() == null && setting(a, s, t, e)) e.setNote(SETTING + " (\"after the clashes\")");
            if (e.note() == null && cause(a, s, t, e))
                e.setNote(CAUSE + " (\"surrendered in the face of an offensive\")");
            if (e.note() == null && t.deprel().equals("acl:relcl") && earlier(s, t))
                e.setNote(RECALLED + " (\"where ten were killed last year\")");
            if (e.note() == null && describes(a, s, t, e))
                e.setNote(RECALLED + " (\"Hamas, which advocates Israel's destruction\")");
        }
        for (EventDraft e : a.events()) {
            // "where ten people have been killed in riots": what a background clause tells is background with it
            if (e.note() != null || e.mergedInto() != null) continue;
            Sentence s = a.sentences().get(e.sentence());
            Token t = s.token(e.trigger());
            if (!(t.isNoun() && (t.relation().equals("obl") || t.relation().equals("nmod"))
                    || t.deprel().equals("conj"))) continue;
            Token gov = s.head(t);
            EventDraft g = gov == null
                    ? null
                    : a.events().stream()
                            .filter(o -> o != e && o.sentence() == e.sentence() && o.trigger() == gov.index())
                            .findFirst()
                            .orElse(null);
            if (g != null
                    && g.note() != null
                    && (g.note().startsWith(SETTING)
                            || g.note().startsWith(RECALLED)
                            || g.note().startsWith(CAUSE))) e.setNote(g.note());
        }
        retold(a);
        joinOutcomes(a); // before agents are implied: a toll's agent is the act's, not the one convention gives
        elaborations(a);
        fires(a);
        explosions(a);
        implyAgents(a);
        for (EventDraft e : a.events()) {
            if (e.mergedInto() == null
                    && e.note() == null
                    && e.source().isEmpty()
                    && e.target().isEmpty()
                    && !told(
                            a.sentences().get(e.sentence()),
                            a.sentences().get(e.sentence()).token(e.trigger()),
                            e)) {
                e.setNote("no actor identified, and only mentioned in passing");
            }
        }
        inferCountries(a);
        merge(a);
        for (EventDraft e : a.events()) e.setConfidence(confidence(e));
    }

    private static final String SETTING = "background: the setting of another event told";
    private static final String RECALLED = "background: told of someone or somewhere in a relative clause";
    private static final String CAUSE = "background: the cause of another event told";

    /**
     * "Fighters surrendered in the face of an offensive", "were abducted as a result of a pirate attack": the act a
     * causal phrase (cues "cause-background") names is the background of the event it is attached to. A toll it caused
     * ("killed as a result of the shelling") tells the act itself, and a cause of nothing coded ("the border was closed
     * because of fighting") is what the sentence has to tell: both stay news.
     */
    private boolean cause(Analysis a, Sentence s, Token t, EventDraft e) {
        if (!t.isNoun()) return false;
        for (Cues.Hit hit : cues.find("cause-background", s)) {
            if (hit.to() >= t.index()) continue;
            Token x = s.token(hit.to());
            while (x.head() >= hit.from() && x.head() <= hit.to()) x = s.head(x);
            Token object = s.head(x);
            if (object == null || object.index() != t.index()) continue;
            // what the phrase is attached to: the head of its own noun ("as a result of"), or of the object
            Token top = null;
            for (int k = hit.from(); k <= hit.to(); k++) {
                Token w = s.token(k);
                if (w.head() != t.index() && (w.head() < hit.from() || w.head() > hit.to())) top = w;
            }
            Token gov = s.head(top != null ? top : t);
            if (gov == null || toll(gov)) return false;
            return a.events().stream()
                    .anyMatch(o -> o != e && o.sentence() == e.sentence() && o.trigger() == gov.index());
        }
        return false;
    }

    /**
     * "Rebels surrendered following a government offensive", "demanded elections after a court cleared him", "in the
     * wake of the execution": what another event of the sentence came after (cues "setting") is its background, told
     * as already known, not news of its own.
     */
    private boolean setting(Analysis a, Sentence s, Token t, EventDraft e) {
        Token x = t;
        // "after ten days of fighting": a gerund in a phrase is placed as a noun is
        if (t.isNoun()
                || t.pos().equals("VBG")
                        && (t.relation().equals("nmod") || t.relation().equals("obl"))) {
            String c = s.caseOf(t);
            Token h = s.head(t);
            // "after twelve days of fighting": the span of time carries the preposition that places the fighting
            if (h != null && h.isNoun() && "of".equals(c) && cues.is("time-noun", h.lemma())) {
                x = h;
                c = s.caseOf(h);
                h = s.head(h);
            }
            // "in the wake of the execution": the frame noun carries the preposition that places it
            if (h != null && h.isNoun() && "of".equals(c) && cues.is("setting", h.lemma()) && x == t) x = h;
            else if (c == null || !cues.is("setting", c)) return false;
        } else if (t.isVerb() && t.deprel().equals("advcl")) {
            if (s.children(t, "mark").stream().noneMatch(m -> cues.is("setting", m.lower()))) return false;
        } else {
            return false;
        }
        Token gov = s.head(x);
        // "four were killed after soldiers opened fire": a toll is told by the act it came after, which is no
        // background
        if (gov == null || toll(gov)) return false;
        // "following a night of shelling that killed a soldier": an act told with its own toll is news
        List<Token> around = new ArrayList<>(s.children(t));
        if (x != t) around.addAll(s.children(x)); // or on the night it filled
        for (Token c : around) if ((c.relation().equals("acl") || c.deprel().equals("dep")) && toll(c)) return false;
        // "announced a suspension of air links one day after ...": the act the verb's object names
        Token obj = s.child(gov, "obj");
        return a.events().stream()
                .anyMatch(o -> o != e
                        && o.sentence() == e.sentence()
                        && o.code() != null
                        && (o.trigger() == gov.index()
                                || obj != null
                                        && o.mergedInto() == null
                                        && obj.index() >= o.triggerFrom()
                                        && obj.index() <= o.triggerTo()));
    }

    /**
     * A relative clause that tells what someone did or what happened somewhere before ("a town where ten people have
     * been killed this year", "guerrillas who overran it last month") describes a participant: background.
     */
    private boolean earlier(Sentence s, Token t) {
        if (s.children(t, "aux").stream().anyMatch(x -> x.lemma().equals("have"))) return true;
        for (Token c : s.children(t)) {
            if (!c.deprel().endsWith("tmod") && !c.relation().equals("advmod")) continue;
            if (cues.is("historical", c.lemma())
                    || s.children(c).stream()
                            .anyMatch(d -> d.lower().equals("last") || d.lower().equals("ago"))) return true;
        }
        return false;
    }

    /**
     * "a resolution that aims to tighten sanctions", "refugees whom the authorities blame for the conflict", "rebels who
     * are wanted on treason charges": a relative clause in the present tense says what a participant is or stands for,
     * not news of its own, when the sentence tells another event outside such clauses. A past one ("the men who
     * attacked the bus") still tells an act.
     */
    private boolean describes(Analysis a, Sentence s, Token t, EventDraft e) {
        if (!presentRelative(s, t)) return false;
        return a.events().stream()
                .anyMatch(o -> o != e
                        && o.sentence() == e.sentence()
                        && o.code() != null
                        && o.code().plover() != null
                        && relativeClause(s, s.token(o.trigger())) == null);
    }

    /** The token is in a relative clause whose own finite verb, the nearest above it, is in the present. */
    private static boolean presentRelative(Sentence s, Token t) {
        Token clause = relativeClause(s, t);
        if (clause == null) return false;
        for (Token x = t; x != null; x = s.head(x)) {
            Token verb = x;
            // "Hamas, which advocates ...": the parser may hang the verb on the relative pronoun
            if ((x.pos().equals("WDT") || x.pos().equals("WP")) && s.child(x, "dep") != null) verb = s.child(x, "dep");
            List<Token> aux = new ArrayList<>(s.children(verb, "aux"));
            aux.addAll(s.children(verb, "aux:pass"));
            if (!aux.isEmpty())
                return aux.stream()
                        .allMatch(v -> (v.pos().equals("VBZ") || v.pos().equals("VBP"))
                                && !v.lemma().equals("have"));
            if (verb.pos().matches("VBZ|VBP|VBD")) return !verb.pos().equals("VBD");
            if (x == clause) return false;
        }
        return false;
    }

    /** The relative clause the token is in, through its complements and coordinations; null outside one. */
    private static Token relativeClause(Sentence s, Token t) {
        Token x = t;
        for (int step = 0; step < 5 && x != null; step++) {
            if (x.deprel().equals("acl:relcl")) return x;
            if (!Set.of("xcomp", "ccomp", "conj", "obj", "dep", "nmod", "obl").contains(x.relation())) return null;
            x = s.head(x);
        }
        return null;
    }

    /**
     * A claim or denial of responsibility for an act ("claimed responsibility for the bombing", "denied involvement in
     * the attack": CAMEO 015, 016) is news in itself although PLOVER has no type for it. A bare "admitted" or "denied"
     * is as often about anything else, so only a pattern that names what is claimed or denied counts.
     */
    static boolean responsibility(EventDraft e) {
        String code = e.code().code();
        return (code.equals("015") || code.equals("016"))
                && e.rule() != null
                && e.rule().split(" -> ")[0].contains(" ");
    }

    /**
     * How much of the coding the text itself supports: both sides named with a country, a specific
     * (multi-word) pattern and a direct report raise it; countries inferred from context, hedging and
     * codes derived from speech or intent lower it.
     */
    static double confidence(EventDraft e) {
        double c = 0.4;
        if (e.source().stream().anyMatch(m -> m.country() != null || m.code() != null)) c += 0.2;
        if (e.target().stream().anyMatch(m -> m.country() != null || m.code() != null)) c += 0.15;
        if (e.rule() != null
                && (e.rule().startsWith("verb:") || e.rule().startsWith("noun:"))
                && e.rule().split(" -> ")[0].contains(" ")) c += 0.1;
        if (e.source().stream().anyMatch(Mention::countryInferred)
                || e.target().stream().anyMatch(Mention::countryInferred)) c -= 0.1;
        if (e.hedged()) c -= 0.15;
        if (e.source().isEmpty() && e.target().isEmpty()) c -= 0.15; // nobody named on either side
        if (e.rule() != null && !e.rule().startsWith("verb:") && !e.rule().startsWith("noun:")) c -= 0.1;
        return Math.round(Math.max(0.1, Math.min(0.95, c)) * 100) / 100.0;
    }

    // ---------------------------------------------------------------- context

    /**
     * "150 people had been arrested", "a curfew was imposed": when the clause names no agent at all, the one
     * who does such acts by convention (data/events/implied-agents.tsv) is the source, flagged inferred. A
     * subject the coder could not resolve ("the mob arrested ...") is a named agent, so nothing is implied.
     */
    private void implyAgents(Analysis a) {
        for (EventDraft e : a.events()) {
            if (!e.source().isEmpty() || e.mergedInto() != null || e.code() == null) continue;
            Sentence s = a.sentences().get(e.sentence());
            Token t = s.token(e.trigger());
            ImpliedAgents.Agent agent = implied.of(e.code().code(), t.lemma());
            // "the charged discussion": a participle describing a thing, not anyone it was done to, tells no act
            boolean describing = t.deprel().equals("amod")
                    && s.head(t) != null
                    && a.mentionAt(s.index(), s.head(t).index()) == null;
            if (agent == null || describing || !agentUnsaid(s, t)) continue;
            if (agent.self()) {
                if (e.target().isEmpty()
                        || !e.target().stream()
                                .allMatch(m -> m.sectors().stream().anyMatch(x -> cues.is("forces", x)))) continue;
                e.addSources(e.target());
                e.clearTarget();
                e.setRule(e.rule() + " + forces deployed as agent");
                continue;
            }
            e.addSource(Mention.implied(e.sentence(), e.trigger(), agent.name(), agent.sectors()));
            e.setRule(e.rule() + " + implied agent");
        }
    }

    /**
     * An event without any actor is kept when the sentence tells it ("weapons were seized", "gun attacks left seven
     * dead", a headline "Clashes in Karak"), not when it only sets the scene ("after the clashes", "the scene of
     * ethnic violence last March", "following the invasion"): those are re-mentions or background. An act named as
     * the cause of a toll ("injured in a grenade attack") is told by the toll.
     */
    boolean told(Sentence s, Token t, EventDraft e) {
        if (e.backgrounded()) return false;
        if (t.isVerb())
            return !t.relation().equals("acl")
                    && !t.relation().equals("amod")
                    && !t.relation().equals("advcl");
        if (t.deprel().equals("root")
                || t.relation().equals("nsubj")
                || t.deprel().equals("dep")) return true;
        // "a villager was injured in a grenade attack", "four died from gunfire": the toll tells the act
        Token head = s.head(t);
        // "activists were detained during protests in Moscow": what happened during a protest tells it happened
        if (e.code().root().equals("14")
                && t.relation().equals("obl")
                && head != null
                && head.isVerb()
                && DURING.contains(String.valueOf(s.caseOf(t)))) return true;
        return head != null && head.isVerb() && tollsCause(s, t);
    }

    /** The act is what a toll word names as its cause: "injured in a grenade attack", "killed in the firing". */
    private boolean tollsCause(Sentence s, Token t) {
        Token head = s.head(t);
        return head != null
                && toll(head)
                && (t.relation().equals("obl") || t.relation().equals("nmod"));
    }

    /** A word of a toll: "killed", "died", "wounded", "casualties". */
    private boolean toll(Token t) {
        return cues.is("count-killed", t) || cues.is("count-injured", t) || cues.is("outcome", t);
    }

    /** No subject, "by" phrase or possessive names who did it. */
    private boolean agentUnsaid(Sentence s, Token t) {
        if (EventStage.caseChild(s, t, List.of("by"), cues) != null) return false;
        // "forces intriguing to crush that fervour": an active infinitive is done by whoever the clause it completes
        // names, known or not; "while dispersing, the mob ...": so is a gerund that acts on no one (one that does,
        // "criticised the centre for not arresting them", often names no one)
        if (t.isVerb()
                && !EventStage.passive(s, t)
                && (t.pos().equals("VB") || t.pos().equals("VBG") && s.child(t, "obj") == null)
                && s.children(t).stream().noneMatch(c -> c.relation().equals("aux"))) return false;
        // a passive subject ("were arrested", "five arrested in raid") is whom it was done to, not who did it
        if (t.isVerb())
            return EventStage.reducedPassive(s, t)
                    || s.children(t).stream()
                            .noneMatch(c ->
                                    c.deprel().equals("nsubj") || c.deprel().equals("csubj"));
        return s.child(t, "nmod:poss") == null;
    }

    /** Generic actors with no country of their own take the event's place, marked as inferred. */
    private void inferCountries(Analysis a) {
        String focus = focusCountry(a);
        for (EventDraft e : a.events()) {
            // nobody named on either side: a place named where it happened is not whom it was done to
            if (e.target().isEmpty()
                    && !e.source().isEmpty()
                    && e.note() == null
                    && e.code() != null
                    && e.code().plover() != null) implicitTarget(a, e, focus);
        }
        for (EventDraft e : a.events()) {
            PlaceMention place = e.location();
            for (List<Mention> side : List.of(e.source(), e.target())) {
                List<Mention> other = side == e.source() ? e.target() : e.source();
                // where the sentence puts the event; else the country of a domestic actor facing them ("Sudanese police
                // arrested students"); else the document's main place
                String here = place != null && place.sentence() == e.sentence()
                        ? place.place().country()
                        : other.stream()
                                .filter(m -> !m.countryInferred()
                                        && m.country() != null
                                        && m.sectors().stream().anyMatch(x -> cues.is("domestic", x)))
                                .map(Mention::country)
                                .findFirst()
                                .orElse(place != null ? place.place().country() : focus);
                if (here == null) continue;
                java.util.function.UnaryOperator<Mention> located =
                        m -> takesPlaceCountry(m) ? m.withCountry(here, true) : m;
                if (side == e.source()) e.replaceSources(located);
                else e.replaceTargets(located);
            }
        }
    }

    /**
     * An event with no target named: where it happened abroad, that country, the host ("agreed to set up a centre in
     * Tokyo"); a protest or demand by people at home is aimed at that country's authorities, and a curfew, ban or raid
     * by the state at home at its people. The place is only where it happened, never whom it was done to: the side
     * carries no words of the text and is marked inferred.
     */
    private void implicitTarget(Analysis a, EventDraft e, String focus) {
        PlaceMention here = e.location() != null && e.location().sentence() == e.sentence() ? e.location() : null;
        String sourceCountry = e.source().stream()
                .map(Mention::country)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        // "killing one and arresting 12": an agent the act implies (no words, no country yet) is the focus country's
        if (sourceCountry == null && e.source().stream().anyMatch(m -> m.text() == null && takesPlaceCountry(m)))
            sourceCountry = focus;
        boolean directed = cues.is("directed", e.code().plover());
        // at home, the state acts on its people; anyone else addresses the authorities
        List<String> atHome = e.source().stream().anyMatch(m -> isState(a, m)) ? List.of("CVL") : List.of("GOV");
        String country = null;
        List<String> sectors = List.of();
        if (here != null && here.place().country() != null) {
            String place = here.place().country();
            // a generic side with no country of its own takes the place's (inferCountries below): it acts at home
            boolean abroad = e.source().stream().noneMatch(m -> place.equals(m.country()) || takesPlaceCountry(m));
            if (abroad || directed) country = place;
            if (!abroad) sectors = atHome;
        } else if (directed && focus != null && sourceCountry != null) {
            country = focus;
            if (focus.equals(sourceCountry)) sectors = atHome;
        }
        if (country == null) return;
        e.addTarget(Mention.implied(e.sentence(), e.trigger(), country, sectors).withCountry(country, true));
    }

    /** The state: a country itself ("Pakistan closed the crossing", not "Nigerians"), its government, forces or courts. */
    private boolean isState(Analysis a, Mention m) {
        if (m.sectors().stream().anyMatch(x -> cues.is("state", x))) return true;
        if (m.code() == null || !m.code().equals(m.country())) return false;
        while (m.kind() == Mention.Kind.PRONOUN && m.antecedent() != null) m = m.antecedent();
        return !a.sentences().get(m.sentence()).token(m.head()).pos().endsWith("S");
    }

    /** The rule inferCountries applies: generic actors with no country of their own take the event's place's. */
    private static boolean takesPlaceCountry(Mention m) {
        return m.country() == null
                && m.entry() == null
                && !m.sectors().isEmpty()
                && !m.sectors().contains("IGO");
    }

    /** The country the document is most about: the most named among its places and actors. */
    private static String focusCountry(Analysis a) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (PlaceMention p : a.places())
            if (p.locative() && p.place().country() != null)
                counts.merge(p.place().country(), 1, Integer::sum);
        for (List<Mention> ms : a.mentions())
            for (Mention m : ms)
                if (m.country() != null && !m.countryInferred()) counts.merge(m.country(), 1, Integer::sum);
        return counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(null);
    }

    // ---------------------------------------------------------------- event coreference

    /** A backgrounded re-mention of an earlier event of the same type with compatible actors joins it. */
    private void merge(Analysis a) {
        List<EventDraft> live = new ArrayList<>();
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null || e.code() == null) continue;
            // "the failure of the police to act" is no re-mention of an act that was done: what did not happen stays
            // apart, in its own sentence
            if (e.polarity() != Polarity.ASSERTED) continue;
            if (!e.emitted() && e.modality() != Modality.ACTUAL) {
                live.add(e);
                continue;
            }
            EventDraft into = null;
            // look in the event's own sentence first, then from the start of the document
            List<EventDraft> candidates = new ArrayList<>(live);
            candidates.sort(java.util.Comparator.comparingInt((EventDraft p) -> p.sentence() == e.sentence() ? 0 : 1)
                    .thenComparingInt(p -> p.sentence() == e.sentence()
                                    && p.code().code().equals(e.code().code())
                            ? 0
                            : 1));
            for (EventDraft prev : candidates) {
                if (prev.mergedInto() != null || !prev.emitted() || prev == e) continue;
                if (!sameType(prev, e)
                        || prev.historical() != e.historical()
                        || prev.inQuote() != e.inQuote() && !e.rule().startsWith("speech:")) continue;
                boolean sameSides = compatible(prev.source(), e.source()) && compatible(prev.target(), e.target());
                boolean identical = prev.code().code().equals(e.code().code())
                        && !e.source().isEmpty()
                        && !e.target().isEmpty()
                        && sameSides
                        && prev.sentence() == e.sentence();
                if (sameSides
                        && (e.backgrounded()
                                || identical
                                || prev.sentence() == e.sentence()
                                        && prev.code().code().equals(e.code().code()))) {
                    into = prev; // the earliest: a re-mention points back to the event first told
                    break;
                }
            }
            if (into != null) {
                e.setMergedInto(into);
                into.addMention(e.sentence(), e.trigger());
                if (into.target().isEmpty()) into.addTargets(e.target());
                if (into.source().isEmpty()) into.addSources(e.source());
                e.counts().forEach(into::putCountIfAbsent);
            } else {
                live.add(e);
            }
        }
    }

    /**
     * "Police opened fire on the mob. One person was killed in the firing.": an act re-mentioned by a definite noun
     * with no agent of its own, in a sentence that tells a toll of it, is the act told before, by the same agent. The
     * toll is news of its own, so the sentence keeps an event (with the agent, rule "+ agent of the act told before")
     * rather than joining the earlier one, as a coder of sentences would; clusters join the two.
     */
    private void retold(Analysis a) {
        for (EventDraft o : a.events()) {
            if (o.mergedInto() != null || o.note() != null || !o.source().isEmpty() || !violent(o)) continue;
            Sentence s = a.sentences().get(o.sentence());
            Token t = s.token(o.trigger());
            Token det = s.child(t, "det");
            boolean definite =
                    t.isNoun() && det != null && Set.of("the", "this", "that").contains(det.lower());
            // its own toll: "one person was injured in the firing" (counts), "was killed in the firing" (a toll event)
            boolean toll = o.counts().get("killed") != null || o.counts().get("injured") != null || tollsCause(s, t);
            if (!definite || !toll || o.polarity() != Polarity.ASSERTED) continue;
            EventDraft before = null;
            for (EventDraft p : a.events()) {
                if (p.sentence() >= o.sentence()
                        || p.sentence() < o.sentence() - 3
                        || !p.emitted()
                        || !violent(p)
                        || p.historical() != o.historical()
                        || p.source().stream().noneMatch(m -> m.text() != null)) continue;
                if (before == null || p.sentence() >= before.sentence()) before = p;
            }
            if (before == null) continue;
            o.addSources(before.source());
            o.setBackgrounded(false);
            o.setRule(o.rule() + " + agent of the act told before");
        }
    }

    /** An act of force: an assault, or force against protesters (175). */
    private static boolean violent(EventDraft e) {
        return e.code() != null
                && ("ASSAULT".equals(e.code().plover()) || e.code().code().startsWith("175"));
    }

    /**
     * "Six people were killed after security forces opened fire on protesters": the killing is the toll of the
     * shooting, not a second attack by nobody. An outcome with no agent joins the violent act its sentence tells
     * with one: its victims become that act's targets and its numbers that act's counts. With no act, a toll the
     * sentence puts on an earthquake, a flood or a crash (cues "disaster") is no political event at all.
     */
    private void joinOutcomes(Analysis a) {
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null || !e.emitted() || e.code().quadClass() != 4) continue;
            Token t = a.sentences().get(e.sentence()).token(e.trigger());
            if (!toll(t)) continue;
            EventDraft act = null;
            for (EventDraft o : a.events()) {
                // the act names its doer, or the weapon that did it ("killed when a roadside bomb went off")
                boolean told = o.source().stream().anyMatch(m -> m.text() != null)
                        || o.code().mode() != null
                                && cues.is("weapon-mode", o.code().mode());
                if (o == e
                        || o.mergedInto() != null
                        || !o.emitted()
                        || o.sentence() != e.sentence()
                        || !violent(o)
                        || !told
                        // a toll with a doer of its own is that doer's act ("shelled the town, killing 20")
                        || !o.source().containsAll(e.source())
                        || o.historical() != e.historical()) continue;
                if (act == null || Math.abs(o.trigger() - e.trigger()) < Math.abs(act.trigger() - e.trigger())) act = o;
            }
            if (act == null) {
                Sentence s = a.sentences().get(e.sentence());
                boolean disaster = cues.in("disaster", s);
                if (!disaster || !e.source().isEmpty()) continue;
                e.setNote("the toll of a disaster or accident, not an act of violence");
                continue;
            }
            e.setMergedInto(act);
            act.addMention(e.sentence(), e.trigger());
            for (Mention m : e.target())
                if (act.target().stream().noneMatch(x -> x.from() == m.from())) act.addTarget(m);
            e.counts().forEach(act::putCountIfAbsent);
        }
    }

    /**
     * "The army attacked the camp, shelling it for hours": a general act and the clause that tells how it was done are
     * one act, told by the specific one (its means) with the sides either names. And "destroyed 300 mines during an
     * anti-terror operation": an operation named only as the frame of another act is not an act of its own.
     */
    private void elaborations(Analysis a) {
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null
                    || !e.emitted()
                    || !"ASSAULT".equals(e.code().plover())
                    || e.code().mode() != null) continue;
            Sentence s = a.sentences().get(e.sentence());
            Token t = s.token(e.trigger());
            for (EventDraft o : a.events()) {
                if (o == e
                        || o.sentence() != e.sentence()
                        || o.mergedInto() != null
                        || !o.emitted()
                        || !"ASSAULT".equals(o.code().plover())
                        || o.code().mode() == null
                        || o.historical() != e.historical()) continue;
                Token u = s.token(o.trigger());
                boolean linked = s.head(u) == t && ELABORATION.contains(u.deprel())
                        || s.head(t) == u && ELABORATION.contains(t.deprel());
                if (!linked || !compatibleSides(e, o)) continue;
                e.setMergedInto(o);
                o.addMention(e.sentence(), e.trigger());
                if (o.source().isEmpty()) o.addSources(e.source());
                if (o.target().isEmpty()) o.addTargets(e.target());
                e.counts().forEach(o::putCountIfAbsent);
                break;
            }
            if (e.mergedInto() != null
                    || !t.isNoun()
                    || !t.relation().equals("obl")
                    || !cues.is("operation-case", String.valueOf(s.caseOf(t)))) continue;
            Token head = s.head(t);
            // "aircraft killed 46 villagers in an attack on the village": the toll its doer took and the attack are one
            // act
            EventDraft doer = a.events().stream()
                    .filter(o -> o != e
                            && o.sentence() == e.sentence()
                            && head != null
                            && o.trigger() == head.index()
                            && o.mergedInto() == null
                            && o.emitted()
                            && "ASSAULT".equals(o.code().plover())
                            && !o.source().isEmpty()
                            && o.historical() == e.historical()
                            && compatibleSides(e, o))
                    .findFirst()
                    .orElse(null);
            if (doer != null) {
                e.setMergedInto(doer);
                doer.addMention(e.sentence(), e.trigger());
                if (doer.target().isEmpty()) doer.addTargets(e.target());
                e.counts().forEach(doer::putCountIfAbsent);
                continue;
            }
            boolean frames = head != null
                    && head.isVerb()
                    && !toll(head)
                    && a.events().stream()
                            .anyMatch(o -> o != e
                                    && o.sentence() == e.sentence()
                                    && o.trigger() == head.index()
                                    && o.emitted());
            if (frames) e.setNote("the operation in which another act was done (\"" + head.text() + "\")");
        }
    }

    /** "Six warehouses burned in a blaze at the port": property burnt with no one setting it alight is a disaster. */
    private void fires(Analysis a) {
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null
                    || !e.emitted()
                    || !e.source().isEmpty()
                    || !e.code().code().equals("1712")) continue;
            Sentence s = a.sentences().get(e.sentence());
            if (cues.in("disaster", s) || s.tokens().stream().anyMatch(x -> accidentalFire(s, x))) {
                e.setNote("property lost in a fire or disaster, not an act");
            }
        }
    }

    /**
     * "A gas cylinder blast in a restaurant injured 12", "an explosion at a chemical factory killed five workers": an
     * explosion no one is told to have set off, at a site where things explode by accident (cues accident-site), with
     * no word of an attack in its sentence (cues attack-sign: "a bomb went off at the factory"), is an accident.
     */
    private void explosions(Analysis a) {
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null
                    || !e.emitted()
                    || !e.source().isEmpty()
                    || !e.code().code().equals("183")) continue;
            Sentence s = a.sentences().get(e.sentence());
            boolean site = s.tokens().stream().anyMatch(x -> x.isNoun() && cues.is("accident-site", x))
                    || cues.find("accident-site", s).stream().anyMatch(h -> h.to() > h.from());
            if (site && !cues.in("attack-sign", s))
                e.setNote("an accidental explosion (\"a gas cylinder blast\"), not an attack");
        }
    }

    /**
     * "Burned in a fire", "fires are burning across the region": a fire told as what burned things, not one someone set
     * ("set fire to", "set on fire") or the shooting of "opened fire" (cues "fire").
     */
    private boolean accidentalFire(Sentence s, Token x) {
        return x.isNoun()
                && cues.is("fire", x.lemma())
                && !x.relation().equals("obj")
                && !"on".equals(s.caseOf(x))
                && !x.relation().equals("compound");
    }

    private static final Set<String> ELABORATION = Set.of("advcl", "conj", "xcomp", "acl");
    private static final Set<String> DURING = Set.of("during", "amid");

    private static boolean compatibleSides(EventDraft x, EventDraft y) {
        return compatible(x.source(), y.source()) && compatible(x.target(), y.target());
    }

    private static boolean sameType(EventDraft x, EventDraft y) {
        String px = x.code().plover(), py = y.code().plover();
        if (px != null && px.equals(py)) return true;
        return x.code().root().equals(y.code().root());
    }

    private static boolean compatible(List<Mention> x, List<Mention> y) {
        if (x.isEmpty() || y.isEmpty()) return true;
        Set<String> cx = new LinkedHashSet<>();
        for (Mention m : x) cx.add(m.code() == null ? "?" : m.code());
        for (Mention m : y) if (m.code() != null && cx.contains(m.code())) return true;
        Set<String> kx = new LinkedHashSet<>();
        for (Mention m : x) if (m.country() != null) kx.add(m.country());
        for (Mention m : y) if (m.country() != null && kx.contains(m.country())) return true;
        return x.stream().allMatch(m -> m.code() == null) || y.stream().allMatch(m -> m.code() == null);
    }
}
