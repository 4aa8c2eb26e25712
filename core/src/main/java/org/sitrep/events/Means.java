package org.sitrep.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.EventDraft;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * The means of violence (data/events/means.tsv): the weapon and delivery words in a violent act's own clause make
 * its CAMEO code and PLOVER mode specific ("US warplanes pounded the village": 195 aerial, not 194).
 */
public final class Means {

    /** One means: its cue phrases, the code and mode it gives, the code when the act kills, and its strength (0 strongest). */
    public record Row(String name, String cameo, String mode, String lethal, int rank) {
        boolean weapon() {
            return !cameo.equals(NOT_A_MEANS);
        }
    }

    /** A means named in a sentence: the cue as listed and the tokens it covers. */
    public record Found(Row means, String cue, int from, int to) {}

    public static final String NOT_A_MEANS = "-";

    private record Cue(List<String> words, Row row) {}

    private final Map<String, List<Cue>> byLastWord = new HashMap<>();
    private final Map<String, Integer> rankOfCode = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Codebook codebook;
    private final Cues cues;

    private Means(Codebook codebook, Cues cues) {
        this.codebook = codebook;
        this.cues = cues;
    }

    public static Means load(KnowledgeFiles files, Codebook codebook, Cues cues) {
        Map<String, Set<String>> modes = new HashMap<>();
        for (Tsv.Row r : files.rows("events/plover.tsv")) modes.put(r.get(0), new HashSet<>(r.list(2)));
        Means out = new Means(codebook, cues);
        for (Tsv.Row r : files.rows("events/means.tsv")) {
            String cameo = r.get(2);
            List<String> phrases = r.list(1);
            if (r.get(0).isEmpty() || phrases.isEmpty())
                throw new IllegalArgumentException(r.where() + ": a name and cues are required");
            Row row;
            if (cameo.equals(NOT_A_MEANS)) {
                row = new Row(r.get(0), cameo, null, null, Integer.MAX_VALUE);
            } else {
                Codebook.Code code = known(codebook, cameo, r);
                String lethal = r.get(4).isEmpty() ? null : r.get(4);
                if (lethal != null) known(codebook, lethal, r);
                String mode = r.get(3);
                if (!modes.getOrDefault(code.plover(), Set.of()).contains(mode)) {
                    throw new IllegalArgumentException(
                            r.where() + ": mode '" + mode + "' is not a mode of " + code.plover() + " (plover.tsv)");
                }
                row = new Row(r.get(0), cameo, mode, lethal, out.rows.size());
                out.rows.add(row);
                out.rankOfCode.putIfAbsent(cameo, row.rank());
            }
            for (String phrase : phrases) {
                List<String> words =
                        List.of(phrase.toLowerCase(Locale.ROOT).trim().split("\\s+"));
                List<Cue> list = out.byLastWord.computeIfAbsent(words.get(words.size() - 1), k -> new ArrayList<>());
                list.removeIf(c -> c.words().equals(words)); // a user layer overrides
                list.add(new Cue(words, row));
            }
        }
        return out;
    }

    private static Codebook.Code known(Codebook codebook, String cameo, Tsv.Row r) {
        if (!codebook.has(cameo))
            throw new IllegalArgumentException(r.where() + ": unknown CAMEO code '" + cameo + "'");
        return codebook.get(cameo);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Makes a violent event's code as specific as the means its own clause names: a code that names no means
     * (18, 180, 19, 190, 20, 200), a means code when a stronger means is named, or a code's own descendant.
     */
    public void refine(Sentence s, Token t, EventDraft e) {
        if (e.code() == null || e.code().quadClass() != 4) return;
        Found best = strongest(s, scope(s, t, e));
        if (best == null) return;
        Row m = best.means();
        String code = m.lethal() != null && lethal(s, t, e) ? m.lethal() : m.cameo();
        if (code.equals(e.code().code()) || !refines(e.code(), code, m)) return;
        Codebook.Code c = codebook.get(code);
        // a killing takes the codebook's mode for the killing code ("kill"), otherwise the means' own
        e.setCode(new Codebook.Code(
                c.code(),
                c.name(),
                c.goldstein(),
                c.quadClass(),
                c.plover(),
                code.equals(m.cameo()) ? m.mode() : c.mode()));
        e.setRule(e.rule() + " + means: " + best.cue());
    }

    private boolean refines(Codebook.Code current, String code, Row m) {
        String cur = current.code();
        if (cur.startsWith(code)) return false; // never less specific: 1831 stays 1831 with "bomb"
        if (unspecified(current)) return true;
        Integer rank = rankOfCode.get(cur);
        if (rank != null) return m.rank() < rank; // pound (194) + warplanes (listed higher) → 195
        return code.startsWith(cur); // 204 + chlorine → 2041
    }

    /** A violent code that names no means: a root or its "unspecified" code (18, 180, 19, 190, 20, 200). */
    private static boolean unspecified(Codebook.Code c) {
        return "ASSAULT".equals(c.plover())
                && c.mode() == null
                && (c.code().length() == 2 || c.code().length() == 3 && c.code().endsWith("0"));
    }

    /** The act kills: its trigger, or a word hanging on it ("killing two"), is a killing, or the sentence counts dead. */
    private boolean lethal(Sentence s, Token t, EventDraft e) {
        if (e.counts().containsKey("killed") || cues.is("lethal", t.lemma())) return true;
        for (Token c : s.children(t)) if (cues.is("lethal", c.lemma())) return true;
        return false;
    }

    /** The strongest means whose phrase ends on a scope token; "-" phrases and longer phrases shadow shorter ones. */
    Found strongest(Sentence s, Set<Integer> scope) {
        if (scope.isEmpty()) return null;
        List<Found> all = new ArrayList<>();
        for (Token k : s.tokens()) {
            List<Cue> candidates = new ArrayList<>();
            for (String form : forms(k)) candidates.addAll(byLastWord.getOrDefault(form, List.of()));
            Cue longest = null;
            for (Cue c : candidates) {
                int from = k.index() - c.words().size() + 1;
                if (from < 0
                        || longest != null
                                && longest.words().size() >= c.words().size()) continue;
                boolean ok = true;
                for (int w = 0; w < c.words().size() && ok; w++)
                    ok = matches(s.token(from + w), c.words().get(w));
                if (ok) longest = c;
            }
            if (longest != null)
                all.add(new Found(
                        longest.row(),
                        String.join(" ", longest.words()),
                        k.index() - longest.words().size() + 1,
                        k.index()));
        }
        Found best = null;
        for (Found f : all) {
            if (!f.means().weapon() || !scope.contains(f.to()) || !nominal(s.token(f.to()))) continue;
            boolean shadowed = all.stream()
                    .anyMatch(g -> g != f
                            && g.to() - g.from() > f.to() - f.from()
                            && g.from() <= f.from()
                            && g.to() >= f.to());
            if (shadowed) continue;
            if (best == null || f.means().rank() < best.means().rank()) best = f;
        }
        return best;
    }

    /** A weapon is a noun, or a word the tagger took for a verb in a noun's place ("killed by a drone" tagged VB). */
    private static boolean nominal(Token t) {
        if (t.isPronoun()) return false;
        return !t.isVerb()
                || Set.of("nsubj", "obj", "iobj", "obl", "nmod", "compound").contains(t.relation());
    }

    private static boolean matches(Token t, String word) {
        return forms(t).contains(word);
    }

    /** Lemma and lower-case text; a capitalised plural the tagger took for a name ("Rockets fired...") also in the singular. */
    private static Set<String> forms(Token t) {
        Set<String> out = new java.util.LinkedHashSet<>(List.of(t.lemma().toLowerCase(Locale.ROOT), t.lower()));
        if (t.pos().equals("NNPS") && t.lower().endsWith("s"))
            out.add(t.lower().substring(0, t.lower().length() - 1));
        return out;
    }

    // ---------------------------------------------------------------- the act's own clause

    private static final Set<String> CLAUSES = Set.of(
            "acl",
            "ccomp",
            "advcl",
            "parataxis",
            "csubj",
            "xcomp",
            "appos",
            "punct",
            "dep",
            "list",
            "vocative",
            "discourse");

    /**
     * Tokens that can name the act's means: its subject, its means phrases ("with", "by", "in"...), the weapon a
     * delivering verb takes ("fired rockets", "grenades were hurled", "using mortars"), an event noun's modifiers,
     * and for an event noun the subject and means phrases of the light verb that carries it ("warplanes carried
     * out raids"). Objects of other verbs and "at/on/against" phrases are the ones hit; other clauses are other acts.
     */
    Set<Integer> scope(Sentence s, Token t, EventDraft e) {
        Set<Integer> out = new HashSet<>();
        if (t.isVerb()) {
            verbScope(s, t, out);
            Token gov = s.head(t);
            Token sharer = sharedSubjectVerb(s, t);
            for (int depth = 0; sharer != null && s.child(sharer, "nsubj") == null && depth < 3; depth++)
                sharer = sharedSubjectVerb(s, sharer);
            if (sharer != null && s.child(sharer, "nsubj") != null) phrase(s, s.child(sharer, "nsubj"), out, false);
            // "attacked the town using mortars", wherever the parser hangs the "using" phrase in the clause
            for (Token u : s.tokens()) if (u.pos().equals("VBG") && nearestVerbAbove(s, u) == t) adjunct(s, u, out);
            // "rockets fired at the base": the noun a delivering participle describes is the weapon
            if (gov != null && t.relation().equals("acl") && t.pos().equals("VBN") && cues.is("means-verb", t.lemma()))
                phrase(s, gov, out, true);
        } else {
            for (Token c : s.children(t)) {
                String rel = c.deprel();
                if (rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss") || meansCase(s, c))
                    phrase(s, c, out, false);
            }
            Token gov = s.head(t);
            if (gov != null
                    && t.deprel().equals("obj")
                    && gov.isVerb()
                    && (cues.is("light", gov.lemma()) || cues.is("means-verb", gov.lemma()))) {
                verbScope(s, gov, out);
            }
            // "used sarin in an attack": the weapon a delivering verb takes is the means of the act it is used in
            if (gov != null && t.relation().equals("obl") && gov.isVerb() && cues.is("means-verb", gov.lemma()))
                verbScope(s, gov, out);
        }
        // the lexicon already read an event noun's words ("drone strike"); a verb pattern's words may be the weapon
        // ("fired missiles at")
        if (t.isVerb()) out.remove(t.index());
        else for (int k = e.triggerFrom(); k <= e.triggerTo(); k++) out.remove(k);
        return out;
    }

    private void verbScope(Sentence s, Token v, Set<Integer> out) {
        boolean delivers = cues.is("means-verb", v.lemma());
        for (Token c : s.children(v)) {
            String rel = c.deprel();
            if (rel.equals("nsubj") || meansCase(s, c) || delivers && (rel.equals("obj") || rel.equals("nsubj:pass")))
                phrase(s, c, out, false);
        }
    }

    /**
     * The verb whose subject a subjectless act shares: "gunmen stormed the hotel and killed twelve", "warplanes struck
     * the town, killing twelve" (also when the parser hangs ", killing ..." on the object).
     */
    private static Token sharedSubjectVerb(Sentence s, Token t) {
        Token gov = s.head(t);
        if (gov == null || s.child(t, "nsubj") != null || s.child(t, "nsubj:pass") != null) return null;
        if (gov.isVerb()
                && (t.relation().equals("conj")
                        || (t.relation().equals("advcl") || t.relation().equals("dep"))
                                && t.pos().equals("VBG")
                                && s.child(t, "mark") == null)) return gov;
        boolean afterComma = t.index() > 0 && s.token(t.index() - 1).pos().equals(",");
        if (t.relation().equals("acl")
                && t.pos().equals("VBG")
                && afterComma
                && gov.isNoun()
                && s.head(gov) != null
                && s.head(gov).isVerb()) return s.head(gov);
        return null;
    }

    /** The first verb above a token ("attacked" for "using" in "attacked the forces near Aleppo using mortars"). */
    private static Token nearestVerbAbove(Sentence s, Token u) {
        for (Token x = s.head(u); x != null; x = s.head(x)) if (x.isVerb()) return x;
        return null;
    }

    /** "attacked the base using mortars", "shelled the town, firing rockets": a delivering adjunct without its own subject. */
    private void adjunct(Sentence s, Token c, Set<Integer> out) {
        String rel = c.relation();
        if (!(rel.equals("advcl") || rel.equals("xcomp") || rel.equals("acl"))
                || !c.pos().equals("VBG") && !rel.equals("advcl")
                || !cues.is("means-verb", c.lemma())
                || s.child(c, "nsubj") != null) return;
        for (Token w : s.children(c)) if (w.deprel().equals("obj") || meansCase(s, w)) phrase(s, w, out, false);
    }

    private boolean meansCase(Sentence s, Token c) {
        if (!(c.relation().equals("obl") || c.relation().equals("nmod"))) return false;
        String cs = s.caseOf(c);
        return cs != null && cues.is("means-case", cs);
    }

    /** A nominal and what modifies it, not its clauses nor the phrases that say whom it hits ("an attack on a tank base"). */
    private void phrase(Sentence s, Token head, Set<Integer> out, boolean headOnly) {
        Deque<Token> queue = new ArrayDeque<>();
        queue.add(head);
        while (!queue.isEmpty()) {
            Token x = queue.removeFirst();
            if (!out.add(x.index())) continue;
            for (Token c : s.children(x)) {
                String rel = c.relation();
                if (CLAUSES.contains(rel) || rel.equals("conj") && c.isVerb()) continue;
                if (headOnly && !(rel.equals("compound") || rel.equals("amod"))) continue;
                if ((rel.equals("nmod") || rel.equals("obl")) && !(meansCase(s, c) || "of".equals(s.caseOf(c))))
                    continue;
                queue.add(c);
            }
        }
    }
}
