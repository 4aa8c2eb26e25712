package org.sitrep.store.export;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.ActorRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Location;
import org.sitrep.records.DocumentRecord.PlaceRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.records.DocumentRecord.Span;
import org.sitrep.records.DocumentRecord.Trigger;
import org.sitrep.records.DocumentRecord.When;
import org.sitrep.sources.Document;
import org.sitrep.store.EventFilter;
import org.sitrep.store.EventStore;
import org.sitrep.store.Exporter;
import org.sitrep.store.Exporter.Format;

/** The export formats read as their own tools read them: GDELT's 61 columns, PLOVER's fields, ACLED's columns. */
class ExportFormatsTest {

    static final String TEXT = "Pakistani police and Afghan insurgents clashed in Peshawar on Monday, killing four.\n"
            + "It later said the insurgents had fled.\nOfficials in Islamabad condemned the attack.";

    /** A coded document: a clash with two actors on one side, a pronoun side, and an event without a source. */
    static DocumentRecord record(String id, String outlet, String acledType, String acledSub) {
        var police = new ActorRecord(
                "a1",
                "Pakistani police",
                "Pakistani police",
                List.of(),
                "PAKCOP",
                "PAK",
                List.of("COP"),
                List.of(),
                null,
                false);
        var insurgents = new ActorRecord(
                "a2",
                "Afghan insurgents",
                "Afghan insurgents",
                List.of(),
                "AFGINS",
                "AFG",
                List.of("INS"),
                List.of(),
                null,
                false);
        var ttp = new ActorRecord(
                "a3",
                "the Pakistani Taliban",
                "Tehrik-i-Taliban Pakistan",
                List.of(),
                "PAKINSMOS",
                "PAK",
                List.of("INS", "MOS"),
                List.of(),
                "tehrik-i-taliban",
                false);
        var peshawar = new PlaceRecord(
                "p1",
                "Peshawar",
                "Peshawar",
                "city",
                "PAK",
                "Khyber Pakhtunkhwa",
                34.00800132751465,
                71.578498840332,
                1168197L,
                List.of(new int[] {50, 58}));
        Location at = new Location("Peshawar", "p1", "Peshawar", "PAK", 34.00800132751465, 71.578498840332);
        Map<String, Object> counts = new HashMap<>();
        counts.put("killed", 4);
        counts.put("size", null);
        EventRecord clash = new EventRecord(
                "e1",
                0,
                TEXT.substring(0, 83),
                new Trigger("clashed", 39, 46),
                "190",
                "ASSAULT",
                "firearms",
                acledType == null ? null : new DocumentRecord.Acled(acledType, acledSub),
                List.of("military"),
                4,
                -10.0,
                List.of(
                        new Side("Pakistani police", "a1", "PAKCOP", "PAK", List.of("COP"), false),
                        new Side("Afghan insurgents", "a2", "AFGINS", "AFG", List.of("INS"), false)),
                List.of(new Side("It", "a3", "PAKINSMOS", "PAK", List.of("INS", "MOS"), false)),
                at,
                new When("2024-05-06", "day", "text"),
                false,
                "asserted",
                "actual",
                false,
                null,
                counts,
                "verb:clash -> 190",
                0.8,
                List.of(),
                null);
        EventRecord condemn = new EventRecord(
                "e2",
                2,
                "Officials in Islamabad condemned the attack.",
                new Trigger("condemned", 23, 32),
                "111",
                "ACCUSE",
                "criticize",
                null,
                List.of(),
                3,
                -2.0,
                List.of(),
                List.of(),
                null,
                new When("2024-05-06", "day", "publication"),
                false,
                "asserted",
                "actual",
                false,
                null,
                Map.of(),
                "verb:condemn -> 111",
                0.5,
                List.of(),
                null);
        return new DocumentRecord(
                id,
                "Clash in Peshawar",
                "https://example.org/" + id,
                outlet,
                "2024-05-06",
                "en",
                List.of(new Span(0, 83), new Span(84, 123), new Span(125, TEXT.length())),
                List.of(police, insurgents, ttp),
                List.of(peshawar),
                List.of(clash, condemn),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    static Document doc(String id, String outlet, String text) {
        return Document.of(id, text, "2024-05-06")
                .withTitle("Clash in Peshawar")
                .withUrl("https://example.org/" + id)
                .withOutlet(outlet);
    }

    static EventStore store(Path dir, String acledType, String acledSub) {
        EventStore store = EventStore.open(dir.resolve("x.duckdb"));
        store.put(doc("a", "Reuters", TEXT), record("a", "Reuters", acledType, acledSub));
        String other = "Independent report: Pakistani police fought Afghan insurgents in Peshawar; four died.";
        store.put(doc("b", "Dawn", other), record("b", "Dawn", acledType, acledSub));
        return store;
    }

    /** GDELT 2.0 event columns and what each holds, after GDELT's codebook. */
    static final Map<String, String> GDELT_TYPES = gdeltTypes();

    static Map<String, String> gdeltTypes() {
        Map<String, String> t = new HashMap<>();
        for (String c : Gdelt.COLUMNS) t.put(c, "text");
        for (String c : List.of("GLOBALEVENTID", "NumMentions", "NumSources", "NumArticles")) t.put(c, "\\d+");
        t.put("SQLDATE", "\\d{8}");
        t.put("MonthYear", "\\d{6}");
        t.put("Year", "\\d{4}");
        t.put("FractionDate", "\\d{4}\\.\\d{4}");
        t.put("IsRootEvent", "[01]");
        t.put("EventCode", "\\d{3,4}");
        t.put("EventBaseCode", "\\d{3}");
        t.put("EventRootCode", "\\d{2}");
        t.put("QuadClass", "[1-4]");
        t.put("GoldsteinScale", "-?\\d+\\.\\d");
        t.put("AvgTone", "(-?\\d+(\\.\\d+)?)?");
        for (String g : List.of("Actor1Geo_", "Actor2Geo_", "ActionGeo_")) {
            t.put(g + "Type", "[0-5]");
            t.put(g + "CountryCode", "([A-Z]{2})?");
            t.put(g + "Lat", "(-?\\d+(\\.\\d{1,4})?)?");
            t.put(g + "Long", "(-?\\d+(\\.\\d{1,4})?)?");
        }
        for (String a : List.of("Actor1", "Actor2")) {
            t.put(a + "Code", "([A-Z]{3})*");
            t.put(a + "CountryCode", "([A-Z]{3})?");
            for (String s : List.of(
                    "KnownGroupCode",
                    "EthnicCode",
                    "Religion1Code",
                    "Religion2Code",
                    "Type1Code",
                    "Type2Code",
                    "Type3Code")) t.put(a + s, "([A-Z]{3})?");
        }
        t.put("DATEADDED", "\\d{14}");
        t.put("SOURCEURL", ".+");
        return t;
    }

    @Test
    void gdeltExportHasGdeltsSixtyOneColumnsNoHeaderFipsCodesAndStableIds(@TempDir Path dir) throws Exception {
        assertEquals(61, Gdelt.COLUMNS.size());
        assertEquals(
                List.of("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code"),
                Gdelt.COLUMNS.subList(0, 6));
        assertEquals(List.of("DATEADDED", "SOURCEURL"), Gdelt.COLUMNS.subList(59, 61));
        List<String> lines;
        try (EventStore store = store(dir, null, null)) {
            assertEquals(
                    2,
                    Exporter.export(store, Format.gdelt, dir.resolve("g.tsv"), EventFilter.all()),
                    "two real-world events, each reported by two outlets");
            lines = Files.readAllLines(dir.resolve("g.tsv"));
            Exporter.export(store, Format.gdelt, dir.resolve("again.tsv"), EventFilter.all());
            assertEquals(
                    lines,
                    Files.readAllLines(dir.resolve("again.tsv")),
                    "a second export is the same file, ids included");
        }
        assertEquals(2, lines.size(), "no header row");
        Map<String, String> clash = null;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            assertEquals(61, f.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < f.length; i++) {
                String column = Gdelt.COLUMNS.get(i);
                if (!GDELT_TYPES.get(column).equals("text"))
                    assertTrue(Pattern.matches(GDELT_TYPES.get(column), f[i]), column + " = '" + f[i] + "'");
                row.put(column, f[i]);
            }
            if (row.get("EventCode").equals("190")) clash = row;
        }
        assertNotNull(clash);
        assertEquals("20240506", clash.get("SQLDATE"));
        assertEquals("202405", clash.get("MonthYear"));
        assertEquals("2024.3452", clash.get("FractionDate"));
        assertEquals("PAKCOP", clash.get("Actor1Code"));
        assertEquals("PAK", clash.get("Actor1CountryCode"));
        assertEquals("COP", clash.get("Actor1Type1Code"));
        assertEquals("TEHRIK-I-TALIBAN PAKISTAN", clash.get("Actor2Name"), "the resolved name, not the pronoun 'It'");
        assertEquals("MOS", clash.get("Actor2Religion1Code"));
        assertEquals("INS", clash.get("Actor2Type1Code"));
        assertEquals("1", clash.get("IsRootEvent"), "in the lead paragraph");
        assertEquals("19", clash.get("EventRootCode"));
        assertEquals("190", clash.get("EventBaseCode"));
        assertEquals("-10.0", clash.get("GoldsteinScale"));
        assertEquals(
                List.of("2", "2", "2"),
                List.of(clash.get("NumMentions"), clash.get("NumSources"), clash.get("NumArticles")));
        assertEquals("PK", clash.get("ActionGeo_CountryCode"), "FIPS 10-4, not ISO");
        assertEquals("4", clash.get("ActionGeo_Type"), "a world city");
        assertEquals("Peshawar, Khyber Pakhtunkhwa, Pakistan", clash.get("ActionGeo_FullName"));
        assertEquals("34.008", clash.get("ActionGeo_Lat"), "no float noise");
        assertEquals("71.5785", clash.get("ActionGeo_Long"));
        assertEquals("1168197", clash.get("ActionGeo_FeatureID"));
        assertEquals(
                clash.get("ActionGeo_FullName"),
                clash.get("Actor1Geo_FullName"),
                "Pakistani police act where the clash is");
        assertEquals("https://example.org/a", clash.get("SOURCEURL"));
        assertEquals(Long.toString(Gdelt.globalEventId(clusterOf(dir, "a", "e1"))), clash.get("GLOBALEVENTID"));
    }

    @Test
    void countryCodesCrossWalkToFipsIsoAlpha2AndNumeric() {
        assertEquals("YM", Countries.of("YEM").fips());
        assertEquals("KS", Countries.of("KOR").fips());
        assertEquals("IZ", Countries.of("IRQ").fips());
        assertEquals("UK", Countries.of("GBR").fips());
        assertEquals("GZ", Countries.of("PSE").fipsOf("Gaza City", "Gaza Strip"));
        assertEquals("WE", Countries.of("PSE").fipsOf("Ramallah", "West Bank"));
        assertEquals("DE", Countries.of("DEU").iso2());
        assertEquals(4, Countries.of("AFG").numeric());
        assertEquals("Middle East", Countries.of("IRQ").region());
        assertEquals("Pakistan", Countries.of("PAK").name());
    }

    @Test
    void everyPloverRecordValidatesAgainstTheSchemaWrittenFromTheSpecification(@TempDir Path dir) throws Exception {
        Schema schema;
        try (InputStream in = ExportFormatsTest.class.getResourceAsStream("/sitrep/export/plover.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
        Exporter.Result result;
        try (EventStore store = store(dir, null, null)) {
            result = Exporter.run(store, Format.plover, dir.resolve("p.jsonl"), EventFilter.all());
        }
        assertEquals(2, result.written(), "the clashes; the condemnations have no source actor, which PLOVER requires");
        assertTrue(result.leftOut().startsWith("2 events without a source"), result.leftOut());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(dir.resolve("p.jsonl"));
        for (String line : lines) assertEquals(List.of(), schema.validate(json.readTree(line)), line);
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("2024-05-06", first.get("date").asText());
        assertEquals("ASSAULT", first.get("event").get(0).asText());
        assertEquals("firearms", first.get("mode").get(0).asText());
        assertEquals(2, first.get("source").size(), "both actors of the side");
        assertEquals("PAK", first.get("source").get(0).get("code").asText());
        assertEquals("COP", first.get("source").get(0).get("sector").asText());
        assertEquals("AFG", first.get("source").get(1).get("code").asText());
        assertEquals(
                "Tehrik-i-Taliban Pakistan",
                first.get("recipient").get(0).get("identifier_text").asText());
        assertEquals("PK", first.get("event_loc").get("country_code").asText());
        assertEquals(1168197, first.get("event_loc").get("geonameid").asLong());
        assertEquals(4, first.get("size").get("dead").asInt());
        assertEquals("military", first.get("context").get(0).asText());

        JsonNode bad = json.readTree(lines.get(0).replace("\"event\":[\"ASSAULT\"]", "\"event_type\":\"ASSAULT\""));
        assertFalse(schema.validate(bad).isEmpty(), "the schema can fail: the old field names do not pass");
    }

    @Test
    void acledExportHasAcledsColumnsAndDerivesTheDisorderType(@TempDir Path dir) throws Exception {
        assertEquals("Political violence", Acled.disorderType("Battles", "Armed clash"));
        assertEquals(
                "Political violence; Demonstrations",
                Acled.disorderType("Protests", "Excessive force against protesters"));
        assertEquals("Demonstrations", Acled.disorderType("Protests", "Peaceful protest"));
        assertEquals("Strategic developments", Acled.disorderType("Strategic developments", "Arrests"));
        Exporter.Result result;
        try (EventStore store = store(dir, "Battles", "Armed clash")) {
            result = Exporter.run(store, Format.acled, dir.resolve("a.csv"), EventFilter.all());
        }
        assertEquals(1, result.written());
        assertEquals("1 real-world events without an ACLED type", result.leftOut());
        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        for (String c : List.of(
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
                "timestamp")) assertTrue(header.contains(c), c);
        List<String> row = csv(lines.get(1));
        assertEquals(header.size(), row.size());
        Map<String, String> r = new HashMap<>();
        for (int i = 0; i < header.size(); i++) r.put(header.get(i), row.get(i));
        assertEquals("2024-05-06", r.get("event_date"));
        assertEquals("1", r.get("time_precision"));
        assertEquals("Political violence", r.get("disorder_type"));
        assertEquals("Police Forces of Pakistan", r.get("actor1"));
        assertEquals("Rebel Group (Afghanistan)", r.get("assoc_actor_1"));
        assertEquals("Tehrik-i-Taliban Pakistan", r.get("actor2"), "named from the knowledge base");
        assertEquals("1", r.get("inter1"));
        assertEquals("2", r.get("inter2"));
        assertEquals("12", r.get("interaction"));
        assertEquals("586", r.get("iso"));
        assertEquals("South Asia", r.get("region"));
        assertEquals("Khyber Pakhtunkhwa", r.get("admin1"));
        assertEquals("Peshawar", r.get("location"));
        assertEquals("1", r.get("geo_precision"));
        assertEquals("Reuters; Dawn", r.get("source"));
        assertEquals("International", r.get("source_scale"), "Reuters is British; Dawn is not in the knowledge base");
        assertEquals("4", r.get("fatalities"));
    }

    @Test
    void csvAndParquetKeepEveryActorOfASide(@TempDir Path dir) throws Exception {
        try (EventStore store = store(dir, null, null)) {
            assertEquals(4, Exporter.export(store, Format.csv, dir.resolve("e.csv"), EventFilter.all()));
            assertEquals(4, Exporter.export(store, Format.parquet, dir.resolve("e.parquet"), EventFilter.all()));
            try (Statement st = store.connection().createStatement()) {
                for (String read : List.of(
                        "read_csv('" + dir.resolve("e.csv") + "', header = true, all_varchar = true)",
                        "read_parquet('" + dir.resolve("e.parquet") + "')")) {
                    try (ResultSet rs = st.executeQuery(
                            "SELECT source_code, CAST(source_codes AS VARCHAR), CAST(source_names AS VARCHAR),"
                                    + " CAST(target_names AS VARCHAR), CAST(lat AS VARCHAR) FROM " + read
                                    + " WHERE doc_id = 'a' AND event_id = 'e1'")) {
                        assertTrue(rs.next(), read);
                        assertEquals("PAKCOP", rs.getString(1));
                        assertTrue(rs.getString(2).matches("\\[?PAKCOP(;|, )AFGINS]?"), read + ": " + rs.getString(2));
                        assertTrue(
                                rs.getString(3).matches("\\[?Pakistani police(;|, )Afghan insurgents]?"),
                                rs.getString(3));
                        assertTrue(rs.getString(4).contains("Tehrik-i-Taliban Pakistan"), rs.getString(4));
                        assertEquals("34.008", rs.getString(5), "coordinates without float noise");
                    }
                }
            }
        }
    }

    private static String clusterOf(Path dir, String doc, String event) throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("x.duckdb"));
                Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT cluster_id FROM events WHERE doc_id = '" + doc + "' AND event_id = '" + event + "'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** One CSV line's fields (quotes as RFC 4180 has them). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else b.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else b.append(c);
        }
        out.add(b.toString());
        return out;
    }
}
