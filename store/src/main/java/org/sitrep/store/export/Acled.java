package org.sitrep.store.export;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.TimeRef;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;
import org.sitrep.records.DocumentRecord.ActorRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Location;
import org.sitrep.records.DocumentRecord.PlaceRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.store.export.Countries.Country;
import org.sitrep.store.export.Reports.Cluster;
import org.sitrep.store.export.Reports.Report;

/**
 * An ACLED-shaped CSV: ACLED's columns, one row per real-world event the coder gave an ACLED event type. Actors are
 * named from the knowledge base, or with ACLED's generic names by sector ("Military Forces of Mali"); interaction
 * codes and the disorder type follow ACLED's codebook (data/export/acled*.tsv). Fatalities are the highest number
 * killed any report gives (0 when none), the source the outlets that report it.
 */
public final class Acled {

    public static final List<String> COLUMNS = List.of(
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "inter1",
            "actor2",
            "assoc_actor_2",
            "inter2",
            "interaction",
            "civilian_targeting",
            "iso",
            "region",
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "source_scale",
            "notes",
            "fatalities",
            "tags",
            "timestamp");

    private record Sector(int inter, String name) {}

    private static final Map<String, String> DISORDER = new HashMap<>();
    private static final Map<String, Sector> SECTORS = new HashMap<>();
    private static final Map<String, String> OUTLET_COUNTRY = new HashMap<>();

    static {
        KnowledgeFiles kb = KnowledgeFiles.builtIn();
        for (Tsv.Row r : kb.rows("export/acled.tsv")) DISORDER.put(r.get(0) + "\t" + r.get(1), r.get(2));
        for (Tsv.Row r : kb.rows("export/acled-actors.tsv"))
            SECTORS.put(r.get(0), new Sector(Integer.parseInt(r.get(1)), r.get(2)));
        for (Tsv.Row r : kb.rows("actors/media.tsv")) {
            OUTLET_COUNTRY.put(r.get(4).toLowerCase(Locale.ROOT), r.get(2));
            for (String a : r.list(5)) OUTLET_COUNTRY.put(a.toLowerCase(Locale.ROOT), r.get(2));
        }
    }

    /** What was left out: real-world events without an ACLED type, and those without a date. */
    public record Skipped(long untyped, long undated) {}

    private Acled() {}

    public static Skipped write(List<Cluster> clusters, Writer w) throws IOException {
        long untyped = 0, undated = 0;
        line(w, COLUMNS);
        for (Cluster c : clusters) {
            Report r = typed(c);
            if (r == null) {
                untyped++;
                continue;
            }
            List<String> row = row(c, r);
            if (row == null) {
                undated++;
                continue;
            }
            line(w, row);
        }
        return new Skipped(untyped, undated);
    }

    /** ACLED's disorder type of an event type and sub-event type, or "" for a type ACLED does not have. */
    public static String disorderType(String eventType, String subEventType) {
        String d = DISORDER.get(eventType + "\t" + subEventType);
        return d != null ? d : DISORDER.getOrDefault(eventType + "\t*", "");
    }

    /** The cluster's first report that the coder gave an ACLED type, or null. */
    private static Report typed(Cluster c) {
        for (Report r : c.reports())
            if (r.event().acled() != null && r.event().acled().eventType() != null) return r;
        return null;
    }

    static List<String> row(Cluster c, Report r) {
        EventRecord e = r.event();
        LocalDate day = TimeRef.periodStart(e.date() == null ? null : e.date().value());
        if (day == null) return null;
        String type = e.acled().eventType(),
                sub = e.acled().subEventType() == null ? "" : e.acled().subEventType();
        String disorder = disorderType(type, sub);
        Location l = e.location();
        PlaceRecord p = r.place();
        String where = l == null ? null : l.country();
        Country country = Countries.of(
                where != null
                        ? where
                        : e.source().isEmpty() ? null : Actors.first(e.source()).country());
        Side a1 = Actors.first(e.source()), a2 = Actors.first(e.target());
        int inter1 = inter(a1, type, country), inter2 = inter(a2, type, country);
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add((country == null ? "XXX" : country.iso3()) + Gdelt.globalEventId(c.id()));
        f.add(day.toString());
        f.add(Integer.toString(day.getYear()));
        f.add(
                switch (e.date().precision() == null ? "" : e.date().precision()) {
                    case "day" -> "1";
                    case "week" -> "2";
                    default -> "3";
                });
        f.add(disorder);
        f.add(type);
        f.add(sub);
        f.add(name(r, a1, type, country));
        f.add(associates(r, e.source(), type, country));
        f.add(a1 == null ? "" : Integer.toString(inter1));
        f.add(a2 == null ? "" : name(r, a2, type, country));
        f.add(associates(r, e.target(), type, country));
        f.add(a2 == null ? "" : Integer.toString(inter2));
        f.add(a1 == null ? "" : a2 == null ? inter1 + "0" : Math.min(inter1, inter2) + "" + Math.max(inter1, inter2));
        f.add(disorder.contains("Political violence") && a2 != null && inter2 == 7 ? "Civilian targeting" : "");
        f.add(
                country == null || country.numeric() == null
                        ? ""
                        : country.numeric().toString());
        f.add(country == null ? "" : country.region());
        f.add(country == null ? "" : country.name());
        boolean region = p != null && "region".equals(p.kind());
        f.add(region ? p.name() : p != null && p.admin1() != null ? p.admin1() : "");
        f.add("");
        f.add("");
        f.add(l == null ? "" : l.name());
        f.add(l == null ? "" : Gdelt.decimal(l.lat(), 4));
        f.add(l == null ? "" : Gdelt.decimal(l.lon(), 4));
        f.add(l == null ? "" : p == null || "city".equals(p.kind()) || "area".equals(p.kind()) ? "1" : "3");
        Set<String> outlets = new LinkedHashSet<>();
        for (Report x : c.reports()) if (x.outlet() != null) outlets.add(x.outlet());
        f.add(String.join("; ", outlets));
        f.add(scale(outlets, country));
        f.add(e.evidence());
        f.add(Long.toString(
                c.reports().stream().mapToLong(x -> killed(x.event())).max().orElse(0)));
        Object size = e.counts() == null ? null : e.counts().get("size");
        f.add(size == null ? "" : "crowd size=" + size);
        f.add(Long.toString(
                c.reports().stream().mapToLong(Report::codedAt).max().orElse(r.codedAt())));
        return f;
    }

    /** ACLED's interaction code of a side: by sector; civilians protesting are protesters, rioting rioters; state forces abroad external. */
    private static int inter(Side s, String type, Country where) {
        if (s == null) return 0;
        Sector sec = sector(s);
        int inter = sec == null ? 8 : sec.inter();
        if (inter == 7 && "Protests".equals(type)) return 6;
        if (inter == 7 && "Riots".equals(type)) return 5;
        if (inter == 1 && where != null && s.country() != null && !s.country().equals(where.iso3())) return 8;
        return inter;
    }

    private static Sector sector(Side s) {
        List<String> sectors = s.sectors() != null && !s.sectors().isEmpty() ? s.sectors() : Actors.parts(s.code());
        for (String x : sectors) if (SECTORS.containsKey(x)) return SECTORS.get(x);
        for (String x : Actors.parts(s.code())) if (SECTORS.containsKey(x)) return SECTORS.get(x);
        return null;
    }

    /** The knowledge base's name of a known actor, else ACLED's generic name for the side's sector and country. */
    private static String name(Report r, Side s, String type, Country where) {
        if (s == null) return "";
        ActorRecord a = r.actor(s);
        if (a != null && a.kb() != null && a.name() != null) return a.name();
        Country c = Countries.of(s.country() != null ? s.country() : Actors.country(s.code()));
        if (c == null) c = where;
        String countryName = c == null ? "International" : c.name();
        int inter = inter(s, type, where);
        if (inter == 6) return "Protesters (" + countryName + ")";
        if (inter == 5) return "Rioters (" + countryName + ")";
        Sector sec = sector(s);
        if (sec != null) return sec.name().replace("{country}", countryName);
        String n = Actors.name(r, s);
        return n == null ? "" : n;
    }

    private static String associates(Report r, List<Side> sides, String type, Country where) {
        Set<String> names = new LinkedHashSet<>();
        String main = name(r, Actors.first(sides), type, where);
        for (Side s : Actors.others(sides)) {
            String n = name(r, s, type, where);
            if (!n.isEmpty() && !n.equals(main)) names.add(n);
        }
        return String.join("; ", names);
    }

    /** National when every known outlet is of the event's country, International when none is, both when mixed. */
    private static String scale(Set<String> outlets, Country where) {
        boolean national = false, international = false;
        for (String o : outlets) {
            String c = OUTLET_COUNTRY.get(o.toLowerCase(Locale.ROOT));
            if (c == null || where == null) continue;
            if (c.equals(where.iso3())) national = true;
            else international = true;
        }
        return national && international
                ? "National-International"
                : national ? "National" : international ? "International" : "";
    }

    private static long killed(EventRecord e) {
        Object k = e.counts() == null ? null : e.counts().get("killed");
        return k instanceof Number n ? n.longValue() : 0;
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            String v = fields.get(i) == null ? "" : fields.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)
                v = '"' + v.replace("\"", "\"\"") + '"';
            w.write(v);
        }
        w.write('\n');
    }
}
