package org.sitrep.store.export;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;

/**
 * What other datasets call a country: FIPS 10-4 (GDELT), ISO alpha-2 (PLOVER's location object), ISO numeric and
 * region (ACLED), with its English name and the point the gazetteer gives it. Read from data/export/countries.tsv,
 * data/actors/countries.tsv and data/places/places.tsv.
 */
public final class Countries {

    /** One country; {@code areas} maps a word of a place's name or division to the FIPS code of that part. */
    public record Country(
            String iso3,
            String iso2,
            Integer numeric,
            String fips,
            String region,
            Map<String, String> areas,
            String name,
            Double lat,
            Double lon) {

        /** The FIPS code of the place: a part's own code when FIPS splits the country (Gaza Strip GZ, West Bank WE). */
        public String fipsOf(String... placeNames) {
            for (var area : areas.entrySet())
                for (String p : placeNames)
                    if (p != null && p.toLowerCase(Locale.ROOT).contains(area.getKey())) return area.getValue();
            return fips;
        }
    }

    private static final Map<String, Country> BY_ISO3 = load(KnowledgeFiles.builtIn());

    private Countries() {}

    /** The country of an ISO alpha-3 code, or null for none or an unknown code. */
    public static Country of(String iso3) {
        return iso3 == null ? null : BY_ISO3.get(iso3);
    }

    static Map<String, Country> load(KnowledgeFiles files) {
        Map<String, String> names = new HashMap<>();
        for (Tsv.Row r : files.rows("actors/countries.tsv")) names.putIfAbsent(r.get(0), r.get(1));
        Map<String, double[]> points = new HashMap<>();
        for (Tsv.Row r : files.rows("places/places.tsv"))
            if (r.get(2).equals("country") && !r.get(3).isEmpty() && !r.get(5).isEmpty())
                points.putIfAbsent(r.get(3), new double[] {Double.parseDouble(r.get(5)), Double.parseDouble(r.get(6))});
        Map<String, Country> out = new HashMap<>();
        for (Tsv.Row r : files.rows("export/countries.tsv")) {
            Map<String, String> areas = new LinkedHashMap<>();
            for (String a : r.list(5)) {
                String[] kv = a.split("=", 2);
                if (kv.length == 2) areas.put(kv[1].toLowerCase(Locale.ROOT), kv[0]);
            }
            double[] p = points.get(r.get(0));
            out.put(
                    r.get(0),
                    new Country(
                            r.get(0),
                            r.get(1),
                            r.get(2).isEmpty() ? null : Integer.valueOf(r.get(2)),
                            r.get(3).isEmpty() ? null : r.get(3),
                            r.get(4),
                            Map.copyOf(areas),
                            names.getOrDefault(r.get(0), r.get(0)),
                            p == null ? null : p[0],
                            p == null ? null : p[1]));
        }
        return Map.copyOf(out);
    }
}
