package org.sitrep.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * The actor knowledge base: countries (names, demonyms, capitals), organisations, armed groups,
 * institutions, people with dated roles, and generic agent nouns with their sector codes.
 * Everything is read from the data files described in the README; user layers add to them.
 */
public final class ActorKb {

    /** How a name matched: as the thing's name, as a demonym ("Iraqi"), or as a capital ("Tehran"). */
    public enum Form {
        NAME,
        ADJECTIVE,
        CAPITAL
    }

    public record Alias(KbEntry entry, Form form, boolean needsCapitals) {}

    /** A name found in a sentence, tokens [from, to] inclusive. */
    public record NameMatch(int from, int to, KbEntry entry, Form form) {}

    private static final int MAX_NAME_TOKENS = 8;
    private static final int MAX_AGENT_TOKENS = 4;

    private final Map<String, List<Alias>> aliases = new HashMap<>();
    private final Map<String, KbEntry> byId = new LinkedHashMap<>();
    private final Map<String, KbEntry> countries = new HashMap<>();
    private final Map<String, List<String>> agents = new HashMap<>();
    private final Map<String, List<String>> modifiers = new HashMap<>();
    private final Set<String> prefixAgents = new java.util.HashSet<>();
    private final Set<String> notAgents = new java.util.HashSet<>();
    private final java.util.Set<String> singlePersons = new java.util.HashSet<>();
    private final Map<String, java.util.Set<String>> cues = new java.util.HashMap<>();
    private final Map<String, List<String>> titles = new HashMap<>();

    public static ActorKb load(KnowledgeFiles files) {
        ActorKb kb = new ActorKb();
        kb.loadCountries(files.rows("actors/countries.tsv"));
        Map<String, List<KbEntry.Role>> dated = datedCodes(files.rows("actors/dated-codes.tsv"));
        kb.loadOrganizations(files.rows("actors/organizations.tsv"), KbEntry.Kind.ORGANIZATION, dated);
        kb.loadOrganizations(files.rows("actors/groups.tsv"), KbEntry.Kind.GROUP, dated);
        kb.loadOrganizations(files.rows("actors/media.tsv"), KbEntry.Kind.ORGANIZATION, dated);
        for (String id : dated.keySet()) {
            if (kb.byId(id) == null || kb.byId(id).isPerson()) {
                throw new IllegalArgumentException(
                        "actors/dated-codes.tsv: no organisation or group with id '" + id + "'");
            }
        }
        kb.loadPeople(files.rows("actors/people.tsv"));
        kb.loadAgents(files.rows("actors/agents.tsv"));
        for (Tsv.Row r : files.rows("actors/cues.tsv"))
            kb.cues.computeIfAbsent(r.get(0), k -> new java.util.HashSet<>()).addAll(r.list(1));
        return kb;
    }

    private void loadCountries(List<Tsv.Row> rows) {
        for (Tsv.Row r : rows) {
            String iso = r.get(0).toUpperCase(java.util.Locale.ROOT);
            if (iso.length() != 3)
                throw new IllegalArgumentException(r.where() + ": country code must be ISO3, got '" + r.get(0) + "'");
            List<String> names = new ArrayList<>();
            names.add(r.get(1));
            names.addAll(r.list(2));
            KbEntry e = new KbEntry(
                    iso.toLowerCase(java.util.Locale.ROOT),
                    KbEntry.Kind.COUNTRY,
                    r.get(1),
                    names,
                    iso,
                    iso,
                    List.of(),
                    List.of(),
                    List.of());
            put(e);
            countries.put(iso, e);
            for (String n : names) addAlias(n, e, Form.NAME);
            for (String adj : r.list(3)) {
                addAlias(adj, e, Form.ADJECTIVE);
                if (!adj.endsWith("s") && !Names.needsCapitals(adj)) addAlias(adj + "s", e, Form.ADJECTIVE);
            }
            for (String cap : r.list(4)) addAlias(cap, e, Form.CAPITAL);
        }
    }

    /**
     * Codes an organisation or group holds only between two dates (a movement that took power: the Taliban are
     * Afghanistan's government from 2021-08-15), by id; outside them the entry's own code holds.
     */
    private static Map<String, List<KbEntry.Role>> datedCodes(List<Tsv.Row> rows) {
        Map<String, List<KbEntry.Role>> out = new HashMap<>();
        for (Tsv.Row r : rows) {
            String code = r.get(1).toUpperCase(java.util.Locale.ROOT);
            LocalDate from = date(r, 2), to = date(r, 3);
            if (from == null && to == null)
                throw new IllegalArgumentException(r.where() + ": a dated code needs a 'from' or a 'to' date");
            String country = code.length() >= 3 && !code.startsWith("IGO") && !code.startsWith("NGO")
                    ? code.substring(0, 3)
                    : null;
            out.computeIfAbsent(r.get(0), k -> new ArrayList<>())
                    .add(new KbEntry.Role(code, country, from, to, r.get(4)));
        }
        return out;
    }

    private void loadOrganizations(List<Tsv.Row> rows, KbEntry.Kind kind, Map<String, List<KbEntry.Role>> dated) {
        for (Tsv.Row r : rows) {
            String code = r.get(1).toUpperCase(java.util.Locale.ROOT);
            String country = r.get(2).isEmpty() ? null : r.get(2).toUpperCase(java.util.Locale.ROOT);
            List<String> names = new ArrayList<>();
            names.add(r.get(4));
            names.addAll(r.list(5));
            KbEntry e = new KbEntry(
                    r.get(0),
                    kind,
                    r.get(4),
                    names,
                    code,
                    country,
                    r.list(3),
                    r.list(6),
                    dated.getOrDefault(r.get(0), List.of()));
            put(e);
            for (String n : names) addAlias(n, e, Form.NAME);
        }
    }

    private void loadPeople(List<Tsv.Row> rows) {
        Map<String, List<Tsv.Row>> byPerson = new LinkedHashMap<>();
        for (Tsv.Row r : rows)
            byPerson.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r);
        for (var person : byPerson.entrySet()) {
            List<KbEntry.Role> roles = new ArrayList<>();
            Set<String> names = new java.util.LinkedHashSet<>();
            Tsv.Row first = person.getValue().get(0);
            for (Tsv.Row r : person.getValue()) {
                names.add(r.get(1));
                names.addAll(r.list(2));
                roles.add(new KbEntry.Role(
                        r.get(4).toUpperCase(java.util.Locale.ROOT),
                        r.get(3).toUpperCase(java.util.Locale.ROOT),
                        date(r, 5),
                        date(r, 6),
                        r.get(7)));
            }
            String country = first.get(3).toUpperCase(java.util.Locale.ROOT);
            KbEntry e = new KbEntry(
                    person.getKey(),
                    KbEntry.Kind.PERSON,
                    first.get(1),
                    List.copyOf(names),
                    country,
                    country,
                    List.of(),
                    List.of(),
                    roles);
            put(e);
            for (String n : names) addAlias(n, e, Form.NAME);
        }
    }

    private static LocalDate date(Tsv.Row r, int i) {
        String v = r.get(i);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(r.where() + ": bad date '" + v + "' (want YYYY-MM-DD)");
        }
    }

    private void loadAgents(List<Tsv.Row> rows) {
        for (Tsv.Row r : rows) {
            String kind = r.get(2).toLowerCase(java.util.Locale.ROOT);
            if (kind.equals("person")) {
                singlePersons.addAll(r.list(0)); // an attribute of agent words, not agents of their own
                continue;
            }
            Map<String, List<String>> target =
                    kind.equals("modifier") ? modifiers : kind.equals("title") ? titles : agents;
            boolean userLayer = !r.origin().equals("actors/agents.tsv");
            for (String term : r.list(0)) {
                String key = Names.key(term);
                target.put(key, r.list(1));
                if (kind.equals("none")) notAgents.add(key);
                else notAgents.remove(key);
                // a user's plural entry ("security officials") also stands for its singular, over a built-in one
                if (userLayer && !singular(key).equals(key)) target.put(singular(key), r.list(1));
                if (kind.equals("agent-prefix")) prefixAgents.add(key);
                else prefixAgents.remove(key);
                // a user's agent word outranks a built-in name spelled the same ("Congress" as any legislature)
                if (userLayer && target == agents) aliases.remove(key);
            }
        }
    }

    /** The word is of that kind in actors/cues.tsv ("collective": "police" takes "they"). */
    public boolean is(String kind, String word) {
        java.util.Set<String> words = cues.get(kind);
        return words != null && words.contains(word);
    }

    /** The agent word (a lemma, as written in agents.tsv) names one person ("the president"): "he" or "she" may stand for it. */
    public boolean singlePerson(String lemma) {
        return singlePersons.contains(lemma);
    }

    /** A phrase that contains an agent word but names no actor ("third party"). */
    public boolean notAgent(List<Token> toks, int from, int to) {
        String key = agentKey(toks, from, to);
        return key != null && notAgents.contains(key);
    }

    /** Agents whose sector code stands before the country ("NGO~" in PETRARCH dictionaries). */
    public boolean prefixAgent(List<Token> toks, int from, int to) {
        String key = agentKey(toks, from, to);
        return key != null && prefixAgents.contains(key);
    }

    private void put(KbEntry e) {
        byId.put(e.id(), e);
    }

    private void addAlias(String alias, KbEntry e, Form form) {
        String key = Names.key(alias);
        if (key.isEmpty()) return;
        List<Alias> list = aliases.computeIfAbsent(key, k -> new ArrayList<>());
        // a later layer's entry with the same id replaces the earlier one
        list.removeIf(a -> a.entry().id().equals(e.id()) && a.form() == form);
        list.add(0, new Alias(e, form, Names.needsCapitals(alias)));
    }

    public KbEntry byId(String id) {
        return byId.get(id);
    }

    public KbEntry country(String iso3) {
        return iso3 == null ? null : countries.get(iso3.toUpperCase(java.util.Locale.ROOT));
    }

    public int size() {
        return byId.size();
    }

    public java.util.Collection<KbEntry> entries() {
        return byId.values();
    }

    /** Candidate entries for a phrase (all forms), best first. */
    public List<Alias> lookup(String phrase) {
        return aliases.getOrDefault(Names.key(phrase), List.of());
    }

    /** Sector codes of an agent noun phrase given as lemmas ("security force"), or null. */
    public List<String> agent(String lemmas) {
        return agents.get(Names.key(lemmas));
    }

    public List<String> modifier(String lemma) {
        return modifiers.get(Names.key(lemma));
    }
    /** Sectors of a word that titles the person named right after it ("SP Rahul Sharma"), or null. */
    public List<String> title(Token t) {
        return titles.get(Names.key(t.text()));
    }

    /**
     * Names in a sentence: longest match first, left to right, no overlaps. Case-sensitive for short
     * all-capital aliases; otherwise robust to case, diacritics, apostrophes and hyphens.
     */
    public List<NameMatch> findNames(Sentence s) {
        return findNames(s, null);
    }

    /**
     * As {@link #findNames(Sentence)}; where one name is several people's ("President Bush"), the one holding a dated
     * role on {@code date} is meant.
     */
    public List<NameMatch> findNames(Sentence s, LocalDate date) {
        List<NameMatch> out = new ArrayList<>();
        List<Token> toks = s.tokens();
        int i = 0;
        while (i < toks.size()) {
            NameMatch best = null;
            StringBuilder key = new StringBuilder();
            for (int j = i; j < Math.min(toks.size(), i + MAX_NAME_TOKENS); j++) {
                String part = Names.key(toks.get(j).text());
                if (part.isEmpty()) break; // punctuation ends a name
                key.append(part);
                Alias a = pick(aliases.get(key.toString()), toks, i, j, date);
                if (a != null) best = new NameMatch(i, j, a.entry(), a.form());
            }
            if (best != null) {
                out.add(best);
                i = best.to() + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static Alias pick(List<Alias> candidates, List<Token> toks, int from, int to, LocalDate date) {
        if (candidates == null) return null;
        if (date != null && candidates.size() > 1) {
            Alias holding = pick(
                    candidates.stream()
                            .filter(a -> holdsDatedRole(a.entry(), date))
                            .toList(),
                    toks,
                    from,
                    to,
                    null);
            if (holding != null) return holding;
        }
        boolean capsText = true;
        boolean anyUpper = false;
        for (int k = from; k <= to; k++) {
            String t = toks.get(k).text();
            if (!Names.isCapitalised(t)) capsText = false;
            if (!t.equals(t.toLowerCase(java.util.Locale.ROOT)))
                anyUpper = true; // "al-Qaeda" is a name, "turkey" is not
        }
        for (Alias a : candidates) {
            if (a.needsCapitals() && !capsText) continue;
            // proper names are capitalised in news text; "turkey" or "chad" in lower case are not countries
            if (!anyUpper && a.form() != Form.ADJECTIVE) continue;
            return a;
        }
        return null;
    }

    private static boolean holdsDatedRole(KbEntry e, LocalDate date) {
        KbEntry.Role r = e.isPerson() ? e.roleAt(date) : null;
        return r != null && !(r.from() == null && r.to() == null);
    }

    /** Longest agent phrase starting at token {@code from}, by lemmas: returns the last token index or -1. */
    public int matchAgent(List<Token> toks, int from) {
        int end = -1;
        StringBuilder lemmas = new StringBuilder(), words = new StringBuilder();
        for (int j = from; j < Math.min(toks.size(), from + MAX_AGENT_TOKENS); j++) {
            Token t = toks.get(j);
            String before = words.toString();
            lemmas.append(Names.key(t.lemma()));
            words.append(Names.key(t.text()));
            // by lemmas ("security forces"), as written ("human rights body"), or with a plain singular ("troops")
            boolean known = agents.containsKey(lemmas.toString())
                    || agents.containsKey(words.toString())
                    || agents.containsKey(before + singular(t));
            if (known && (t.isNoun() || t.pos().equals("JJ") && j > from)) end = j;
        }
        return end;
    }

    /** The tagger's lemma, or a plain singular for plurals it leaves alone ("troops"). */
    private static String singular(Token t) {
        return t.pos().startsWith("NN") ? singular(Names.key(t.text())) : Names.key(t.text());
    }

    /** English plurals the tagger may leave alone: "troops", "gunmen", "militias", "parties", "Christians". */
    static String singular(String k) {
        if (k.endsWith("men") && k.length() > 4) return k.substring(0, k.length() - 3) + "man";
        if (k.equals("children")) return "child";
        if (k.equals("people")) return k;
        if (k.endsWith("ies") && k.length() > 4) return k.substring(0, k.length() - 3) + "y";
        if (k.endsWith("s") && !k.endsWith("ss") && k.length() > 3) return k.substring(0, k.length() - 1);
        return k;
    }

    public List<String> agentSectors(List<Token> toks, int from, int to) {
        String key = agentKey(toks, from, to);
        return key == null ? List.of() : agents.get(key);
    }

    /** The agent list's key for tokens [from, to], tried by lemmas, as written, and with a plain singular. */
    private String agentKey(List<Token> toks, int from, int to) {
        StringBuilder lemmas = new StringBuilder(), words = new StringBuilder();
        for (int j = from; j <= to; j++) {
            lemmas.append(Names.key(toks.get(j).lemma()));
            words.append(Names.key(toks.get(j).text()));
        }
        String singular = words.substring(
                        0, words.length() - Names.key(toks.get(to).text()).length())
                + singular(toks.get(to));
        for (String k : List.of(lemmas.toString(), words.toString(), singular)) if (agents.containsKey(k)) return k;
        return null;
    }
}
