package org.sitrep.places;

import org.sitrep.actors.Names;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Place names from data/places/places.tsv (countries, capitals, cities, regions, named areas).
 * Ambiguous names resolve to the most populous place, preferring the document's own countries.
 */
public final class Gazetteer {
    private static final int MAX_TOKENS = 6;
    private final Map<String, List<Place>> byName = new HashMap<>();

    public static Gazetteer load(KnowledgeFiles files) {
        Gazetteer g = new Gazetteer();
        for (Tsv.Row r : files.rows("places/places.tsv")) {
            try {
                Place p = new Place(r.get(0), r.get(2), r.get(3).isEmpty() ? null : r.get(3).toUpperCase(), r.get(4),
                        Double.parseDouble(r.get(5)), Double.parseDouble(r.get(6)),
                        r.get(7).isEmpty() ? 0 : Long.parseLong(r.get(7).replace(",", "")),
                        r.get(8).isEmpty() ? null : Long.parseLong(r.get(8)));
                g.add(r.get(0), p);
                for (String a : r.list(1)) g.add(a, p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(r.where() + ": bad number");
            }
        }
        return g;
    }

    private void add(String name, Place p) {
        String key = Names.key(name);
        if (!key.isEmpty()) byName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }

    public int size() { return byName.size(); }

    public List<Place> lookup(String name) {
        return byName.getOrDefault(Names.key(name), List.of());
    }

    /** Candidate toponyms of a sentence: capitalised token runs that name a place, longest first. */
    public List<PlaceMention> find(Sentence s, Set<String> documentCountries) {
        List<PlaceMention> out = new ArrayList<>();
        List<Token> toks = s.tokens();
        int i = 0;
        while (i < toks.size()) {
            int bestEnd = -1;
            List<Place> bestPlaces = null;
            StringBuilder key = new StringBuilder();
            for (int j = i; j < Math.min(toks.size(), i + MAX_TOKENS); j++) {
                String part = Names.key(toks.get(j).text());
                if (part.isEmpty()) break;
                key.append(part);
                List<Place> ps = byName.get(key.toString());
                if (ps != null && Character.isUpperCase(toks.get(i).text().codePointAt(0))) {
                    bestEnd = j;
                    bestPlaces = ps;
                }
            }
            if (bestEnd >= 0) {
                Place p = choose(bestPlaces, documentCountries);
                out.add(new PlaceMention(s.index(), i, bestEnd, toks.get(i).start(), toks.get(bestEnd).end(),
                        s.text(i, bestEnd), p));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    static Place choose(List<Place> places, Set<String> documentCountries) {
        Place best = null;
        double bestScore = -1;
        for (Place p : places) {
            double score = Math.log10(2 + p.population()) + (p.country() != null && documentCountries.contains(p.country()) ? 3 : 0)
                    + (p.kind().equals("country") ? 1 : 0);
            if (score > bestScore) { best = p; bestScore = score; }
        }
        return best;
    }
}
