package org.sitrep.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Place names: the curated file data/places/places.tsv (countries, capitals, conflict towns, regions,
 * named areas news uses) over the GeoNames cities-500 index the build makes. A name only GeoNames knows
 * counts as a toponym only where the tagger also sees a location, since GeoNames has villages called
 * "Police" and "Man". Ambiguous names go to the most populous place, preferring the document's
 * countries and the country the text names next to it ("Tripoli, Lebanon").
 */
public final class Gazetteer {
    private static final int MAX_TOKENS = 6;
    /** Tags of words a place name never ends on: prepositions, determiners, conjunctions. */
    private static final Set<String> FUNCTION_WORDS = Set.of("IN", "TO", "DT", "CC");

    private final Map<String, List<Place>> byName = new HashMap<>();
    private final Set<String> notPlaces = new java.util.HashSet<>();
    private final Map<String, Place> demonyms = new HashMap<>();
    private final GeoNamesIndex geonames;

    private Gazetteer(GeoNamesIndex geonames) {
        this.geonames = geonames;
    }

    public static Gazetteer load(KnowledgeFiles files) {
        Gazetteer g = new Gazetteer(GeoNamesIndex.load());
        for (Tsv.Row r : files.rows("places/not-places.tsv")) g.notPlaces.add(Names.key(r.get(0)));
        List<Tsv.Row> rows = new ArrayList<>(files.rows("places/places.tsv"));
        rows.addAll(files.rows("places/admin1.tsv"));
        for (Tsv.Row r : rows) {
            try {
                Place p = new Place(
                        r.get(0),
                        r.get(2),
                        r.get(3).isEmpty() ? null : r.get(3).toUpperCase(java.util.Locale.ROOT),
                        r.get(4),
                        Double.parseDouble(r.get(5)),
                        Double.parseDouble(r.get(6)),
                        r.get(7).isEmpty() ? 0 : Long.parseLong(r.get(7).replace(",", "")),
                        r.get(8).isEmpty() ? null : Long.parseLong(r.get(8)));
                g.add(r.get(0), p);
                for (String a : r.list(1)) g.add(a, p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(r.where() + ": bad number");
            }
        }
        for (Tsv.Row r : files.rows("places/demonyms.tsv")) {
            Place p = g.byName.getOrDefault(Names.key(r.get(1)), List.of()).stream()
                    .filter(x -> x.geonamesId() == null || x.kind().equals("region"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            r.where() + ": no place named " + r.get(1) + " in places.tsv"));
            g.demonyms.put(Names.key(r.get(0)), p);
        }
        return g;
    }

    private void add(String name, Place p) {
        String key = Names.key(name);
        if (!key.isEmpty()) byName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }

    public int size() {
        return byName.size() + (geonames == null ? 0 : geonames.keys());
    }

    public GeoNamesIndex geonames() {
        return geonames;
    }

    /** The region a demonym names ("European" → Europe), or null. */
    public Place demonym(String words) {
        return demonyms.get(Names.key(words));
    }

    /** Every place a name may be: curated entries first, then GeoNames. */
    public List<Place> lookup(String name) {
        String key = Names.key(name);
        List<Place> out = new ArrayList<>(byName.getOrDefault(key, List.of()));
        if (geonames != null) out.addAll(geonames.lookupKey(key));
        return out;
    }

    /** The place a dateline names ("BASRA, Iraq"): the country written after it decides, else the document's countries. */
    public Place place(String name, String country, Set<String> documentCountries) {
        List<Place> found = lookup(name);
        if (found.isEmpty()) return null;
        String named = null;
        if (country != null) {
            for (Place p : byName.getOrDefault(Names.key(country), List.of()))
                if (p.kind().equals("country")) named = p.country();
        }
        return choose(found, documentCountries, named);
    }

    /** A place name found in a sentence: tokens [from, to], as the text writes them. */
    public record Toponym(int from, int to, String text, Place place) {}

    /** Candidate toponyms of a sentence: capitalised token runs that name a place, longest first. */
    public List<Toponym> find(Sentence s, Set<String> documentCountries) {
        List<Toponym> out = new ArrayList<>();
        List<Token> toks = s.tokens();
        int i = 0;
        while (i < toks.size()) {
            if (!Character.isUpperCase(toks.get(i).text().codePointAt(0))) {
                i++;
                continue;
            }
            int bestEnd = -1;
            List<Place> best = null;
            StringBuilder key = new StringBuilder();
            boolean location = false;
            for (int j = i; j < Math.min(toks.size(), i + MAX_TOKENS); j++) {
                String part = Names.key(toks.get(j).text());
                if (part.isEmpty()) break;
                key.append(part);
                location |= toks.get(j).ner().equals("LOCATION");
                List<Place> curated = byName.get(key.toString());
                List<Place> found = curated != null ? new ArrayList<>(curated) : new ArrayList<>();
                // a name only GeoNames knows must look like a place: tagged as one, not an acronym ("EU"), not an
                // ordinary word ("West")
                boolean plausible =
                        location && !notPlaces.contains(key.toString()) && !Names.isCapitalised(s.text(i, j));
                if (geonames != null && (plausible || curated != null))
                    found.addAll(geonames.lookupKey(key.toString()));
                if (!found.isEmpty()
                        && !FUNCTION_WORDS.contains(toks.get(j).pos())) { // "US on" is not the village Uson
                    bestEnd = j;
                    best = found;
                }
            }
            if (bestEnd >= 0 && partOfPersonName(s, i, bestEnd)) {
                i = bestEnd + 1; // "Lloyd Austin", "Ishaq Dar": a person, not a city
            } else if (bestEnd >= 0) {
                Place p = choose(best, documentCountries, namedNext(s, bestEnd));
                out.add(new Toponym(i, bestEnd, s.text(i, bestEnd), p));
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Tokens the tagger reads as a person's name, next to more of that name. */
    private static boolean partOfPersonName(Sentence s, int from, int to) {
        for (int k = from; k <= to; k++) if (!s.token(k).ner().equals("PERSON")) return false;
        return from > 0 && s.token(from - 1).ner().equals("PERSON")
                || to + 1 < s.size() && s.token(to + 1).ner().equals("PERSON");
    }

    /** "Tripoli, Lebanon": the country the text puts right after a place name. */
    private String namedNext(Sentence s, int end) {
        if (end + 2 >= s.size() || !s.token(end + 1).text().equals(",")) return null;
        StringBuilder key = new StringBuilder();
        for (int j = end + 2; j < Math.min(s.size(), end + 5); j++) {
            key.append(Names.key(s.token(j).text()));
            for (Place p : byName.getOrDefault(key.toString(), List.of())) {
                if (p.kind().equals("country") || p.kind().equals("region")) return p.country();
            }
        }
        return null;
    }

    static Place choose(List<Place> places, Set<String> documentCountries, String namedCountry) {
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Place p : places) {
            double score = Math.log10(2 + p.population())
                    + (p.country() != null && documentCountries.contains(p.country()) ? 3 : 0)
                    + (namedCountry != null && namedCountry.equals(p.country()) ? 6 : 0)
                    + (p.kind().equals("country") ? 2 : 0)
                    + (p.kind().equals("capital") ? 1 : 0)
                    + (p.kind().equals("region") ? 1 : 0)
                    + (p.admin1() != null || p.geonamesId() == null
                            ? 1.5
                            : 0); // curated entries are the editors' choice for a name
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }
}
