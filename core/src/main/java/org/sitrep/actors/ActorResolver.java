package org.sitrep.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.KbEntry;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Finds the actors of one sentence. Names come from the knowledge base (longest match), agent nouns
 * from its agent list, unknown names from NER; then each noun phrase is composed from its parts:
 * "Iraqi army commander" = IRQ + MIL, "Iranian-backed Shia militia groups in Iraq" = IRQ + UAF,
 * sponsor IRN. A person's code is the role they held on the document's date.
 */
public final class ActorResolver {

    private static final Set<String> MODIFIER_RELS =
            Set.of("amod", "compound", "nmod:poss", "flat", "det:poss", "nmod", "appos");
    private static final Pattern SPONSORED = Pattern.compile(
            "(?i)^(.+?)-(backed|supported|sponsored|funded|aligned|allied|affiliated|linked|trained|armed)$");
    private static final Pattern LED = Pattern.compile("(?i)^(.+?)-(led|based|run|controlled)$");
    private static final Pattern PRO = Pattern.compile("(?i)^pro-(.+)$");

    private final ActorKb kb;

    public ActorResolver(ActorKb kb) {
        this.kb = kb;
    }

    public ActorKb kb() {
        return kb;
    }

    private record Unit(int from, int to, int head, ActorKb.NameMatch name, List<String> agentSectors, boolean ner) {
        boolean isCountryName() {
            return name != null && name.entry().kind() == KbEntry.Kind.COUNTRY;
        }
    }

    public List<Mention> mentions(Sentence s, LocalDate date) {
        return mentions(s, date, new java.util.HashMap<>());
    }

    /**
     * @param seen agent words already given a country earlier in the document ("the embassy" after
     *             "the U.S. embassy"); updated with this sentence's explicit ones.
     */
    public List<Mention> mentions(Sentence s, LocalDate date, java.util.Map<String, String> seen) {
        List<Token> toks = s.tokens();
        int n = toks.size();
        Unit[] unitAt = new Unit[n];
        List<Unit> units = new ArrayList<>();
        for (ActorKb.NameMatch m : kb.findNames(s, date)) {
            if (org.sitrep.text.Syntax.namesCurrency(s, m.from(), m.to())) continue; // "US $50 million"
            Unit u = new Unit(m.from(), m.to(), s.headOf(m.from(), m.to()).index(), m, List.of(), false);
            units.add(u);
            for (int k = m.from(); k <= m.to(); k++) unitAt[k] = u;
        }
        for (int i = 0; i < n; i++) {
            if (unitAt[i] != null) continue;
            Token t = toks.get(i);
            String ner = t.ner();
            if ((ner.equals("PERSON") || ner.equals("ORGANIZATION")) && t.isProperNoun()) {
                int j = i;
                while (j + 1 < n
                        && unitAt[j + 1] == null
                        && toks.get(j + 1).ner().equals(ner)) j++;
                // "the Ahmedabad Police", "Kenya Police": a force named after its place is that place's police, not an
                // unknown name;
                // "the Army", "Army Brigade" (truecased text): agent words capitalised are still agents
                int whole = kb.matchAgent(toks, i); // "a Home Guard commander": the agent phrase may run past the name
                for (int k = j + 1; k <= whole; k++)
                    if (unitAt[k] != null) whole = -1; // but not into a name found already
                boolean agent = ner.equals("ORGANIZATION")
                        && (whole >= j && !kb.notAgent(toks, i, whole) || agentWords(toks, i, j));
                // ("Alipore Police Station", "Surat Police Commissioner ...": the force's words may be several, and
                // may run on past the name)
                int force = -1, forceEnd = -1;
                if (!agent && ner.equals("ORGANIZATION")) {
                    for (int k = i; k <= j && force < 0; k++) {
                        int e = kb.matchAgent(toks, k);
                        boolean free = true;
                        for (int x = j + 1; x <= e; x++) free &= unitAt[x] == null;
                        if (e >= j && free && kb.agentSectors(toks, k, e).equals(List.of("COP"))) {
                            force = k;
                            forceEnd = e;
                        }
                    }
                }
                boolean police = force >= 0;
                if (police || agent) {
                    int from = police ? force : i, to = police ? forceEnd : whole < j ? j : whole;
                    List<String> sectors = kb.agentSectors(toks, police || whole == to ? from : to, to);
                    Unit u = new Unit(from, to, to, null, sectors, false);
                    units.add(u);
                    for (int k = from; k <= to; k++) unitAt[k] = u;
                    i = to;
                    continue;
                }
                Unit u = new Unit(i, j, s.headOf(i, j).index(), null, List.of(), true);
                units.add(u);
                for (int k = i; k <= j; k++) unitAt[k] = u;
                i = j;
                continue;
            }
            int end = kb.matchAgent(toks, i);
            if (end >= 0 && kb.notAgent(toks, i, end)) {
                i = end; // "a third party": no actor, and "party" inside it is none either
                continue;
            }
            if (end >= 0) {
                boolean blocked = false;
                for (int k = i; k <= end; k++) blocked |= unitAt[k] != null;
                if (blocked) continue;
                Unit u = new Unit(i, end, end, null, kb.agentSectors(toks, i, end), false);
                units.add(u);
                for (int k = i; k <= end; k++) unitAt[k] = u;
                i = end;
            }
        }
        // fold modifier units into the unit they modify
        java.util.Map<Unit, Unit> rootOf = new java.util.IdentityHashMap<>();
        for (Unit u : units) rootOf.put(u, findRoot(s, u, unitAt));
        // "a Malian army convoy": the country adjective and the agent both modify "convoy"; they are one actor
        for (Unit u : units) {
            if (rootOf.get(u) != u || !u.isCountryName() || u.name().form() != ActorKb.Form.ADJECTIVE) continue;
            Token gov = s.head(s.token(u.head()));
            if (gov == null || unitAt[gov.index()] != null) continue;
            for (Token sib : s.children(gov, "compound")) {
                Unit agent = unitAt[sib.index()];
                if (agent != null
                        && agent.name() == null
                        && !agent.ner()
                        && sib.index() > u.to()
                        && rootOf.get(agent) == agent) {
                    rootOf.put(u, agent);
                    break;
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Unit root : units) {
            if (rootOf.get(root) != root) continue;
            List<Unit> parts = new ArrayList<>();
            for (Unit u : units) if (rootOf.get(u) == root) parts.add(u);
            // "in Nairobi", "from Iraq": a country or capital after a place preposition is a place, not an actor
            if (parts.size() == 1
                    && root.isCountryName()
                    && org.sitrep.text.Syntax.LOCATIVE.contains(String.valueOf(s.caseOf(s.token(root.head())))))
                continue;
            out.add(compose(s, root, parts, date, seen));
        }
        out.sort(java.util.Comparator.comparingInt(Mention::from));
        return out;
    }

    /** Is every token of [from, to] an agent or modifier word ("Army Brigade", "Home Guard" once truecased)? */
    private boolean agentWords(List<Token> toks, int from, int to) {
        if (kb.matchAgent(toks, to) != to) return false;
        for (int k = from; k < to; k++)
            if (kb.matchAgent(toks, k) < 0 && kb.modifier(toks.get(k).lemma()) == null) return false;
        return true;
    }

    /** The unit's governor is followed while it is a modifier relation landing in another unit. */
    private Unit findRoot(Sentence s, Unit u, Unit[] unitAt) {
        Unit cur = u;
        for (int guard = 0; guard < 6; guard++) {
            Token h = s.token(cur.head());
            if (h.head() < 0) return cur;
            Unit up = unitAt[h.head()];
            if (up == null || up == cur || !MODIFIER_RELS.contains(h.deprel())) return cur;
            if (h.deprel().equals("nmod") || h.deprel().equals("appos")) {
                // "militia groups in Iraq", "army of Iraq": a country after a preposition; an apposition naming a
                // person is its own mention
                if (!cur.isCountryName() || h.deprel().equals("appos")) return cur;
                String c = s.caseOf(h);
                if (c == null || !(c.equals("in") || c.equals("of") || c.equals("from"))) return cur;
            }
            // a person's name does not modify another person's name; an organisation's may title one ("Hamas leader
            // Yahya Sinwar")
            if (cur.name() != null
                    && up.name() != null
                    && !cur.isCountryName()
                    && (cur.name().entry().isPerson() || !up.name().entry().isPerson())) return cur;
            cur = up;
        }
        return cur;
    }

    private Mention compose(
            Sentence s, Unit root, List<Unit> parts, LocalDate date, java.util.Map<String, String> seen) {
        List<Token> toks = s.tokens();
        int from = root.from(), to = root.to();
        for (Unit u : parts) {
            from = Math.min(from, u.from());
            to = Math.max(to, u.to());
        }
        Token head = s.token(root.head());
        // take in determiners and adjectives directly before the phrase ("the fortified", "Other Iranian")
        for (Token c : s.children(head)) {
            if (c.index() < from
                    && c.index() >= from - 3
                    && (c.deprel().equals("det")
                            || c.deprel().equals("amod")
                            || c.deprel().equals("compound")
                            || c.deprel().equals("nummod"))) {
                from = Math.min(from, s.span(c)[0]);
            }
        }
        String country = null;
        String nominalCountry = null;
        KbEntry identity = null;
        Set<String> sectors = new LinkedHashSet<>();
        Set<String> sponsors = new LinkedHashSet<>();
        String namedText = null;
        KbEntry affiliation = null;
        boolean hasAgent = false;
        ActorKb.Form countryForm = null;
        // the root first: its own identity leads
        List<Unit> ordered = new ArrayList<>(parts);
        ordered.remove(root);
        ordered.add(0, root);
        for (Unit u : ordered) {
            if (u.name() != null) {
                KbEntry e = u.name().entry();
                if (e.kind() == KbEntry.Kind.COUNTRY) {
                    // "ethnic Albanians" in Serbia are not Albania's: an ethnic group takes its country from context
                    if (u.from() > 0 && s.token(u.from() - 1).lower().equals("ethnic")) {
                        if (u == root) {
                            sectors.add("CVL");
                            hasAgent = true;
                        } // the group's people, wherever they live
                        continue;
                    }
                    boolean viaPreposition = s.token(u.head()).deprel().equals("nmod");
                    if (viaPreposition) {
                        if (nominalCountry == null) nominalCountry = e.country();
                    } else if (country == null) {
                        country = e.country();
                        countryForm = u == root ? u.name().form() : ActorKb.Form.ADJECTIVE;
                    }
                } else if (u != root && root.ner() && !e.isPerson()) {
                    affiliation = e; // "Taliban spokesman Zabihullah Mujahid": an unknown person of a known group
                } else if (identity == null) {
                    identity = e;
                }
            } else if (u.ner()) {
                if (namedText == null) namedText = s.text(u.from(), u.to());
            } else {
                hasAgent = true;
                // the head noun decides the sector ("Embassy guards" are guards); modifiers lend theirs only to a name
                // ("Iraqi prime minister Adel Abdul Mahdi")
                if (u == root || root.name() != null || root.ner()) sectors.addAll(u.agentSectors());
                else if (u.from() == u.to() && kb.modifier(s.token(u.from()).lemma()) != null) {
                    sectors.addAll(kb.modifier(s.token(u.from())
                            .lemma())); // "Shia militia", "opposition lawmakers": an agent word used as a modifier
                }
            }
        }
        // modifiers that are not units: "Shia", "opposition", "pro-Iranian", "Iranian-backed"
        for (int k = from; k <= to; k++) {
            Token t = toks.get(k);
            if (k == root.head() || inUnit(parts, k))
                continue; // "security" in "security forces" is part of the agent's name
            List<String> mod = kb.modifier(t.lemma());
            if (mod != null && inNounPhrase(s, t, head)) sectors.addAll(mod);
            // "Bhavnagar SP Rahul Sharma": a title before a person's name makes the person one of its sector
            List<String> title = kb.title(t);
            if (title != null && root.ner() && k < root.from() && s.head(t) == head) {
                sectors.addAll(title);
                hasAgent = true;
            }
            String sponsor = sponsorOf(t.text());
            if (sponsor != null) sponsors.add(sponsor);
            Matcher led = LED.matcher(t.text());
            if (led.matches() && country == null) {
                KbEntry c = countryNamed(led.group(1));
                if (c != null) country = c.country();
            }
        }
        if (identity == null && affiliation != null && affiliation.code() != null) {
            country = affiliation.country();
            KbEntry.Role held = affiliation.roleAt(date); // "Taliban spokesman" after 2021: the government's
            Set<String> titled = new LinkedHashSet<>(
                    held != null && held.country() != null && held.code().startsWith(held.country())
                            ? codeSectors(held.code())
                            : affiliation.sectors());
            titled.addAll(sectors);
            sectors = titled;
            hasAgent = true;
        }
        if (identity != null
                && !identity.isPerson()
                && hasAgent
                && identity.code() != null
                && identity.code().length() == 3
                && identity.sectors().isEmpty()
                && country == null) {
            country =
                    identity.code(); // a dictionary entry that is only a country code ("ISRAELI [ISR]") composes like a
            // demonym
            identity = null;
        }
        if (country == null && nominalCountry != null) country = nominalCountry;
        boolean inferred = false;
        if (country == null && identity == null) {
            for (Unit u : ordered) {
                if (u.name() != null || u.ner()) continue;
                String c = seen.get(s.token(u.head()).lemma());
                if (c != null) {
                    country = c;
                    inferred = true;
                    break;
                }
            }
        } else if (country != null && identity == null) {
            for (Unit u : ordered) {
                if (u.name() == null && !u.ner())
                    for (int k = u.from(); k <= u.to(); k++) seen.put(s.token(k).lemma(), country);
            }
        }
        Mention.Kind kind = identity != null || namedText != null
                ? Mention.Kind.NAMED
                : (hasAgent ? Mention.Kind.AGENT : Mention.Kind.NAMED);
        String name = identity != null ? identity.name() : namedText;
        String code;
        if (identity != null) {
            KbEntry.Role role = identity.roleAt(date);
            boolean knownRoles = identity.roles().stream().anyMatch(r -> r.from() != null || r.to() != null);
            if (identity.isPerson() && !knownRoles && (country != null || !sectors.isEmpty())) {
                // the knowledge base knows no dated role: the text's own description ("Iraqi prime minister") is better
                String c = country != null ? country : identity.country();
                code = c + String.join("", sectors);
                country = c;
            } else {
                code = identity.codeAt(date);
                country =
                        identity.isPerson() ? (role != null ? role.country() : identity.country()) : identity.country();
                sectors.clear();
                if (code != null && code.length() > 3 && country != null && code.startsWith(country)) {
                    for (int k = 3; k + 3 <= code.length(); k += 3) sectors.add(code.substring(k, k + 3));
                } else if (code != null && country == null) {
                    sectors.addAll(identity.sectors());
                }
            }
            sponsors.addAll(identity.sponsors());
        } else if (country != null && !hasAgent && namedText == null) {
            // a bare country: "Iran" acts as the state; a capital as its government ("Tehran said")
            if (countryForm == ActorKb.Form.CAPITAL) sectors.add("GOV");
            code = country + String.join("", sectors);
        } else if (root.name() == null && !root.ner() && kb.prefixAgent(toks, root.from(), root.to())) {
            code = String.join("", sectors) + (country == null ? "" : country); // "NGO~" agents: NGO before the country
        } else {
            code = (country == null ? "" : country) + String.join("", sectors);
            if (code.isEmpty()) code = null;
        }
        String quantity = null;
        Token gov = s.head(head);
        if (gov != null
                && head.deprel().startsWith("nmod")
                && "of".equals(s.caseOf(head))
                && kb.is("quantity", gov.lemma())) {
            quantity = gov.lower();
        }
        for (Token c : s.children(head)) {
            if (c.deprel().equals("nummod") && quantity == null) quantity = c.text();
        }
        while (from < to && !Character.isLetterOrDigit(toks.get(from).text().codePointAt(0))) from++;
        while (to > from && !Character.isLetterOrDigit(toks.get(to).text().codePointAt(0))) to--;
        String text = s.text(from, to);
        return new Mention(
                s.index(),
                from,
                to,
                root.head(),
                text,
                kind,
                identity,
                name,
                code,
                country,
                List.copyOf(sectors),
                List.copyOf(sponsors),
                inferred,
                quantity,
                null);
    }

    private static List<String> codeSectors(String code) {
        List<String> out = new ArrayList<>();
        for (int k = 3; k + 3 <= code.length(); k += 3) out.add(code.substring(k, k + 3));
        return out;
    }

    private static boolean inUnit(List<Unit> parts, int k) {
        for (Unit u : parts)
            if (k >= u.from()
                    && k <= u.to()
                    && (u.name() != null || u.ner() || !u.agentSectors().isEmpty())) return true;
        return false;
    }

    private static boolean inNounPhrase(Sentence s, Token t, Token head) {
        Token h = s.head(t);
        return h != null && (h.index() == head.index() || s.dominates(head, t)) && !t.isVerb();
    }

    /** "Iranian-backed" and "pro-Iranian" name a sponsor, not the actor's own country. */
    public String sponsorOf(String token) {
        Matcher m = SPONSORED.matcher(token);
        String part = m.matches() ? m.group(1) : null;
        if (part == null) {
            Matcher p = PRO.matcher(token);
            if (p.matches()) part = p.group(1);
        }
        if (part == null) return null;
        KbEntry c = countryNamed(part);
        return c == null ? null : c.country();
    }

    /** The country a word names: a country, or an institution standing for one ("Kremlin-backed"). */
    private KbEntry countryNamed(String word) {
        for (ActorKb.Alias a : kb.lookup(word)) {
            if (a.entry().kind() == KbEntry.Kind.COUNTRY) return a.entry();
        }
        for (ActorKb.Alias a : kb.lookup(word)) {
            if (a.entry().country() != null && a.entry().kind() == KbEntry.Kind.GROUP)
                return kb.country(a.entry().country());
        }
        return null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
