package org.sitrep.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.KbEntry;
import org.sitrep.text.Sentence;
import org.sitrep.text.Syntax;
import org.sitrep.text.Token;

/**
 * Finds every sentence's actor mentions, learns actors the text itself describes ("X, who heads Y";
 * "X, the leader of Y"; "X, also known as Y"; "a group known as Y"), and resolves third-person
 * pronouns to the person or group they stand for.
 */
public final class ActorStage implements org.sitrep.analysis.Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.MENTIONS);
    }

    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "him", "his", "she", "her");
    private static final Set<String> GROUP_PRONOUNS = Set.of("they", "them", "their");

    private final ActorResolver resolver;

    public ActorStage(ActorResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void process(Analysis a) {
        Map<String, String> seen = new HashMap<>();
        a.setMentions(new ArrayList<>());
        for (Sentence s : a.sentences())
            a.addSentenceMentions(new ArrayList<>(resolver.mentions(s, a.published(), seen)));
        learn(a);
        sharedNouns(a);
        surnames(a);
        resolvePronouns(a);
    }

    /** "Pakistani and Afghan border forces": the second country takes the noun's sectors too (AFGCOP beside PAKCOP). */
    private static void sharedNouns(Analysis a) {
        for (Sentence s : a.sentences()) {
            List<Mention> ms = a.mentions().get(s.index());
            for (Mention m : List.copyOf(ms)) {
                if (m.country() == null || m.sectors().isEmpty()) continue;
                for (Token c : Syntax.coordinatedModifiers(s, s.token(m.head()))) {
                    Mention other = a.mentionAt(s.index(), c.index());
                    if (other != null
                            && other.country() != null
                            && !other.country().equals(m.country())
                            && other.sectors().isEmpty()) {
                        ms.set(
                                ms.indexOf(other),
                                other.withCode(
                                        other.country() + String.join("", m.sectors()), other.country(), m.sectors()));
                    }
                }
            }
        }
    }

    /**
     * "Saree threatened..." after "Houthi military spokesman Yahya Saree said...": a bare surname that the
     * knowledge base cannot resolve names the person named in full earlier in the document; so does one after an
     * honorific ("Mr Maria stated" after "railway police commissioner Rakesh Maria").
     */
    private void surnames(Analysis a) {
        Map<String, Mention> people = new HashMap<>(); // last name -> the full mention
        for (Sentence s : a.sentences()) {
            List<Mention> ms = a.mentions().get(s.index());
            for (Token t : s.tokens()) {
                Mention full = people.get(t.text());
                int i = t.index();
                int from = i > 0
                                && resolver.kb()
                                        .is("honorific", s.token(i - 1).lower().replace(".", ""))
                        ? i - 1
                        : i;
                if (full == null
                        || !t.isProperNoun()
                        || from == i && i > 0 && s.token(i - 1).isProperNoun()
                        || i + 1 < s.size() && s.token(i + 1).isProperNoun()) continue;
                Mention unknown = ms.stream()
                        .filter(m -> m.from() == from
                                && m.to() == i
                                && m.kind() == Mention.Kind.NAMED
                                && m.code() == null
                                && m.entry() == null)
                        .findFirst()
                        .orElse(null);
                if (unknown != null) {
                    ms.set(ms.indexOf(unknown), unknown.withIdentity(full));
                    continue;
                }
                if (ms.stream().anyMatch(m -> m.contains(i))) continue;
                insert(ms, Mention.referringTo(full, s.index(), from, i, i, s.text(from, i), Mention.Kind.NAMED));
            }
            for (Mention m : ms) {
                Token last = s.token(m.to());
                if (m.kind() == Mention.Kind.NAMED
                        && m.code() != null
                        && m.to() > m.from()
                        && last.ner().equals("PERSON")) people.put(last.text(), m);
            }
        }
    }

    /** Appositions and relative clauses that say who an unknown person is. */
    private void learn(Analysis a) {
        Map<String, Mention> byName = new HashMap<>();
        for (Sentence s : a.sentences()) {
            List<Mention> ms = a.mentions().get(s.index());
            for (int i = 0; i < ms.size(); i++) {
                Mention x = ms.get(i);
                int k = x.to() + 1;
                Mention y = null;
                boolean alias = false;
                if (k < s.size() && s.token(k).text().equals(",")) {
                    int j = k + 1;
                    if (j < s.size() && s.token(j).lower().equals("also")) j++;
                    if (j + 1 < s.size()
                            && s.token(j).lower().equals("known")
                            && s.token(j + 1).lower().equals("as")) {
                        y = next(ms, i, j + 2, 2);
                        alias = true;
                    } else if (j < s.size()
                            && s.token(j).lower().equals("who")
                            && j + 1 < s.size()
                            && resolver.kb().is("head-verb", s.token(j + 1).lemma())) {
                        y = next(ms, i, j + 2, 3);
                    } else {
                        while (j < s.size()
                                && Set.of("the", "a", "an", "top", "senior", "former", "deputy", "political")
                                        .contains(s.token(j).lower())) j++;
                        if (j + 1 < s.size()
                                && resolver.kb().is("role", s.token(j).lemma())
                                && Set.of("for", "of").contains(s.token(j + 1).lower())) {
                            y = next(ms, i, j + 2, 8);
                        } else if (x.code() == null) {
                            // "X, the UN secretary-general", "X, Poland's foreign minister": an unknown person takes
                            // the group named right before the role word (not "Washington, officials said")
                            y = ownerBeforeRole(s, next(ms, i, j, 0));
                        }
                    }
                } else if (k + 1 < s.size()
                        && s.token(k).lower().equals("known")
                        && s.token(k + 1).lower().equals("as")) {
                    // "the pro-Iranian political group known as the Badr Organization"
                    y = next(ms, i, k + 2, 2);
                    if (y != null && x.kind() == Mention.Kind.AGENT && y.entry() != null) {
                        ms.set(i, x.withIdentity(y));
                        continue;
                    }
                    y = null;
                }
                if (y == null || y.code() == null || x.entry() != null && !alias) continue;
                if (alias) {
                    // two names for one actor: whichever is known lends its identity to the other
                    if (x.entry() == null && (y.entry() != null || y.code() != null)) ms.set(i, learned(x, y));
                    else if (y.entry() == null && x.code() != null) ms.set(ms.indexOf(y), learned(y, x));
                } else if (x.kind() == Mention.Kind.NAMED) {
                    ms.set(i, learned(x, y));
                }
                byName.put(x.text(), ms.get(i));
            }
            // later mentions of a learned or described person by a shorter form of the name
            for (int i = 0; i < ms.size(); i++) {
                Mention m = ms.get(i);
                if (m.entry() != null || m.kind() != Mention.Kind.NAMED || m.antecedent() != null) continue;
                for (Mention known : byName.values()) {
                    if (known != m
                            && known.text().length() > m.text().length()
                            && known.text().endsWith(m.text())
                            && known.code() != null) {
                        ms.set(i, m.withIdentity(known));
                        break;
                    }
                }
            }
        }
    }

    /** y when a role word follows it within two tokens ("UN secretary-general", "Poland's foreign minister"). */
    private Mention ownerBeforeRole(Sentence s, Mention y) {
        if (y == null) return null;
        if (resolver.kb().is("role", s.token(y.head()).lemma())) return y;
        for (int k = y.to() + 1; k <= y.to() + 3 && k < s.size(); k++) {
            Token t = s.token(k);
            if (resolver.kb().is("role", t.lemma())) return y;
            if (!t.lower().equals("'s")
                    && !t.lower().equals("'")
                    && !resolver.kb().is("role-modifier", t.lower())) return null;
        }
        return null;
    }

    private static Mention next(List<Mention> ms, int after, int fromToken, int window) {
        for (int i = after + 1; i < ms.size(); i++) {
            Mention m = ms.get(i);
            if (m.from() >= fromToken && m.from() <= fromToken + window) return m;
            if (m.from() > fromToken + window) break;
        }
        return null;
    }

    /** x described by y: x takes y's country and sectors and is marked learned (its entry stays null). */
    private static Mention learned(Mention x, Mention y) {
        return new Mention(
                x.sentence(),
                x.from(),
                x.to(),
                x.head(),
                x.text(),
                x.kind(),
                y.entry() != null && y.entry().isPerson() ? y.entry() : null,
                x.name() != null ? x.name() : x.text(),
                y.code(),
                y.country(),
                y.sectors(),
                y.sponsors(),
                y.countryInferred(),
                x.quantity(),
                y);
    }

    /** he/she → the latest person, preferring earlier subjects; they → the previous sentence's subject. */
    private void resolvePronouns(Analysis a) {
        for (Sentence s : a.sentences()) {
            List<Mention> ms = a.mentions().get(s.index());
            for (Token t : s.tokens()) {
                String w = t.lower();
                boolean person = PERSON_PRONOUNS.contains(w);
                boolean group = GROUP_PRONOUNS.contains(w);
                boolean thing = (w.equals("it") || w.equals("its")) && referential(s, t);
                if (isBareDescription(s, t) && ms.stream().noneMatch(m -> m.contains(t.index()))) {
                    Mention ante = namedGroup(a, s, t);
                    if (ante != null)
                        insert(
                                ms,
                                Mention.referringTo(
                                        ante,
                                        s.index(),
                                        t.index() - 1,
                                        t.index(),
                                        t.index(),
                                        s.text(t.index() - 1, t.index()),
                                        Mention.Kind.AGENT));
                    continue;
                }
                if (!person && !group && !thing || !t.isPronoun()) continue;
                Mention ante = thing ? stateOrGroup(a, s, t) : antecedent(a, s, t, person);
                if (ante == null) continue;
                insert(ms, Mention.pronoun(ante, s.index(), t.index()));
            }
        }
    }

    /** Adds a mention in text order, so later lookups that stop at a position see it. */
    private static void insert(List<Mention> ms, Mention m) {
        int at = 0;
        while (at < ms.size() && ms.get(at).from() < m.from()) at++;
        ms.add(at, m);
    }

    private Mention antecedent(Analysis a, Sentence s, Token pronoun, boolean person) {
        for (int back = 0; back <= 3 && s.index() - back >= 0; back++) {
            Sentence prev = a.sentences().get(s.index() - back);
            List<Mention> ms = a.mentions().get(prev.index());
            Mention subject = null, latest = null;
            for (Mention m : ms) {
                if (back == 0 && m.from() >= pronoun.index()) break;
                if (m.kind() == Mention.Kind.PRONOUN && m.antecedent() == null) continue;
                if (person && !personLike(prev, m)) continue;
                if (!person && (personLike(prev, m) && m.kind() != Mention.Kind.AGENT || !plural(prev, m))) continue;
                Token h = prev.token(m.head());
                if (subject == null && (h.deprel().startsWith("nsubj") || isSubjectQuantity(prev, h))) subject = m;
                latest = m;
            }
            Mention pick = subject != null ? subject : latest;
            if (pick != null)
                return pick.antecedent() != null && pick.kind() == Mention.Kind.PRONOUN ? pick.antecedent() : pick;
        }
        return null;
    }

    /**
     * What "they" can stand for: a plural ("the rebels"), several coordinated ("Cho and Kamikawa"), a collective noun
     * (actors/cues.tsv: "police said they"), or
     * a named state or group ("Iran ... They will be held responsible"); not one person or thing ("the sister", "the ship").
     */
    private boolean plural(Sentence s, Mention m) {
        Token h = s.token(m.head());
        if (m.kind() == Mention.Kind.PRONOUN)
            return GROUP_PRONOUNS.contains(h.lower()); // "they" before: the same plural
        if (h.pos().equals("NNS")
                || h.pos().equals("NNPS")
                || !s.children(h, "conj").isEmpty()
                || resolver.kb().is("collective", h.lemma())) return true;
        return m.kind() == Mention.Kind.NAMED && m.code() != null;
    }

    /** "the group", "the movement": a bare definite description, no words of its own to resolve. */
    private boolean isBareDescription(Sentence s, Token t) {
        return resolver.kb().is("group-noun", t.lower())
                && t.index() > 0
                && s.token(t.index() - 1).lower().equals("the")
                && s.children(t).stream()
                        .allMatch(c -> c.deprel().equals("det")
                                || c.deprel().equals("punct")
                                || c.deprel().equals("case"));
    }

    /** The named group or organisation "the group" refers back to: the latest named in this or the three sentences before. */
    private Mention namedGroup(Analysis a, Sentence s, Token t) {
        for (int back = 0; back <= 3 && s.index() - back >= 0; back++) {
            Mention pick = null;
            for (Mention m : a.mentions().get(s.index() - back)) {
                if (back == 0 && m.from() >= t.index()) break;
                KbEntry e = m.entry() != null
                        ? m.entry()
                        : m.antecedent() != null ? m.antecedent().entry() : null;
                if (m.kind() == Mention.Kind.NAMED
                        && e != null
                        && (e.kind() == KbEntry.Kind.GROUP || e.kind() == KbEntry.Kind.ORGANIZATION)) pick = m;
            }
            if (pick != null) return pick;
        }
        return null;
    }

    /** "it" as an actor ("the army said it launched"), not the "it" of "it is expected that". */
    private boolean referential(Sentence s, Token t) {
        if (t.lower().equals("its")) return true;
        Token gov = s.head(t);
        if (gov == null || !(t.deprel().startsWith("nsubj") || t.deprel().equals("obj"))) return false;
        if (resolver.kb().is("impersonal", gov.lemma())) return false;
        // "it is willing to withdraw": a disposition is someone's, unlike "it is clear that"
        if (resolver.kb().is("disposition", gov.lower())
                && s.children(gov).stream().anyMatch(c -> c.deprel().equals("xcomp"))) return true;
        return s.children(gov).stream()
                .noneMatch(c -> c.deprel().equals("cop")
                        || c.deprel().equals("ccomp") && gov.pos().startsWith("JJ"));
    }

    /** "it"/"its" stand for a country, organisation or group: the nearest such subject, in this sentence or the one before. */
    private Mention stateOrGroup(Analysis a, Sentence s, Token pronoun) {
        for (int back = 0; back <= 1 && s.index() - back >= 0; back++) {
            Sentence prev = a.sentences().get(s.index() - back);
            Mention pick = null;
            for (Mention m : a.mentions().get(prev.index())) {
                if (back == 0 && m.from() >= pronoun.index()) break;
                if (m.kind() == Mention.Kind.PRONOUN || personLike(prev, m) || m.code() == null) continue;
                Token h = prev.token(m.head());
                if (h.pos().equals("NNS") || h.pos().equals("NNPS")) continue;
                if (h.deprel().startsWith("nsubj")) pick = m;
                else if (pick == null && back == 0) pick = m;
            }
            if (pick != null) return pick;
        }
        return null;
    }

    private static boolean isSubjectQuantity(Sentence s, Token h) {
        Token g = s.head(h);
        return g != null && g.deprel().startsWith("nsubj") && h.deprel().startsWith("nmod");
    }

    private boolean personLike(Sentence s, Mention m) {
        if (m.entry() != null) return m.entry().isPerson();
        Token h = s.token(m.head());
        if (h.ner().equals("PERSON")) return true;
        if (m.antecedent() != null && m.kind() == Mention.Kind.NAMED) return true;
        return m.kind() == Mention.Kind.AGENT
                && !h.pos().endsWith("S")
                && resolver.kb().singlePerson(h.lemma());
    }
}
