package org.sitrep.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * The event lexicon (data/events/lexicon.tsv): verb patterns ("set on fire": the verb, then words in
 * its clause in order) and event-noun sequences ("rocket attack", contiguous). The longest pattern wins.
 */
public final class Lexicon {

    public record Entry(List<String> words, boolean verb, String cameo, String origin) {
        public boolean isEvent() {
            return !cameo.equals(NOT_AN_EVENT);
        }

        public String rule() {
            return (verb ? "verb:" : "noun:") + String.join(" ", words) + " -> " + cameo;
        }
    }

    /** A trigger found in a sentence: the head token and the tokens the pattern covered. */
    public record Match(Entry entry, int head, int from, int to) {}

    public static final String NOT_AN_EVENT = "-";
    private final Map<String, List<Entry>> verbs = new HashMap<>();
    private final Map<String, List<Entry>> nouns = new HashMap<>();

    public static Lexicon load(KnowledgeFiles files, Codebook codebook) {
        Lexicon lx = new Lexicon();
        for (Tsv.Row r : files.rows("events/lexicon.tsv")) {
            List<String> words =
                    List.of(r.get(0).toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"));
            String pos = r.get(1);
            String code = r.get(2);
            // "-" marks a sense that is no event ("press on", "release footage"): it wins like any longer pattern, and
            // codes nothing
            if (!code.equals(NOT_AN_EVENT) && codebook.get(code) == null)
                throw new IllegalArgumentException(r.where() + ": unknown CAMEO code '" + code + "'");
            boolean verb = pos.equals("v");
            if (!verb && !pos.equals("n"))
                throw new IllegalArgumentException(r.where() + ": pos must be v or n, got '" + pos + "'");
            Entry e = new Entry(words, verb, code, r.where());
            if (verb) lx.add(lx.verbs, words.get(0), e);
            else lx.add(lx.nouns, words.get(words.size() - 1), e);
        }
        return lx;
    }

    private void add(Map<String, List<Entry>> index, String key, Entry e) {
        List<Entry> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        list.removeIf(x -> x.words().equals(e.words())); // a user layer overrides
        list.add(e);
    }

    public int size() {
        return verbs.values().stream().mapToInt(List::size).sum()
                + nouns.values().stream().mapToInt(List::size).sum();
    }

    /** The best lexicon match with {@code t} as its head, or null. */
    public Match match(Sentence s, Token t) {
        if (t.isVerb()) {
            Match m = matchVerb(s, t);
            if (m != null) return m;
        }
        if (t.isNoun()) return matchNoun(s, t);
        // a phrase that ends in the word of a predicate: "the police were nowhere to be seen" (a participle or gerund
        // in a noun's place, "a Memorandum of Understanding", is left to the noun it stands for)
        if (!PREDICATE.contains(t.relation())) return null;
        Match m = matchNoun(s, t);
        return m != null && m.from() < m.to() ? m : null;
    }

    private Match matchVerb(Sentence s, Token t) {
        List<Entry> entries = verbs.get(t.lemma());
        if (entries == null) return null;
        List<Integer> order = wordOrder(s, t);
        Match best = null;
        for (Entry e : entries) {
            int pos = -1; // position in order
            int first = t.index(), last = t.index();
            boolean ok = true;
            for (int w = 1; w < e.words().size() && ok; w++) {
                String word = e.words().get(w);
                // "sb" needs an object, "to" an infinitive complement: "expect sb to" is "we expect Iraq to act"
                if (word.equals("sb")) {
                    ok = s.child(t, "obj") != null || s.child(t, "iobj") != null;
                    continue;
                }
                if (word.equals("to")
                        && w == e.words().size() - 1
                        && e.words().get(w - 1).equals("sb")) {
                    ok = s.child(t, "xcomp") != null;
                    continue;
                }
                // "stand by$": the word must be the verb's particle, with nothing it governs ("the police stood by"),
                // not a preposition ("stood by its ally")
                boolean particle = word.endsWith(PARTICLE);
                if (particle) word = word.substring(0, word.length() - PARTICLE.length());
                int found = -1;
                for (int p = pos + 1; p < order.size(); p++) {
                    Token c = s.token(order.get(p));
                    if (matches(c, word)
                            && (c.index() < t.index() || inClause(s, t, c))
                            && (!particle || particle(s, t, c))) {
                        found = p;
                        break;
                    }
                }
                if (found < 0) ok = false;
                else {
                    pos = found;
                    first = Math.min(first, order.get(found));
                    last = Math.max(last, order.get(found));
                }
            }
            if (ok && (best == null || weight(e) > weight(best.entry()))) best = new Match(e, t.index(), first, last);
        }
        return best;
    }

    private static final java.util.Set<String> PREDICATE =
            java.util.Set.of("root", "xcomp", "ccomp", "advcl", "conj", "parataxis");

    /** Marks a pattern word that must be a particle: "stand by$". */
    static final String PARTICLE = "$";

    /** Longer patterns win; of two as long, the one that asks for a particle is the more specific. */
    private static int weight(Entry e) {
        return 2 * e.words().size()
                + (int) e.words().stream().filter(w -> w.endsWith(PARTICLE)).count();
    }

    /**
     * c is t's particle: an adverb or particle of t, or a subordinator the parser hung on the next clause although that
     * clause has its own ("stood by while the mob looted": "while" is the clause's, "by" the verb's).
     */
    private static boolean particle(Sentence s, Token t, Token c) {
        if (c.deprel().equals("advmod") || c.deprel().equals("compound:prt")) return s.head(c) == t;
        Token h = s.head(c);
        if (!c.deprel().equals("mark") || c.index() != t.index() + 1 || h == null || h.head() != t.index())
            return false;
        // the clause's own subordinator: another mark, or a wh-adverb ("when")
        return s.children(h).stream()
                .anyMatch(m -> m != c
                        && m.index() < h.index()
                        && (m.deprel().equals("mark")
                                || m.deprel().equals("advmod") && m.pos().startsWith("W")));
    }

    /**
     * The words a verb pattern is matched against, in order: the words after the verb in its clause, and before them
     * the phrase that is the verb's object in a passive ("grenades were hurled" reads as "hurled grenades", "rockets
     * fired at the base" as "fired rockets", "the strike was called off" as "called off the strike").
     */
    private static List<Integer> wordOrder(Sentence s, Token t) {
        List<Integer> order = new ArrayList<>();
        Token object = s.child(t, "nsubj:pass");
        if (object == null
                && t.pos().equals("VBN")
                && t.deprel().equals("acl")
                && s.head(t) != null
                && s.head(t).index() < t.index()) object = s.head(t);
        if (object != null && object.index() < t.index()) {
            // the verb's particle comes before its object, as in the active ("the strike was called off": "called off
            // the strike")
            for (Token c : s.children(t, "compound:prt")) order.add(c.index());
            // the noun and the words before it ("tear gas", "mortar shells"), not its own clauses or phrases
            for (int k = s.span(object)[0]; k <= object.index(); k++) if (s.dominates(object, s.token(k))) order.add(k);
        }
        for (int k = t.index() + 1; k < s.size() && k <= t.index() + 12; k++) order.add(k);
        return order;
    }

    private static boolean matches(Token c, String word) {
        return c.lemma().equals(word) || c.lower().equals(word);
    }

    /** c is in t's own clause: t dominates it without passing through another verb's clause. */
    private static boolean inClause(Sentence s, Token t, Token c) {
        // "called on both sides to return": the parser hangs "on" on the complement verb
        Token h = s.head(c);
        if ((c.deprel().equals("mark") || c.deprel().equals("case"))
                && h != null
                && h.head() == t.index()
                && c.index() == t.index() + 1) return true;
        for (Token x = c; x != null; x = s.head(x)) {
            if (x.index() == t.index()) return true;
            if (x != c && x.isVerb()) return false;
            if (x.deprel().equals("acl:relcl") || x.deprel().equals("ccomp")) return false;
        }
        return false;
    }

    private Match matchNoun(Sentence s, Token t) {
        List<Entry> entries = nouns.get(t.lemma());
        if (entries == null) entries = nouns.get(t.lower());
        if (entries == null) return null;
        Match best = null;
        for (Entry e : entries) {
            int n = e.words().size();
            int from = t.index() - n + 1;
            if (from < 0) continue;
            boolean ok = true;
            for (int w = 0; w < n - 1 && ok; w++)
                ok = matches(s.token(from + w), e.words().get(w));
            if (ok && (best == null || n > best.entry().words().size()))
                best = new Match(e, t.index(), from, t.index());
        }
        return best;
    }
}
