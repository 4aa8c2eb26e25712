package org.sitrep.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Modality;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.analysis.Polarity;
import org.sitrep.analysis.Quote;
import org.sitrep.analysis.Stage;
import org.sitrep.analysis.TimeRef;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.Lexicon;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;
import org.sitrep.time.Dates;

/**
 * Codes events: lexicon triggers on the dependency parse, their source and target from syntax,
 * how real they are (negated, failed, intended, demanded, hypothetical), who reports them and how
 * surely, when and where they happened, counts, and quoted speech turned into speech acts.
 * Repeated mentions of one event ("the protests", "after the protestors stormed the compound") merge.
 */
public final class EventStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.PLACES, Layer.MENTIONS, Layer.QUOTES);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.EVENTS, Layer.PLACES);
    } // places: a teller's place is no event's

    private static final List<String> TARGET_CASES =
            List.of("against", "on", "upon", "at", "with", "to", "toward", "towards", "into");
    private static final Set<String> CLAUSE_RELS =
            Set.of("acl:relcl", "acl", "ccomp", "advcl", "parataxis", "csubj", "xcomp", "conj", "punct", "appos");

    private final Lexicon lexicon;
    private final Codebook codebook;
    private final Cues cues;
    private final Means means;

    public EventStage(Lexicon lexicon, Codebook codebook, Cues cues, Means means) {
        this.lexicon = lexicon;
        this.codebook = codebook;
        this.cues = cues;
        this.means = means;
    }

    @Override
    public void process(Analysis a) {
        List<EventDraft> events = new ArrayList<>();
        a.replacePlaces(p -> p.locative()
                        && p.sentence() >= 0
                        && (tellersPlace(a.sentences().get(p.sentence()), p) || inKnownName(a, p))
                ? p.asActor()
                : p);
        for (Sentence s : a.sentences()) {
            List<Lexicon.Match> matches = new ArrayList<>();
            Set<Integer> connective = connectiveTokens(s);
            for (Token t : s.tokens()) {
                Lexicon.Match m = lexicon.match(s, t);
                if (m != null && !connective.contains(t.index()) && eventive(s, t, m)) matches.add(m);
            }
            // a noun inside a longer verb pattern belongs to it: "lifted sanctions" is one event, not two, and so is
            // "the ban was lifted" (the passive's subject opens the pattern's span)
            matches.removeIf(m -> !m.entry().verb()
                    && matches.stream()
                            .anyMatch(v -> v.entry().verb()
                                    && v.to() > v.from()
                                    && m.head() >= v.from()
                                    && m.head() <= v.to()
                                    && m.head() != v.head()));
            matches.removeIf(m -> !m.entry().isEvent());
            for (Lexicon.Match m : matches) {
                Token t = s.token(m.head());
                EventDraft e = new EventDraft();
                e.setSentence(s.index());
                e.setTrigger(t.index());
                e.setTriggerFrom(m.from());
                e.setTriggerTo(m.to());
                e.setCode(codebook.get(m.entry().cameo()));
                e.setRule(m.entry().rule());
                e.setContexts(codebook.contexts(s));
                arguments(a, s, t, e);
                factuality(s, t, e);
                // "the police stood as mute spectators": the intervention the words tell of did not happen
                String pattern = String.join(" ", m.entry().words());
                if (cues.is("inaction", pattern)) {
                    e.setPolarity(Polarity.FAILED);
                    e.setCue(pattern);
                    // "there was no lapse on the part of the police", "were not slow to react": the inaction is
                    // denied, which tells of no act either
                    Token denial = denial(s, t, m);
                    if (denial != null) {
                        e.setPolarity(Polarity.ASSERTED);
                        e.setNote("inaction denied (\"" + denial.text() + "\")");
                    }
                    // "the police were nowhere in sight", "the constables were mute spectators": the predicate's
                    // subject; "the inaction of the police": whose inaction the "of" phrase names, not whom it was
                    // done to, and not a side the clause around lent it ("residents are angry over the failure of the
                    // police")
                    List<Mention> doers = t.isVerb() ? List.of() : inactive(a, s, t, m.from());
                    if (!doers.isEmpty()) {
                        e.clearSource();
                        e.addSources(doers);
                        e.removeTargetIf(e.source()::contains);
                    }
                }
                // "took no action against the rioters", "made no arrests": the pattern's noun denied denies the act
                if (t.isVerb()
                        && e.polarity() == Polarity.ASSERTED
                        && !m.entry().words().contains("no")
                        && deniedNoun(s, t, m)) e.setPolarity(Polarity.NEGATED);
                // "police intervention which never came": an act awaited that did not come did not happen
                if (neverCame(s, t)) {
                    e.setPolarity(Polarity.FAILED);
                    e.setCue("never came");
                }
                attribution(a, s, t, e);
                when(a, s, t, e);
                where(a, s, t, e);
                counts(s, t, e);
                means.refine(s, t, e); // "warplanes pounded": 195, not 194 (data/events/means.tsv)
                victims(a, s, t, e);
                Quote q = a.quoteAt(t.start());
                if (q != null) {
                    e.setInQuote(true);
                    e.setQuote(a.quotes().indexOf(q));
                }
                events.add(e);
            }
        }
        a.setEvents(events);
    }

    /**
     * Who did not act, for an inaction noun: the subject of the predicate it is or the pattern ends ("the police were
     * mute spectators", "the police were conspicuous by their absence"), else its "of" or "on the part of" phrase ("the
     * inaction of the police", "lapses on the part of the police"), which the parser may make the subject of the clause
     * after it ("the failure of the police to act"); with whom an apposition singles out of them ("the apathy of the
     * administration, especially the police").
     */
    private List<Mention> inactive(Analysis a, Sentence s, Token t, int from) {
        List<Token> doers = new ArrayList<>();
        Token h = s.head(t);
        // the predicate word may be part of the pattern ("conspicuous by their absence"), not one around it
        for (Token pred : new Token[] {t, h != null && h.index() >= from ? h : null}) {
            if (pred != null && s.child(pred, "cop") != null && s.child(pred, "nsubj") != null)
                doers.add(s.child(pred, "nsubj"));
        }
        Token of = caseChild(s, t, List.of("of"));
        Token on = caseChild(s, t, List.of("on"));
        if (of == null && on != null && on.lemma().equals("part")) of = caseChild(s, on, List.of("of"));
        if (of != null) doers.add(of);
        for (Token c : s.children(t, "acl")) {
            Token subj = s.child(c, "nsubj");
            if (subj != null
                    && s.children(c, "mark").stream().anyMatch(m -> m.lower().equals("of"))) doers.add(subj);
        }
        for (Token d : doers) {
            // "what angered them most was the apathy of the police": not "what"; "the apathy of the bureaucracy,
            // especially the police": whom the apposition singles out, though the phrase names no actor the coder knows
            List<Mention> out = resolve(a, s, d);
            // the parser hangs the apposition on the phrase's head or on the inaction noun itself
            for (Token x : new Token[] {d, t}) {
                for (Token ap : s.children(x, "appos")) {
                    for (Mention m : resolve(a, s, ap)) if (!out.contains(m)) out.add(m);
                }
            }
            if (!out.isEmpty()) return out;
        }
        return List.of();
    }

    /** The negation of an inaction pattern's words or of its predicate ("no lapse", "not slow to react"), or null. */
    private Token denial(Sentence s, Token t, Lexicon.Match m) {
        List<Token> words = new ArrayList<>();
        for (int k = m.from(); k <= m.to(); k++) words.add(s.token(k));
        if (!words.contains(t)) words.add(t);
        Token h = s.head(t);
        if (h != null && s.child(h, "cop") != null) words.add(h); // the predicate the pattern is the subject of
        for (Token w : words) {
            for (Token c : s.children(w)) {
                // not the pattern's own "no" ("made no attempt to stop")
                boolean own = c.index() >= m.from() && c.index() <= m.to();
                if (!own && (c.deprel().equals("advmod") || c.deprel().equals("det")) && cues.is("negation", c.lower()))
                    return c;
            }
        }
        return null;
    }

    /** A noun of the verb pattern, other than its verb, with "no" ("took no action", "fired no shots"). */
    private boolean deniedNoun(Sentence s, Token t, Lexicon.Match m) {
        for (int k = m.from(); k <= m.to(); k++) {
            Token w = s.token(k);
            if (w == t || !w.isNoun() || !s.dominates(t, w)) continue;
            if (s.children(w, "det").stream().anyMatch(d -> d.lower().equals("no"))) return true;
        }
        return false;
    }

    /**
     * An act told as awaited that did not come: "police intervention which never came", "police help did not arrive"
     * (cues "arrival"), the relative clause or predicate of the event noun, negated.
     */
    private boolean neverCame(Sentence s, Token t) {
        if (!t.isNoun()) return false;
        List<Token> verbs = new ArrayList<>(s.children(t, "acl:relcl"));
        if (t.deprel().equals("nsubj") && s.head(t) != null) verbs.add(s.head(t));
        // the parser may hang the relative clause elsewhere: its pronoun still follows the noun ("intervention that
        // ...")
        Token next = t.index() + 1 < s.size() ? s.token(t.index() + 1) : null;
        if (next != null && next.pos().equals("WDT") && next.relation().equals("nsubj") && s.head(next) != null)
            verbs.add(s.head(next));
        boolean no = s.children(t, "det").stream().anyMatch(d -> d.lower().equals("no"));
        for (Token v : verbs) {
            if (cues.is("arrival", v.lemma()) && (no || negated(s, v))) return true;
        }
        return false;
    }

    /** Tokens of causal connectives such as "in protest against": their nouns are links, not events. */
    private Set<Integer> connectiveTokens(Sentence s) {
        Set<Integer> out = new java.util.HashSet<>();
        for (Cues.Hit hit : cues.find("cause-phrase", s)) {
            if (hit.to() > hit.from()) for (int k = hit.from(); k <= hit.to(); k++) out.add(k);
        }
        return out;
    }

    /**
     * Not every lexicon hit is an event: nouns that only modify another noun ("protest leader"), a
     * participle describing a group's allegiance ("demonstrators supporting the militias"), and verbs
     * whose subject is itself an event ("the airstrikes that incited the protests": a causal link).
     */
    private boolean eventive(Sentence s, Token t, Lexicon.Match m) {
        if (t.isNoun()
                && t.deprel().equals("compound")
                && !(s.head(t) != null && cues.is("container", s.head(t).lemma()))) return false;
        if (t.isNoun() && t.deprel().equals("nmod:poss")) return false;
        // "a communally charged atmosphere", "a highly charged debate": a participle graded by a manner adverb is a
        // quality
        if (t.pos().equals("VBN")
                && t.deprel().equals("amod")
                && s.children(t, "advmod").stream()
                        .anyMatch(c -> c.lower().endsWith("ly")
                                && !cues.is("historical", c.lemma())
                                && !c.lower().equals("recently"))) return false;
        Codebook.Code code = codebook.get(m.entry().cameo());
        if (t.pos().equals("VBG") && t.deprel().equals("acl") && code != null && code.quadClass() <= 2) return false;
        if (t.isVerb()) {
            // an active subject only: the passive's ("the ban was lifted", "the rally was broken up") is what was done
            Token subj = reducedPassive(s, t)
                    ? null
                    : s.children(t, "nsubj").stream()
                            .filter(c -> !c.deprel().equals("nsubj:pass"))
                            .findFirst()
                            .orElse(null);
            if (subj != null
                    && (subj.pos().equals("WDT") || subj.pos().equals("WP"))
                    && t.deprel().equals("acl:relcl")) subj = s.head(t);
            if (subj != null && subj.isNoun() && !subj.isProperNoun() && lexicon.match(s, subj) != null) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- arguments

    private void arguments(Analysis a, Sentence s, Token t, EventDraft e) {
        if (t.isVerb()) {
            e.addSources(resolve(a, s, verbSource(s, t, 0)));
            e.addTargets(resolve(a, s, verbTarget(a, s, t)));
            // "agreed to provide aid for Romania": a complement the trigger's own words take in names the target
            for (Token c : s.children(t, "xcomp")) {
                if (e.target().isEmpty() && c.isVerb() && c.index() <= e.triggerTo())
                    e.addTargets(resolve(a, s, verbTarget(a, s, c)));
            }
            // "provided aid for Romania", "sent dollars in food aid to Sudan": aid and deals go to their recipients
            if (e.target().isEmpty()
                    && e.code() != null
                    && ("AID".equals(e.code().plover())
                            || "AGREE".equals(e.code().plover()))) {
                Token v = t;
                for (Token c : s.children(t, "xcomp")) if (c.isVerb() && c.index() <= e.triggerTo()) v = c;
                e.addTargets(resolve(a, s, recipient(a, s, v)));
            }
            // "complained to the UN over Israeli raids": whom a complaint is about, not whom it is made to
            if (e.code() != null && "ACCUSE".equals(e.code().plover())) {
                Token about = caseChild(s, t, List.of("over", "about"));
                List<Mention> accused = resolve(a, s, about);
                if (accused.isEmpty() && about != null) accused = resolve(a, s, nounSource(s, about));
                if (!accused.isEmpty()) {
                    e.clearTarget();
                    e.addTargets(accused);
                }
            }
        } else {
            // "launched a mediation effort between X and Y": the container noun stands in the clause for the event
            Token anchor = t.deprel().equals("compound") && s.head(t) != null ? s.head(t) : t;
            // "carried out a series of airstrikes", "a wave of arrests": the quantity noun stands in the clause for the
            // events
            if (t.relation().equals("nmod")
                    && s.head(t) != null
                    && cues.is("series", s.head(t).lemma())) anchor = s.head(t);
            Token src = nounSource(s, t);
            if (src == null && anchor != t) src = nounSource(s, anchor);
            e.addSources(resolve(a, s, src));
            e.addTargets(resolve(a, s, nounTarget(s, t)));
            if (e.target().isEmpty() && anchor != t) e.addTargets(resolve(a, s, nounTarget(s, anchor)));
            if (e.target().isEmpty() && src != null && s.head(src) == t) {
                // "attacks by Houthi rebels on Saudi facilities": the parser often hangs the target on the doer
                e.addTargets(resolve(a, s, caseChild(s, src, List.of("against", "on", "upon"))));
            }
            if (e.source().isEmpty()) {
                // "carried out chants", "renewed negotiations": the subject of the verb that governs the event noun
                // does it,
                // unless that verb is an event of its own ("condemned the attack")
                Token gov = s.head(anchor);
                t = anchor;
                if (gov != null
                        && t.deprel().equals("obj")
                        && gov.isVerb()
                        && (cues.is("light", gov.lemma()) || lexicon.match(s, gov) == null)) {
                    e.addSources(resolve(a, s, verbSource(s, gov, 0)));
                    if (e.target().isEmpty()) e.addTargets(resolve(a, s, caseChild(s, gov, TARGET_CASES)));
                } else if (gov != null
                        && "in".equals(s.caseOf(t))
                        && (t.relation().equals("obl") || t.relation().equals("nmod"))) {
                    // "thousands took part in peaceful marches", "participated in a rally"
                    Token verb = gov.lemma().equals("part") && gov.deprel().equals("obj") ? s.head(gov) : gov;
                    if (verb != null && verb.isVerb() && partakes(s, verb))
                        e.addSources(resolve(a, s, verbSource(s, verb, 0)));
                }
            }
        }
        // "blocked streets in defiance of the authorities", "a hunger strike in protest against abuses by the police":
        // what the act opposes is its target
        if (e.target().isEmpty()) e.addTargets(opposed(a, s, t));
        // "mobilized reservists for a possible war against Iraq": the forces readied are the source's own; the act is
        // aimed at whom they are readied against
        if (e.code() != null && "MOBILIZE".equals(e.code().plover())) {
            List<Mention> foe = resolve(a, s, readiedAgainst(s, t));
            if (!foe.isEmpty()) {
                e.clearTarget();
                e.addTargets(foe);
            }
        }
        e.removeSourceIf(m -> e.target().stream().anyMatch(x -> x == m));
        // "The army accused the group ..., while the group blamed army drones": an actor is not its own target
        e.removeTargetIf(m -> e.source().stream().anyMatch(x -> sameActor(a, x, m)));
    }

    /**
     * The actors an "in defiance of" or "in protest against" phrase of the act names (cues "opposition"), or the doer of
     * the act that phrase names ("in protest against violations by the security forces").
     */
    private List<Mention> opposed(Analysis a, Sentence s, Token t) {
        List<Token> around = new ArrayList<>(s.children(t));
        Token obj = s.child(t, "obj");
        if (obj != null) around.addAll(s.children(obj));
        // "staged a hunger strike ... in protest against": the phrase hangs on the verb that carries the event noun
        if (t.isNoun() && t.deprel().equals("obj") && s.head(t) != null) around.addAll(s.children(s.head(t)));
        for (Token c : around) {
            if (!(c.relation().equals("obl") || c.relation().equals("nmod"))
                    || !"in".equals(s.caseOf(c))
                    || !cues.is("opposition", c.lemma())) continue;
            Token what = caseChild(s, c, List.of("of", "against", "at", "over", "to"));
            List<Mention> out = resolve(a, s, what);
            if (out.isEmpty() && what != null) out = resolve(a, s, nounSource(s, what));
            // the parser often hangs the "by" phrase of the act protested on "protest" itself
            if (out.isEmpty() && what != null) out = resolve(a, s, caseChild(s, c, List.of("by")));
            return out;
        }
        return List.of();
    }

    /** Whom the verb gives to: its "for" or "to" phrase, or one inside its object or another of its phrases. */
    private Token recipient(Analysis a, Sentence s, Token v) {
        Token direct = caseChild(s, v, List.of("to", "for"));
        if (direct != null && headsActor(a, s, direct)) return direct;
        Token obj = s.child(v, "obj");
        for (Token c : s.children(v)) {
            // its object ("dollars of aid for Romania") or what it is given as ("dollars in food aid to Sudan")
            boolean isObj = obj != null && c.index() == obj.index();
            if (!(isObj || c.relation().equals("obl") && "in".equals(s.caseOf(c)))) continue;
            Token inner = caseChild(s, c, List.of("to", "for"));
            if (inner == null && isObj) {
                Token of = caseChild(s, c, List.of("of")); // "dollars of aid for Romania"
                if (of != null) inner = caseChild(s, of, List.of("to", "for"));
            }
            if (inner != null && headsActor(a, s, inner)) return inner;
        }
        return null;
    }

    /** The "against" phrase of the act or of its purpose ("for a war against Iraq", "troops to fight against X"). */
    private Token readiedAgainst(Sentence s, Token t) {
        Token direct = caseChild(s, t, List.of("against"));
        if (direct != null) return direct;
        for (Token c : s.children(t)) {
            boolean purpose = c.relation().equals("obl")
                    || c.relation().equals("nmod")
                    || c.deprel().equals("advcl")
                    || c.deprel().equals("obj");
            Token inner = purpose ? caseChild(s, c, List.of("against")) : null;
            if (inner != null) return inner;
        }
        return null;
    }

    /** "participated in", "took part in": the subject does the event its "in" phrase names. */
    private static boolean partakes(Sentence s, Token verb) {
        if (verb.lemma().equals("participate")) return true;
        Token obj = s.child(verb, "obj");
        return verb.lemma().equals("take") && obj != null && obj.lemma().equals("part");
    }

    /** Two mentions of one actor: a pronoun and what it stands for, one knowledge-base entry, or the same noun and code. */
    private static boolean sameActor(Analysis a, Mention x, Mention y) {
        while (x.kind() == Mention.Kind.PRONOUN && x.antecedent() != null) x = x.antecedent();
        while (y.kind() == Mention.Kind.PRONOUN && y.antecedent() != null) y = y.antecedent();
        if (x == y) return true;
        if (x.entry() != null || y.entry() != null) return x.entry() == y.entry();
        if (x.text() == null
                || y.text() == null
                || x.code() == null
                || !x.code().equals(y.code())) return false;
        return a.sentences()
                .get(x.sentence())
                .token(x.head())
                .lemma()
                .equals(a.sentences().get(y.sentence()).token(y.head()).lemma());
    }

    static boolean passive(Sentence s, Token v) {
        return s.child(v, "nsubj:pass") != null
                || s.child(v, "aux:pass") != null
                || (v.pos().equals("VBN")
                        && s.child(v, "nsubj") == null
                        && (v.deprel().equals("acl") || v.deprel().equals("xcomp")))
                || reducedPassive(s, v);
    }

    /**
     * "over 250 activists arrested from the city", "two soldiers killed in ambush": a past participle with a subject
     * and no auxiliary, object or complement is a passive the parser read as a clause (an active past is tagged VBD);
     * its subject is whom it was done to. A participle in coordination shares the auxiliary of the verb it joins ("had
     * attacked and killed").
     */
    static boolean reducedPassive(Sentence s, Token v) {
        return v.pos().equals("VBN")
                // a main or adverbial clause is where an active past gets mistagged ("rebels surrendered last week")
                && !Set.of("conj", "root", "advcl").contains(v.deprel())
                && s.child(v, "nsubj") != null
                // "as the police silenced the channels", "the policemen preferred to stand by": an active past,
                // mistagged, has an object or a complement
                && s.child(v, "obj") == null
                && s.child(v, "xcomp") == null
                && s.child(v, "ccomp") == null
                && s.children(v).stream()
                        .noneMatch(
                                c -> c.deprel().startsWith("aux") || c.deprel().equals("cop"));
    }

    /** Whom a passive was done to: its subject ("the ban was lifted", "five arrested in raid"). */
    private static Token undergoer(Sentence s, Token v) {
        Token subj = s.child(v, "nsubj:pass");
        return subj != null || !reducedPassive(s, v) ? subj : s.child(v, "nsubj");
    }

    /** "Israel is opposed to the plan": a stance told in the passive's form (cues "stative") is held by its subject. */
    private boolean stative(Sentence s, Token v) {
        return cues.is("stative", v.lemma())
                && s.child(v, "nsubj:pass") != null
                && caseChild(s, v, List.of("by")) == null;
    }

    private Token verbSource(Sentence s, Token v, int depth) {
        if (depth > 4) return null;
        if (stative(s, v)) return s.child(v, "nsubj:pass");
        if (passive(s, v)) {
            Token by = caseChild(s, v, List.of("by"));
            if (by != null) return by;
            if (v.deprel().equals("acl")) return null;
        } else {
            Token subj = s.child(v, "nsubj");
            if (subj != null) return subj;
        }
        Token gov = s.head(v);
        if (gov == null) return null;
        switch (v.relation()) {
            case "conj":
                // "the kar sevaks sat in the train, but no action was taken against them": an active clause's subject
                // does not do the act of a passive joined to it
                if (passive(s, v) && !passive(s, gov)) return null;
                return gov.isVerb() ? verbSource(s, gov, depth + 1) : null;
            case "dep":
                // the parser's xcomp, unnamed; or a free participle ("police fired tear gas, injuring three"), done by
                // the subject of the clause it hangs on
                if (!v.pos().equals("VBG")) return null;
                if (passive(s, gov)) return s.child(gov, "nsubj:pass");
                return gov.isVerb() ? verbSource(s, gov, depth + 1) : null;
            case "xcomp": {
                // "policemen could be seen patrolling", "troops were ordered to fire": the passive's subject does it
                Token done = passive(s, gov) ? s.child(gov, "nsubj:pass") : null;
                if (done != null) return done;
                Token obj = s.child(gov, "obj");
                // "did nothing to stop": "nothing" is no one; the subject of "did" failed to act
                return obj != null && !cues.is("failure", obj.lemma()) ? obj : verbSource(s, gov, depth + 1);
            }
            case "advcl":
                return v.pos().equals("VBG")
                                || s.child(v, "mark") != null
                                        && "to".equals(s.child(v, "mark").lower())
                        ? verbSource(s, gov, depth + 1)
                        : null;
            case "acl": {
                if (v.pos().equals("VBG")) return gov;
                // "the policemen who on Sunday killed a man", parsed with "who" as an object: an active relative
                // clause without a subject is about its head noun
                if (v.deprel().equals("acl:relcl") && !passive(s, v)) return gov;
                // "police made no effort to control the mob": the doer of the governing verb
                Token verb = s.head(gov);
                boolean infinitive = s.hasMark(v, "to") && gov.deprel().equals("obj") && verb != null && verb.isVerb();
                return infinitive ? verbSource(s, verb, depth + 1) : null;
            }
            default:
                return null;
        }
    }

    private Token verbTarget(Analysis a, Sentence s, Token v) {
        if (stative(s, v)) return caseChild(s, v, List.of("to"));
        if (passive(s, v)) {
            Token subj = undergoer(s, v);
            if (subj != null) return subj;
            if (v.deprel().equals("acl") || v.deprel().equals("conj") && s.head(v) != null) {
                Token gov = s.head(v);
                if (v.deprel().equals("acl")) return gov;
                Token gs = s.child(gov, "nsubj:pass");
                if (gs != null) return gs;
                // "the mob gathered and was dispersed": the active clause's subject undergoes the passive joined to it
                if (v.deprel().equals("conj") && !passive(s, gov)) return s.child(gov, "nsubj");
            }
            return null;
        }
        Token iobj = s.child(v, "iobj");
        if (iobj != null) return iobj; // "give Tanzania a grant"
        Token obj = s.child(v, "obj");
        // "the policemen who on Sunday killed a man", parsed with two objects: the relative pronoun is the subject
        if (obj != null
                && (obj.pos().equals("WP") || obj.pos().equals("WDT"))
                && s.children(v, "obj").size() > 1) obj = s.children(v, "obj").get(1);
        // "rejected Thursday a UN appeal", "denounced as a crime Serbia's crackdown": after a time or an "as" phrase
        // the parser leaves the object a bare dependent
        if (obj == null) obj = displacedObject(s, v);
        if (obj != null && headsActor(a, s, obj)) return obj;
        Token pp = caseChild(s, v, TARGET_CASES); // "provided photographs to Macedonia"
        if (pp != null || obj != null) return pp != null ? pp : obj;
        // "called on both sides to return", "demanded that the US cancel": the subject of the complement is the one
        // addressed; "threatened to strike unless Israel withdrew": whoever the threat's condition names
        if (cues.is("threat", v.lemma())) {
            for (Token c : s.children(v, "xcomp")) {
                // "threatened to attack police stations if its leaders were moved": the act names its own target
                Token aimed = s.child(c, "obj");
                if (aimed != null && headsActor(a, s, aimed)) continue;
                for (Token cond : s.children(c, "advcl")) {
                    Token mark = s.child(cond, "mark");
                    // the one who must act for the threat to lift, not whom a passive condition moves ("if its
                    // leaders were moved")
                    Token subj = s.children(cond).stream()
                            .filter(x -> x.deprel().equals("nsubj"))
                            .findFirst()
                            .orElse(null);
                    if (mark != null && cues.is("condition", mark.lower()) && subj != null) return subj;
                }
            }
        }
        for (Token c : s.children(v)) {
            if ((c.deprel().equals("advcl")
                            || c.deprel().equals("xcomp")
                            || c.deprel().equals("ccomp"))
                    && c.index() > v.index()) {
                Token subj = s.child(c, "nsubj");
                if (subj != null) return subj;
            }
        }
        return null;
    }

    /** A nominal the parser hung as "dep" after the verb, its time or its "as" phrase, where the object stands. */
    private Token displacedObject(Sentence s, Token v) {
        List<Token> around = new ArrayList<>(s.children(v, "dep"));
        for (Token c : s.children(v)) {
            if (c.relation().equals("obl") && ("as".equals(s.caseOf(c)) || isTime(c, cues)))
                around.addAll(s.children(c, "dep"));
        }
        for (Token c : around) if (c.isNoun() && c.index() > v.index()) return c;
        return null;
    }

    /** The token is an actor itself (or a quantity of one, or a pronoun), not a thing that an actor owns. */
    private boolean headsActor(Analysis a, Sentence s, Token t) {
        if (a.mentionAt(s.index(), t.index()) != null || t.isPronoun()) return true;
        Token of = caseChild(s, t, List.of("of"));
        // "hundreds of students": the quantity stands for the actor
        return of != null && a.mentionAt(s.index(), of.index()) != null && cues.is("quantity", t.lower());
    }

    private Token nounSource(Sentence s, Token n) {
        Token by = caseChild(s, n, List.of("by"));
        if (by != null) return by;
        // "the arrests made by the police", "attacks carried out by militants": the light verb describing the act names
        // its doer
        for (Token c : s.children(n, "acl")) {
            Token agent = c.pos().equals("VBN") && cues.is("light", c.lemma()) ? caseChild(s, c, List.of("by")) : null;
            if (agent != null) return agent;
        }
        Token poss = s.child(n, "nmod:poss");
        if (poss != null && !poss.isPronoun() || poss != null && !poss.lower().equals("its")) return poss;
        // "total police inaction": a noun before the event names its doer sooner than an adjective does
        for (String rel : List.of("compound", "amod")) {
            for (Token c : s.children(n, rel)) if (c.index() < n.index()) return c;
        }
        return null;
    }

    private Token nounTarget(Sentence s, Token n) {
        List<String> cases = new ArrayList<>(TARGET_CASES);
        cases.add("of");
        cases.add("between");
        cases.add("for"); // "aid for Romania and Poland"
        return caseChild(s, n, cases);
    }

    private Token caseChild(Sentence s, Token h, List<String> cases) {
        return caseChild(s, h, cases, cues);
    }

    /** The first nominal child of {@code h} introduced by one of the prepositions, in preference order; not a time. */
    static Token caseChild(Sentence s, Token h, List<String> cases, Cues cues) {
        Token best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Token c : s.children(h)) {
            if (!(c.relation().equals("obl") || c.relation().equals("nmod")) || isTime(c, cues)) continue;
            String cs = s.caseOf(c);
            int rank = cs == null ? -1 : cases.indexOf(cs);
            if (rank >= 0 && rank < bestRank) {
                best = c;
                bestRank = rank;
            }
        }
        return best;
    }

    /** "on Monday", "in 1983": times are not targets (cues.tsv kinds weekday, month, time-noun). */
    private static boolean isTime(Token t, Cues cues) {
        String w = t.lower();
        return cues.is("weekday", w)
                || cues.is("month", w)
                || cues.is("time-noun", w)
                || t.text().matches("1\\d{3}|20\\d{2}");
    }

    /** The actors an argument token stands for: its mention, a relative pronoun's noun, coordinated ones. */
    private List<Mention> resolve(Analysis a, Sentence s, Token t) {
        List<Mention> out = new ArrayList<>();
        if (t == null) return out;
        if ((t.pos().equals("WP") || t.pos().equals("WDT")) && s.head(t) != null) {
            Token clause = s.head(t);
            while (clause.deprel().equals("conj") && s.head(clause) != null)
                clause = s.head(clause); // "who heads X and who was imprisoned"
            if (clause.deprel().equals("acl:relcl") && s.head(clause) != null) return resolve(a, s, s.head(clause));
        }
        // "two companies of the State Reserve Police": the unit stands for the force its "of" phrase names
        Token of = caseChild(s, t, List.of("of"));
        if (of != null && cues.is("quantity", t) && a.mentionAt(s.index(), of.index()) != null) t = of;
        Mention m = find(a, s, t);
        if (m != null) out.add(m);
        if (m != null && m.head() == t.index()) {
            for (Token c : org.sitrep.text.Syntax.coordinatedModifiers(s, t)) {
                Mention partner = a.mentionAt(s.index(), c.index());
                if (partner != null && partner.country() != null && !out.contains(partner)) out.add(partner);
            }
        }
        for (Token c : s.children(t, "conj")) {
            Mention mc = find(a, s, c);
            if (mc != null && !out.contains(mc)) out.add(mc);
        }
        // "relations with Congo and Costa Rica", "aid for Romania and Poland": the actor inside the phrase has partners
        if (m != null && m.head() != t.index() && m.sentence() == s.index()) {
            for (Token c : s.children(s.token(m.head()), "conj")) {
                Mention mc = a.mentionAt(s.index(), c.index());
                if (mc == null) mc = a.mentionCovering(s.index(), c.index());
                if (mc != null && !out.contains(mc)) out.add(mc);
            }
        }
        return out;
    }

    /**
     * The mention headed by t, else the nearest one inside t's phrase (not inside its clauses). A possessive pronoun
     * is not the phrase's actor ("met his counterpart": not him), nor is a place it is in ("a prison in Guayaquil").
     */
    static Mention find(Analysis a, Sentence s, Token t) {
        Mention m = a.mentionAt(s.index(), t.index());
        if (m != null) return m;
        m = a.mentionCovering(s.index(), t.index());
        if (m != null) return m;
        Deque<Token> queue = new ArrayDeque<>(s.children(t));
        while (!queue.isEmpty()) {
            Token c = queue.removeFirst();
            if (CLAUSE_RELS.contains(c.deprel()) || c.relation().equals("acl")) continue;
            if (c.deprel().equals("nmod:poss") && c.isPronoun() || isPlace(a, s, c)) continue;
            Mention found = a.mentionAt(s.index(), c.index());
            if (found != null) return found;
            queue.addAll(s.children(c));
        }
        return null;
    }

    /** "in Guayaquil", "near the Litoral prison in Guayaquil": a phrase that says where, naming a known place. */
    private static boolean isPlace(Analysis a, Sentence s, Token c) {
        String cs = s.caseOf(c);
        if (cs == null || !org.sitrep.text.Syntax.LOCATIVE.contains(cs)) return false;
        for (PlaceMention p : a.places())
            if (p.sentence() == s.index() && c.index() >= p.from() && c.index() <= p.to()) return true;
        return false;
    }

    // ---------------------------------------------------------------- factuality

    private void factuality(Sentence s, Token t, EventDraft e) {
        if (negated(s, t)) e.setPolarity(Polarity.NEGATED);
        // "no deadline had been set", "no shots were fired": the negation is on the passive's subject
        Token done = t.isVerb() ? s.child(t, "nsubj:pass") : null;
        if (done != null
                && s.children(done, "det").stream().anyMatch(d -> d.lower().equals("no")))
            e.setPolarity(Polarity.NEGATED);
        for (Token d : t.isNoun() ? s.children(t, "det") : List.<Token>of()) {
            if (cues.is("nonspecific", d.lower())) {
                e.setModality(Modality.HYPOTHETICAL);
                e.setCue(d.lower());
            } // "any military action"
        }
        // "had Singhal been detained in Lucknow, ...", "were the army deployed": an inverted auxiliary is a condition
        Token subject = t.isVerb() ? s.child(t, "nsubj") : null;
        if (subject != null
                && s.children(t, "aux").stream()
                        .anyMatch(aux -> aux.index() < subject.index() && cues.is("inverted-condition", aux.lower())))
            e.setModality(Modality.HYPOTHETICAL);
        Token x = t;
        // "it would be advisable to prosecute them", "nothing can stop them from arresting him": an act still to be
        // done takes the modal of the word it completes
        boolean undone = false;
        for (int depth = 0; depth < 5 && x != null; depth++) {
            for (Token c : s.children(x)) {
                String w = c.lower();
                if (c.deprel().equals("mark") && cues.is("hypothetical", w) && e.modality() == Modality.ACTUAL)
                    e.setModality(Modality.HYPOTHETICAL);
                if (c.deprel().equals("aux") && (depth == 0 || undone && e.modality() == Modality.ACTUAL)) {
                    if (cues.is("obligation", w)) {
                        e.setModality(Modality.OBLIGATION);
                        e.setCue(w);
                    } else if (cues.is("modal-future", w)) {
                        e.setModality(Modality.FUTURE);
                        e.setCue("will");
                    } else if (cues.is("modal-possible", w)) {
                        e.setModality(Modality.POSSIBLE);
                        e.setCue(w);
                    }
                }
                if (c.relation().equals("advmod") && cues.is("hedge", c.lemma())) e.setHedged(true);
                if (c.relation().equals("advmod")
                        && depth <= 2
                        && cues.is("historical", c.lemma())
                        && !c.lemma().equals("before")) e.setHistorical(true);
            }
            Token gov = s.head(x);
            if (gov == null) break;
            String rel = x.relation();
            // "asked the police to prosecute the accused": the tagger at times reads an infinitive's "to" as a
            // preposition and the verb as its oblique object; it is the same complement
            // ("it would be advisable to prosecute": or a bare dependent "to")
            Token verb = x;
            boolean toVerb = s.hasMark(x, "to")
                    || x.pos().equals("VB") && rel.equals("obl") && "to".equals(s.caseOf(x))
                    || x.pos().equals("VB")
                            && s.children(x, "dep").stream()
                                    .anyMatch(c -> c.lower().equals("to") && c.index() == verb.index() - 1);
            if (toVerb && rel.equals("obl")) rel = "xcomp";
            boolean complement =
                    rel.equals("xcomp") || rel.equals("acl") || rel.equals("ccomp") || rel.equals("advcl") && toVerb;
            if (complement && cues.is("failure", gov.lemma())) {
                e.setPolarity(Polarity.FAILED);
                e.setCue(gov.lemma());
                return;
            }
            if (complement
                    && gov.lemma().equals("do")
                    && s.children(gov).stream().anyMatch(c -> cues.is("failure", c.lemma()))) {
                e.setPolarity(Polarity.FAILED); // "did little to stop", "did nothing to"
                e.setCue("little");
                return;
            }
            // "suggested that those guilty be booked", "demanded that the minister resign": the subjunctive asks for it
            if (rel.equals("ccomp") && cues.is("demand", gov.lemma()) && subjunctive(s, x)) {
                e.setModality(Modality.DEMANDED);
                return;
            }
            if (complement && (rel.equals("xcomp") || rel.equals("acl") || rel.equals("advcl")) && toVerb
                    || rel.equals("xcomp")) {
                // "ordered the police to fire", "the police were directed to arrest him" (not "were forced to fire":
                // that they did)
                if (cues.is("demand", gov.lemma())
                        && (s.child(gov, "obj") != null
                                || s.child(gov, "iobj") != null
                                || passive(s, gov) && !cues.is("implicative", gov.lemma()))) {
                    e.setModality(Modality.DEMANDED);
                    return;
                }
                if (cues.is("threat", gov.lemma())) {
                    e.setModality(Modality.THREATENED);
                    e.setCue(gov.lemma());
                    return;
                }
                if (cues.is("intent", gov.lemma())) {
                    e.setModality(Modality.INTENDED);
                    e.setCue(gov.lemma());
                    if (negated(s, gov)) e.setPolarity(Polarity.NEGATED); // "does not intend to"
                    return;
                }
                if (gov.isNoun() && rel.equals("acl")) {
                    e.setModality(Modality.HYPOTHETICAL);
                    return;
                } // "responsibility to defend"
                if (rel.equals("advcl")
                        || rel.equals("xcomp")
                                && gov.isVerb()
                                && !cues.is("light", gov.lemma())
                                && s.child(gov, "obj") != null) {
                    e.setBackgrounded(true); // purpose: "fired tear gas to disperse the crowd"
                }
            }
            if (rel.equals("advcl")) {
                Token mark = s.child(x, "mark");
                if (mark != null
                        && cues.is("hypothetical", mark.lower())
                        && !mark.lower().equals("once")) e.setModality(Modality.HYPOTHETICAL);
                if (mark != null && cues.is("background", mark.lower())) e.setBackgrounded(true);
            }
            undone = toVerb && (rel.equals("xcomp") || rel.equals("acl") || rel.equals("advcl"))
                    || x.pos().equals("VBG") && (s.hasMark(x, "from") || "from".equals(s.caseOf(x)));
            if (gov.lemma().equals("seen") || gov.lemma().equals("see")) break;
            if (!(rel.equals("xcomp")
                    || rel.equals("conj")
                    || rel.equals("acl")
                    || rel.equals("advcl")
                    || rel.equals("ccomp")
                    || rel.equals("obj")
                    || rel.equals("nmod")
                    || rel.equals("obl")
                    || rel.equals("nsubj") && t.isNoun())) break;
            if (rel.equals("ccomp") && cues.is("report", gov.lemma())) break;
            x = gov;
        }
        if (t.isNoun()
                && t.deprel().startsWith("nsubj")
                && s.head(t) != null
                && cues.is("ending", s.head(t).lemma())) {
            e.setNote("reported as ending (\"" + s.head(t).text() + "\")"); // "a ceasefire ... collapsed"
        }
        if (t.isNoun() && e.code() != null && e.code().code().startsWith("172") && inForce(s, t))
            e.setNote("a restriction in force, not imposed here (\"towns under curfew\", \"the ban remains\")");
        // the object, or the passive subject ("an attack was being planned"), of the verb that frames the event noun,
        // or a noun joined to it ("sought the deployment of the army and the seizure of the stones")
        Token framed = t.isNoun()
                        && t.deprel().equals("conj")
                        && s.head(t) != null
                        && s.head(t).isNoun()
                ? s.head(t)
                : t;
        if (t.isNoun()
                && (framed.deprel().equals("obj") || framed.deprel().startsWith("nsubj:pass"))
                && s.head(framed) != null) {
            Token gov = s.head(framed);
            if (gov.isVerb() && lexicon.match(s, gov) == null) {
                // "would not accept any restrictions": the verb's negation and tense are the noun event's
                if (negated(s, gov)) e.setPolarity(Polarity.NEGATED);
                for (Token c : s.children(gov, "aux")) {
                    if (cues.is("modal-future", c.lower())) {
                        e.setModality(Modality.FUTURE);
                        e.setCue("will");
                    } else if (cues.is("modal-possible", c.lower())) {
                        e.setModality(Modality.POSSIBLE);
                        e.setCue(c.lower());
                    }
                }
            }
            if (cues.is("intent", gov.lemma()) && !cues.is("light", gov.lemma()))
                e.setModality(Modality.INTENDED); // "planning an attack"
            else if (cues.is("threat", gov.lemma())) e.setModality(Modality.THREATENED);
            else if (cues.is("failure", gov.lemma())) e.setPolarity(Polarity.FAILED);
        }
        if (t.isNoun()) {
            Token det = s.child(t, "det");
            if (det != null && Set.of("the", "those", "these", "that", "this").contains(det.lower()))
                e.setBackgrounded(true);
            Token gov = s.head(t);
            if (gov != null && !t.deprel().equals("obj") && !t.relation().equals("nsubj"))
                e.setBackgrounded(e.backgrounded() | (det != null && det.lower().equals("the")));
        }
        if (t.deprel().equals("amod")) e.setBackgrounded(true); // "the gathering crowds"
    }

    /**
     * "three towns are under curfew", "night curfew is still on", "the ban remains": a restriction told as in force,
     * not as imposed ("were put under curfew" is imposed).
     */
    private boolean inForce(Sentence s, Token t) {
        Token head = s.head(t);
        if ("under".equals(s.caseOf(t))) return head == null || !cues.is("imposing", head.lemma());
        // ("is still on in the town": the parser hangs "on" on the place)
        return head != null
                && t.relation().equals("nsubj")
                && (cues.is("in-force", head.lemma())
                        || s.children(head).stream()
                                .anyMatch(c -> c.index() < head.index() && cues.is("in-force", c.lower())));
    }

    /** A clause in the base form, without "to" or a modal: "that he resign", "that they be punished". */
    private static boolean subjunctive(Sentence s, Token x) {
        if (s.hasMark(x, "to") || s.child(x, "nsubj") == null && s.child(x, "nsubj:pass") == null) return false;
        List<Token> aux = s.children(x).stream()
                .filter(c -> c.deprel().startsWith("aux") || c.deprel().equals("cop"))
                .toList();
        return aux.isEmpty() ? x.pos().equals("VB") : aux.get(0).pos().equals("VB");
    }

    private boolean negated(Sentence s, Token t) {
        for (Token c : s.children(t)) {
            if ((c.deprel().equals("advmod")
                            || c.deprel().equals("neg")
                            || c.deprel().equals("det"))
                    && cues.is("negation", c.lower())) return true;
            // "instead of cracking down": a multi-word negation such as "instead of" heads the event as cc + fixed
            Token fixed = s.child(c, "fixed");
            if (fixed != null && cues.is("negation", c.lower() + " " + fixed.lower())) return true;
            // "neither the police nor the army was deployed": the subject's "neither" denies the verb
            if (c.relation().equals("nsubj")
                    && s.children(c, "cc:preconj").stream()
                            .anyMatch(p -> p.lower().equals("neither"))) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- attribution

    private void attribution(Analysis a, Sentence s, Token t, EventDraft e) {
        for (Token v : s.tokens()) {
            if (v.index() == t.index() || !cues.is("report", v.lemma())) continue;
            // "X said [event]", or "[event], X reported" where the report verb hangs off the event's clause
            boolean governs = s.dominates(v, t)
                    || (s.head(v) != null
                            && s.dominates(s.head(v), t)
                            && (v.deprel().equals("parataxis")
                                    || v.deprel().equals("ccomp")
                                    || v.deprel().equals("advcl")));
            if (!governs) continue;
            if (v.lemma().equals("according")) {
                Token to = caseChild(s, v, List.of("to"));
                if (to == null) to = s.child(v, "obl");
                if (to != null) setAttribution(a, s, e, to, "according to");
                return;
            }
            if (v.lemma().equals("report") && v.pos().equals("VBN") && s.child(v, "nsubj") == null) {
                e.setHedged(true); // "was reported seen"
                continue;
            }
            Token subj = s.child(v, "nsubj");
            if (subj == null) continue;
            setAttribution(a, s, e, subj, v.text());
            return;
        }
    }

    private void setAttribution(Analysis a, Sentence s, EventDraft e, Token who, String cue) {
        int[] span = s.span(who);
        Mention m = find(a, s, who);
        if (m == null && who.isPronoun()) return; // "he said" with no one for "he" to be: no attribution, not "per He"
        e.setAttributionActor(m);
        int from = span[0], to = Math.min(span[1], span[0] + 6);
        while (from < to && s.token(from).pos().matches("\\p{Punct}+|,|``|''")) from++;
        while (to > from && s.token(to).pos().matches("\\p{Punct}+|,|``|''")) to--;
        e.setAttributionText(m != null ? m.text() : s.text(from, to));
        e.setAttributionCue(cue);
    }

    // ---------------------------------------------------------------- time and place

    private void when(Analysis a, Sentence s, Token t, EventDraft e) {
        TimeRef ref = null;
        for (Token x = t; x != null && ref == null; x = s.head(x)) {
            ref = Dates.of(s, x, a.published(), cues);
            if (!(x.relation().equals("conj")
                    || x.relation().equals("xcomp")
                    || x.relation().equals("obj")
                    || x.relation().equals("nmod"))) break;
        }
        boolean past = t.pos().equals("VBD")
                || t.pos().equals("VBN")
                        && s.children(t).stream().noneMatch(c -> c.lemma().matches("will|shall|would"));
        if (ref != null && past) ref = ref.inThePast(a.published());
        if (ref != null
                && ref.value() != null
                && !ref.from().equals("publication")
                && ref.value().matches("\\d{4}.*")) {
            if (Integer.parseInt(ref.value().substring(0, 4)) < a.published().getYear() - 1) e.setHistorical(true);
        }
        if (ref == null && e.historical()) {
            e.setDateValue(null);
            e.setDatePrecision(null);
            e.setDateFrom("before publication");
            return;
        }
        if (ref == null) ref = TimeRef.publication(a.published());
        e.setDateValue(ref.value());
        e.setDatePrecision(ref.precision());
        e.setDateFrom(ref.from());
    }

    private void where(Analysis a, Sentence s, Token t, EventDraft e) {
        PlaceMention best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (PlaceMention p : a.places()) {
            if (p.sentence() != s.index() || !p.locative()) continue;
            Token head = s.headOf(p.from(), p.to());
            // "in Sa Kaeo province": the name modifies the noun that takes the preposition
            if (head.deprel().equals("compound")
                    && s.head(head) != null
                    && s.head(head).pos().startsWith("NN")
                    && s.caseOf(head) == null) head = s.head(head);
            String cs = s.caseOf(head);
            if (cs == null || !org.sitrep.text.Syntax.LOCATIVE.contains(cs)) continue;
            int depth = depthBelow(s, t, head);
            if (depth < 0) depth = 100 + Math.abs(head.index() - t.index());
            if (depth < bestDepth) {
                best = p;
                bestDepth = depth;
            }
        }
        if (best == null) best = focus(a);
        e.setLocation(best);
    }

    /**
     * "walked out of the Lok Sabha": a place word inside the name of an actor the knowledge base knows is part of that
     * name, not where anything happened (Sabha, Libya).
     */
    private static boolean inKnownName(Analysis a, PlaceMention p) {
        if (p.sentence() >= a.mentions().size()) return false;
        for (Mention m : a.mentions().get(p.sentence()))
            if (m.kind() == Mention.Kind.NAMED
                    && m.entry() != null
                    && m.from() <= p.from()
                    && p.to() <= m.to()
                    && (m.from() < p.from() || p.to() < m.to())) return true;
        return false;
    }

    /**
     * "..., aid workers in Nairobi said", "told reporters in Geneva": a place in the clause of a verb of reporting, not
     * in what it reports, is where the teller is; nothing told happened there because of it.
     */
    private boolean tellersPlace(Sentence s, PlaceMention p) {
        Token x = s.headOf(p.from(), p.to());
        for (Token up = s.head(x); up != null; x = up, up = s.head(up)) {
            if (Set.of("ccomp", "xcomp", "parataxis", "advcl", "acl:relcl", "conj", "csubj")
                    .contains(x.deprel())) return false;
            // its subject ("officials in Geneva said"), or a bare "said"/"told": "declared a curfew in Haiti" is an act
            // there
            boolean report = cues.is("report", up.lemma()) || cues.is("report", up.lower());
            if (report
                    && (x.relation().equals("nsubj")
                            || up.lemma().equals("say")
                            || up.lemma().equals("tell"))) return true;
        }
        return false;
    }

    private static int depthBelow(Sentence s, Token ancestor, Token t) {
        int d = 0;
        for (Token x = t; x != null; x = s.head(x), d++) {
            if (x.index() == ancestor.index()) return d;
        }
        return -1;
    }

    /** The document's focus: its most named city, else its most named place; a dateline (where the
     * story was filed, often not where it happened) counts for less than a city named in the text. */
    private static PlaceMention focus(Analysis a) {
        Map<String, Integer> counts = new HashMap<>();
        PlaceMention best = null;
        int bestScore = 0;
        for (PlaceMention p : a.places()) {
            if (!p.locative()) continue;
            int weight = p.sentence() < 0
                    ? 5
                    : p.place().kind().equals("country") || p.place().kind().equals("region") ? 1 : 10;
            int c = counts.merge(p.place().name(), 1, Integer::sum) * weight;
            if (c > bestScore) {
                best = p;
                bestScore = c;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- counts

    /** The record's counts of people; the words that count them are data (cues.tsv, kinds count-killed ...). */
    private static final List<String> COUNTS = List.of("killed", "injured", "arrested");

    private void counts(Sentence s, Token t, EventDraft e) {
        for (Mention m : e.source()) if (m.quantity() != null) e.putCount("size", m.quantity());
        if (e.code() == null || e.code().quadClass() != 4) return;
        Map<String, String> vague = new HashMap<>(); // a number anywhere in the sentence comes first
        for (Token k : s.tokens()) {
            String what = null;
            for (String count : COUNTS) if (what == null && cues.is("count-" + count, k.lemma())) what = count;
            if (what == null || e.counts().containsKey(what)) continue;
            Integer n = number(s, k);
            if (n != null) e.putCount(what, n);
            else if (k.isVerb() || k.pos().equals("VBG")) {
                Token obj = s.child(k, "obj");
                // without a number, only a toll told of this act: itself, or the word it hangs on ("died in police
                // firing"), not one of another act of the sentence
                boolean own = k == t || s.head(t) == k || s.head(k) == t;
                String word = obj != null && obj.lower().equals("many") ? "many" : own ? unnumbered(s, k) : null;
                if (word != null) vague.putIfAbsent(what, word);
            }
        }
        vague.forEach((what, word) -> {
            if (!e.counts().containsKey(what)) e.putCount(what, word);
        });
    }

    /**
     * "is killing peaceful ram sevaks", "more people died in police firing", "how many people were killed": people
     * the toll names in the plural with no number are some, not none. The count is the vague word the text gives
     * ("several", "dozens"), else "some"; never a number the text does not give.
     */
    private String unnumbered(Sentence s, Token k) {
        List<Token> victims = new ArrayList<>();
        victims.add(s.child(k, "obj"));
        victims.add(s.child(k, "nsubj:pass"));
        // "people died in the firing": the one who dies is the subject
        if (cues.is("count-killed", k.lemma()) && !cues.is("victim-verb", k.lemma())) victims.add(s.child(k, "nsubj"));
        Token gov = s.head(k);
        if (gov != null && k.deprel().equals("acl") && k.pos().equals("VBN")) victims.add(gov); // "people killed in"
        for (Token v : victims) {
            if (v == null || !v.pos().startsWith("NNS") || cues.number(v.lower()) != null) continue;
            // "fifty-eight passengers": a number the cues cannot read is no vague count
            if (s.child(v, "nummod") != null) return null;
            if (cues.is("vague-number", v.lower())) return v.lower(); // "dozens of people were killed"
            for (Token c : s.children(v)) {
                boolean asked = s.children(c).stream().anyMatch(x -> x.lower().equals("how")); // "how many"
                if (!asked && !c.relation().equals("nmod") && cues.is("vague-number", c.lower())) return c.lower();
            }
            return "some";
        }
        return null;
    }

    /** An attack with no target named takes its victims: "rocket attacks ..., which resulted in the death of one U.S. contractor". */
    private void victims(Analysis a, Sentence s, Token t, EventDraft e) {
        if (!e.target().isEmpty()
                || e.code() == null
                || !"ASSAULT".equals(e.code().plover())) return;
        Token gov = s.head(t);
        if (t.isNoun() && t.deprel().startsWith("nsubj") && gov != null && cues.is("victim-verb", gov.lemma())) {
            e.addTargets(resolve(a, s, s.child(gov, "obj"))); // "a roadside bombing killed one U.S. soldier"
            if (!e.target().isEmpty()) return;
        }
        for (Token k : s.tokens()) {
            if (!cues.is("victim-noun", k.lemma()) || !k.isNoun()) continue;
            if (!s.dominates(t, k)) continue;
            Token of = caseChild(s, k, List.of("of"));
            e.addTargets(resolve(a, s, of));
            if (!e.target().isEmpty()) return;
        }
    }

    /** "the death of one U.S. contractor", "killing 12 people", "five were killed". */
    private Integer number(Sentence s, Token k) {
        List<Token> around = new ArrayList<>(s.children(k));
        Token gov = s.head(k);
        if (gov != null && (k.deprel().equals("acl") || k.deprel().equals("amod"))) around.add(gov);
        // "about 60 people were shot dead": the number is on whom the verb the toll word completes names
        if (gov != null
                && (k.deprel().equals("xcomp")
                        || k.deprel().equals("obj") && k.pos().startsWith("JJ"))) {
            for (String rel : List.of("nsubj:pass", "obj"))
                if (s.child(gov, rel) != null) around.add(s.child(gov, rel));
        }
        List<Token> direct = new ArrayList<>(around);
        for (Token c : direct) around.addAll(s.children(c));
        for (Token c : around) {
            if (!(c.deprel().equals("nummod") || c.pos().equals("CD"))) continue;
            Integer v = cues.number(c.lower());
            if (v != null) return v;
            try {
                return Integer.parseInt(c.text().replace(",", ""));
            } catch (NumberFormatException ignored) {
                // "dozens", "30-plus": not a count we can give exactly
            }
        }
        // "killed a pilgrim", "a constable was killed": one, unless the noun only measures ("a dozen", "a group of")
        for (Token c : direct) {
            if (!(c.deprel().equals("obj") || c.deprel().equals("nsubj:pass"))
                    || !(c.pos().equals("NN") || c.pos().equals("NNP")) // "killed a Ram Bhakt": truecased
                    || cues.number(c.lower()) != null
                    || s.child(c, "nmod") != null && "of".equals(s.caseOf(s.child(c, "nmod")))) continue;
            Token det = s.child(c, "det");
            if (det != null && (det.lower().equals("a") || det.lower().equals("an"))) return 1;
        }
        return null;
    }
}
