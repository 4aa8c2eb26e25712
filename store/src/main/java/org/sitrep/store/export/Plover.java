package org.sitrep.store.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.sitrep.analysis.TimeRef;
import org.sitrep.records.DocumentRecord.ActorRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Location;
import org.sitrep.records.DocumentRecord.PlaceRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.records.DocumentRecord.Span;
import org.sitrep.store.export.Countries.Country;
import org.sitrep.store.export.Reports.Report;

/**
 * PLOVER event records as the PLOVER specification names its data fields, one JSON object a line: {@code id},
 * {@code date}, {@code source} and {@code recipient} (lists of actor objects), {@code event}, {@code mode} and
 * {@code context} (lists), {@code event_loc} (a GeoNames-style location object), {@code event_text}, {@code quad_code},
 * {@code event_scale} (the Goldstein score), {@code link} (the real-world event), {@code size}, {@code text_info},
 * {@code cite_info}, {@code coder} and {@code coded_date}. The schema is {@code sitrep/export/plover.schema.json}.
 * The specification requires a date and a source: events without either are left out and counted.
 */
public final class Plover {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CODER = "sitrep 0.1.0";

    private Plover() {}

    /** Writes one line per event; returns how many events were left out (no source actor or no date). */
    public static long write(List<Report> reports, Writer w) throws IOException {
        long left = 0;
        for (Report r : reports) {
            ObjectNode o = record(r);
            if (o == null) {
                left++;
                continue;
            }
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
        return left;
    }

    static ObjectNode record(Report r) {
        EventRecord e = r.event();
        LocalDate day = TimeRef.periodStart(e.date() == null ? null : e.date().value());
        if (day == null || e.source().isEmpty()) return null;
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.doc().id() + "-" + e.id());
        o.put("date", day.toString());
        o.put("date_precision", e.date().precision());
        ArrayNode source = o.putArray("source");
        for (Side s : e.source()) source.add(actor(r, s));
        ArrayNode recipient = o.putArray("recipient");
        for (Side s : e.target()) recipient.add(actor(r, s));
        o.putArray("event").add(e.plover());
        ArrayNode mode = o.putArray("mode");
        if (e.mode() != null && !e.mode().isEmpty()) mode.add(e.mode());
        ArrayNode context = o.putArray("context");
        if (e.contexts() != null) e.contexts().forEach(context::add);
        if (e.historical()) context.add("historical");
        if (e.location() != null) o.set("event_loc", location(r));
        o.putArray("event_text").add(e.evidence());
        o.put("quad_code", e.quadClass());
        o.put("event_scale", e.goldstein());
        o.put("cameo", e.cameo());
        o.put("link", r.clusterId());
        ObjectNode size = size(e.counts());
        if (size != null) o.set("size", size);
        ObjectNode text = o.putObject("text_info");
        text.put("sequence", e.sentence());
        List<Span> sentences = r.doc().sentences();
        if (sentences != null && e.sentence() < sentences.size()) {
            text.put("start", sentences.get(e.sentence()).start());
            text.put("end", sentences.get(e.sentence()).end());
        }
        ObjectNode cite = o.putObject("cite_info");
        cite.put("citation", r.doc().id());
        if (r.url() != null) cite.put("url", r.url());
        if (r.doc().title() != null) cite.put("title", r.doc().title());
        if (r.doc().language() != null) cite.put("language", r.doc().language());
        if (r.outlet() != null) cite.put("publication", r.outlet());
        cite.put("coder", CODER);
        cite.put("codebook", "plover");
        o.put("coder", CODER);
        Instant coded = Instant.ofEpochSecond(r.codedAt());
        o.put("coded_date", coded.atZone(ZoneOffset.UTC).toLocalDate().toString());
        o.put("coded_time", coded.atZone(ZoneOffset.UTC).toLocalTime().toString() + "Z");
        return o;
    }

    /** An actor object: top-level code (country or IGO/NGO…), sector, the text, and the knowledge base's identity. */
    private static ObjectNode actor(Report r, Side s) {
        ObjectNode a = JSON.createObjectNode();
        String country = Actors.country(s.code());
        String top = country != null
                ? country
                : s.code() != null && s.code().length() >= 3 ? s.code().substring(0, 3) : s.country();
        a.put("code", top);
        String rest =
                s.code() == null || s.code().length() <= 3 ? null : s.code().substring(3);
        if (rest != null) a.put("sector", rest.length() > 6 ? rest.substring(0, 6) : rest);
        a.put("actor_text", s.text());
        ActorRecord known = r.actor(s);
        if (known != null && known.kb() != null) a.put("identifier_id", "sitrep:" + known.kb());
        String name = Actors.name(r, s);
        if (name != null) a.put("identifier_text", name);
        List<String> religions =
                Actors.parts(s.code()).stream().filter(Actors::religion).toList();
        if (!religions.isEmpty()) a.put("religion", String.join(" ", religions));
        a.put("cameo_code", s.code());
        return a;
    }

    /** A GeoNames-style location object with the place as written ({@code extracted_place}). */
    private static ObjectNode location(Report r) {
        Location l = r.event().location();
        PlaceRecord p = r.place();
        ObjectNode o = JSON.createObjectNode();
        o.put("extracted_place", l.text());
        o.put("name", l.name());
        if (p != null && p.geonamesId() != null) o.put("geonameid", p.geonamesId());
        o.put("latitude", round(l.lat()));
        o.put("longitude", round(l.lon()));
        if (p != null && p.kind() != null) {
            o.put(
                    "feature_class",
                    switch (p.kind()) {
                        case "country", "region" -> "A";
                        case "city" -> "P";
                        default -> "L";
                    });
            o.put("kind", p.kind());
        }
        Country c = Countries.of(l.country());
        if (c != null) {
            o.put("country_code", c.iso2());
            o.put("cc3", c.iso3());
        }
        if (p != null && p.admin1() != null && !p.admin1().isEmpty()) o.put("admin1", p.admin1());
        return o;
    }

    private static ObjectNode size(Map<String, Object> counts) {
        if (counts == null) return null;
        ObjectNode s = JSON.createObjectNode();
        for (String[] k : new String[][] {
            {"killed", "dead"}, {"injured", "injured"}, {"arrested", "arrested"}, {"size", "participants"}
        }) {
            Object v = counts.get(k[0]);
            if (v instanceof Number n) s.put(k[1], n.longValue());
            else if (v != null) s.put(k[1], v.toString());
        }
        return s.isEmpty() ? null : s;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
