package org.sitrep.store.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sitrep.analysis.TimeRef;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Location;
import org.sitrep.records.DocumentRecord.PlaceRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.store.export.Countries.Country;
import org.sitrep.store.export.Reports.Cluster;
import org.sitrep.store.export.Reports.Report;

/**
 * GDELT 2.0 event records: one tab-separated line of the 61 columns per real-world event, no header, as GDELT's
 * export files have them. Countries of places are FIPS 10-4 codes, actor countries CAMEO (ISO alpha-3) codes.
 * Not computed, so left empty: AvgTone, the ethnic codes and ADM2 codes. ADM1 codes are the FIPS country code (sitrep
 * knows first-level divisions by name, not by FIPS code) and feature ids are GeoNames ids (GDELT uses GNS ids).
 */
public final class Gdelt {

    /** The 61 column names in GDELT's order. */
    public static final List<String> COLUMNS = columns();

    private static final DateTimeFormatter ADDED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private Gdelt() {}

    /** Writes one line per cluster; returns how many clusters were left out for lack of a date (GDELT needs one). */
    public static long write(List<Cluster> clusters, Writer w) throws IOException {
        long undated = 0;
        for (Cluster c : clusters) {
            List<String> row = row(c);
            if (row == null) {
                undated++;
                continue;
            }
            w.write(String.join("\t", row));
            w.write('\n');
        }
        return undated;
    }

    /** The 61 fields of a real-world event, or null when it has no date. */
    static List<String> row(Cluster c) {
        Report r = c.first();
        EventRecord e = r.event();
        LocalDate day = TimeRef.periodStart(e.date() == null ? null : e.date().value());
        if (day == null) return null;
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add(Long.toString(globalEventId(c.id())));
        f.add(String.format(Locale.ROOT, "%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        f.add(String.format(Locale.ROOT, "%04d%02d", day.getYear(), day.getMonthValue()));
        f.add(Integer.toString(day.getYear()));
        f.add(String.format(
                Locale.ROOT, "%.4f", day.getYear() + ((day.getMonthValue() - 1) * 30 + day.getDayOfMonth()) / 365.0));
        Side a1 = Actors.first(e.source()), a2 = Actors.first(e.target());
        actor(f, r, a1);
        actor(f, r, a2);
        f.add(c.reports().stream().anyMatch(Report::inLead) ? "1" : "0");
        f.add(e.cameo());
        f.add(e.cameo().length() > 3 ? e.cameo().substring(0, 3) : e.cameo());
        f.add(e.cameo().substring(0, 2));
        f.add(Integer.toString(e.quadClass()));
        f.add(decimal(e.goldstein(), 1));
        f.add(Long.toString(c.mentions()));
        f.add(Long.toString(c.sources()));
        f.add(Long.toString(c.articles()));
        f.add(""); // AvgTone: sitrep does not score tone
        Geo action = Geo.of(r);
        Geo.forActor(a1, action).addTo(f);
        Geo.forActor(a2, action).addTo(f);
        action.addTo(f);
        f.add(ADDED.format(Instant.ofEpochSecond(
                c.reports().stream().mapToLong(Report::codedAt).min().orElse(r.codedAt()))));
        f.add(
                r.url() != null
                        ? r.url()
                        : r.outlet() != null ? r.outlet() : r.doc().id());
        return f;
    }

    /** A stable positive id from the real-world event's identity (its cluster), under 2^53 so every reader keeps it exact. */
    public static long globalEventId(String clusterId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(clusterId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) v = (v << 8) | (h[i] & 0xff);
            return v & ((1L << 53) - 1);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Code, name, country, known group, ethnic, two religions, three types: ten fields. */
    private static void actor(List<String> f, Report r, Side s) {
        if (s == null || s.code() == null) {
            f.addAll(Collections.nCopies(10, ""));
            return;
        }
        String code = s.code();
        String country = Actors.country(code);
        List<String> parts = Actors.parts(code);
        String knownGroup = "";
        if (country == null
                && !parts.isEmpty()
                && List.of("IGO", "NGO", "IMG", "MNC").contains(parts.get(0))
                && parts.size() > 1) knownGroup = parts.get(1);
        List<String> religions = new ArrayList<>(), types = new ArrayList<>();
        for (String p : parts) {
            if (p.equals(knownGroup)) continue;
            if (Actors.religion(p)) religions.add(p);
            else types.add(p);
        }
        f.add(code);
        f.add(clean(Actors.name(r, s)).toUpperCase(Locale.ROOT));
        f.add(country == null ? "" : country);
        f.add(knownGroup);
        f.add("");
        for (int i = 0; i < 2; i++) f.add(i < religions.size() ? religions.get(i) : "");
        for (int i = 0; i < 3; i++) f.add(i < types.size() ? types.get(i) : "");
    }

    /** A GDELT geography block: type, full name, FIPS country, ADM1, ADM2, lat, long, feature id. */
    private record Geo(int type, String name, String fips, String lat, String lon, String feature) {
        static final Geo NONE = new Geo(0, "", "", "", "", "");

        static Geo of(Report r) {
            Location l = r.event().location();
            if (l == null) return NONE;
            PlaceRecord p = r.place();
            Country c = Countries.of(l.country());
            String kind = p == null ? "city" : p.kind();
            String admin1 = p == null || p.admin1() == null ? "" : p.admin1();
            String fips = c == null ? "" : nullToEmpty(c.fipsOf(l.name(), admin1));
            boolean us = "USA".equals(l.country());
            if ("country".equals(kind))
                return new Geo(
                        1, c == null ? l.name() : c.name(), fips, decimal(l.lat(), 4), decimal(l.lon(), 4), fips);
            List<String> name = new ArrayList<>();
            name.add(l.name());
            if (!admin1.isEmpty() && !admin1.equals(l.name())) name.add(admin1);
            if (c != null) name.add(c.name());
            int type = "region".equals(kind) ? (us ? 2 : 5) : (us ? 3 : 4);
            String feature =
                    p == null || p.geonamesId() == null ? "" : p.geonamesId().toString();
            return new Geo(type, String.join(", ", name), fips, decimal(l.lat(), 4), decimal(l.lon(), 4), feature);
        }

        /** Where the actor is: the event's place when the actor is of its country, else the actor's country. */
        static Geo forActor(Side s, Geo action) {
            String iso3 = s == null ? null : s.country() != null ? s.country() : Actors.country(s.code());
            Country c = Countries.of(iso3);
            if (c == null) return NONE;
            if (c.fips() != null && c.fips().equals(action.fips()) || c.fips() == null && action.type() != 0)
                return action;
            String fips = nullToEmpty(c.fips());
            return new Geo(
                    1,
                    c.name(),
                    fips,
                    c.lat() == null ? "" : decimal(c.lat(), 4),
                    c.lon() == null ? "" : decimal(c.lon(), 4),
                    fips);
        }

        void addTo(List<String> f) {
            f.add(Integer.toString(type));
            f.add(clean(name));
            f.add(fips);
            f.add(fips); // ADM1: the country's code, see the class comment
            f.add("");
            f.add(lat);
            f.add(lon);
            f.add(feature);
        }
    }

    /** A number without float noise: 14.484299659729004 becomes 14.4843, 12.0 stays 12.0 at one place. */
    static String decimal(double v, int places) {
        BigDecimal d =
                BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < 1) d = d.setScale(1, RoundingMode.UNNECESSARY);
        return d.toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Tabs and line breaks would break the row. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"));
        for (String a : List.of("Actor1", "Actor2"))
            for (String s : List.of(
                    "Code",
                    "Name",
                    "CountryCode",
                    "KnownGroupCode",
                    "EthnicCode",
                    "Religion1Code",
                    "Religion2Code",
                    "Type1Code",
                    "Type2Code",
                    "Type3Code")) c.add(a + s);
        c.addAll(List.of(
                "IsRootEvent",
                "EventCode",
                "EventBaseCode",
                "EventRootCode",
                "QuadClass",
                "GoldsteinScale",
                "NumMentions",
                "NumSources",
                "NumArticles",
                "AvgTone"));
        for (String g : List.of("Actor1Geo_", "Actor2Geo_", "ActionGeo_"))
            for (String s :
                    List.of("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))
                c.add(g + s);
        c.addAll(List.of("DATEADDED", "SOURCEURL"));
        return List.copyOf(c);
    }
}
