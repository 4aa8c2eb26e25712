package org.sitrep.training;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks every data/training/*.jsonl file against the corpus format (data/training/README.md); no CoreNLP. */
class TrainingCorpusTest {
    static final Set<String> ACLED = Set.of(
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Mob violence",
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other");
    static final Set<String> REGISTERS =
            Set.of("wire", "local", "lower", "caps", "headline", "translated", "long", "typo", "social");
    static final Set<String> NOTES = Set.of(
            "negated",
            "planned",
            "threatened",
            "sports",
            "business",
            "disaster",
            "crime",
            "metaphor",
            "history",
            "hypothetical",
            "reported-denied");
    /** Two texts whose word-bigram sets overlap this much are one sentence with a slot swapped. */
    static final double NEAR_DUPLICATE = 0.6;

    record Row(String file, int line, JsonNode json) {
        String text() {
            return json.path("text").asText();
        }

        String id() {
            return json.path("id").asText();
        }

        String where() {
            return file + ":" + line + " (" + id() + ")";
        }
    }

    static final Path ROOT = locate();
    static Map<String, Set<String>> ploverModes;
    static List<Row> rows;

    static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isDirectory(p.resolve("data/training"))) return p.resolve("data");
        throw new IllegalStateException(
                "data/training not found above " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void load() throws IOException {
        ploverModes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("events/plover.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            ploverModes.put(f[0], Set.of(f[2].split("\\|")));
        }
        ObjectMapper mapper = new ObjectMapper();
        rows = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("training"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no data/training/*.jsonl");
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String where = f.getFileName() + ":" + (i + 1);
                JsonNode n = parse(mapper, lines.get(i), where);
                rows.add(new Row(f.getFileName().toString(), i + 1, n));
            }
        }
    }

    static JsonNode parse(ObjectMapper mapper, String line, String where) {
        try {
            JsonNode n = mapper.readTree(line);
            assertTrue(n.isObject(), where + ": not a JSON object");
            return n;
        } catch (IOException e) {
            return fail(where + ": " + e.getMessage());
        }
    }

    static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Test
    void idsAreUniqueAndCarryTheirFileStem() {
        Map<String, String> seen = new HashMap<>();
        for (Row r : rows) {
            String stem = r.file().replaceFirst("\\.jsonl$", "");
            assertTrue(r.id().startsWith(stem + "-"), r.where() + ": id must start with " + stem + "-");
            String before = seen.put(r.id(), r.where());
            assertNull(before, r.where() + ": id also used at " + before);
        }
    }

    @Test
    void fieldsComeFromTheAllowedSets() {
        for (Row r : rows) {
            JsonNode n = r.json();
            String plover = str(n, "plover"), mode = str(n, "mode"), acled = str(n, "acled");
            String trigger = str(n, "trigger"), register = str(n, "register"), country = str(n, "country");
            assertFalse(r.text().isBlank(), r.where() + ": empty text");
            assertTrue(REGISTERS.contains(register), r.where() + ": register " + register);
            assertTrue(country != null && country.matches("[A-Z]{3}"), r.where() + ": country " + country);
            if (acled != null) assertTrue(ACLED.contains(acled), r.where() + ": acled " + acled);
            if (str(n, "note") != null)
                assertTrue(NOTES.contains(str(n, "note")), r.where() + ": note " + str(n, "note"));
            if (plover == null) {
                assertNull(mode, r.where() + ": mode without type");
                assertNull(trigger, r.where() + ": trigger without type");
                assertNull(acled, r.where() + ": ACLED type without PLOVER type");
                assertNotNull(str(n, "note"), r.where() + ": a no-event row says why in note");
            } else {
                assertTrue(ploverModes.containsKey(plover), r.where() + ": PLOVER type " + plover);
                if (mode != null)
                    assertTrue(
                            ploverModes.get(plover).contains(mode),
                            r.where() + ": mode " + mode + " not a mode of " + plover);
                assertNotNull(trigger, r.where() + ": event without trigger");
            }
        }
    }

    @Test
    void triggerIsASubstringOfTheText() {
        for (Row r : rows) {
            String trigger = str(r.json(), "trigger");
            if (trigger != null)
                assertTrue(r.text().contains(trigger), r.where() + ": trigger '" + trigger + "' not in text");
        }
    }

    @Test
    void registerMatchesTheCaseOfTheText() {
        for (Row r : rows) {
            String reg = str(r.json(), "register");
            if ("lower".equals(reg)) assertEquals(r.text().toLowerCase(Locale.ROOT), r.text(), r.where());
            if ("caps".equals(reg)) assertEquals(r.text().toUpperCase(Locale.ROOT), r.text(), r.where());
        }
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("\\d+", "#")
                .replaceAll("[^\\p{L}# ]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    static Set<String> bigrams(String text) {
        String[] w = normalise(text).split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < w.length; i++) out.add(w[i] + " " + w[i + 1]);
        return out;
    }

    @Test
    void noTextIsRepeatedOrNearlyRepeated() {
        Map<String, Row> exact = new HashMap<>();
        for (Row r : rows) {
            Row before = exact.put(normalise(r.text()), r);
            assertNull(before, r.where() + ": same text as " + (before == null ? "" : before.where()));
        }
        // Inverted index on bigrams: compare only rows that share one, so this stays fast on thousands of rows.
        Map<String, List<Integer>> index = new HashMap<>();
        List<Set<String>> grams = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            Set<String> g = bigrams(rows.get(j).text());
            grams.add(g);
            Map<Integer, Integer> shared = new HashMap<>();
            for (String b : g) for (int k : index.getOrDefault(b, List.of())) shared.merge(k, 1, Integer::sum);
            for (var e : shared.entrySet()) {
                int s = e.getValue();
                double jaccard = (double) s / (g.size() + grams.get(e.getKey()).size() - s);
                if (jaccard >= NEAR_DUPLICATE)
                    near.add(rows.get(j).where() + " ~ " + rows.get(e.getKey()).where()
                            + String.format(" (%.2f)", jaccard));
            }
            for (String b : g) index.computeIfAbsent(b, x -> new ArrayList<>()).add(j);
        }
        assertTrue(near.isEmpty(), "near-duplicates:\n" + String.join("\n", near));
    }

    /** The held-aside split of README.md: CRC-32 of the UTF-8 id, mod 10 == 0, is the test part. */
    static boolean heldAside(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10 == 0;
    }

    @Test
    void reportsCountsPerTypeAndTheHeldAsidePart() {
        Map<String, Long> acled = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> Objects.requireNonNullElse(str(r.json(), "acled"), "(none)"),
                        TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> plover = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> Objects.requireNonNullElse(str(r.json(), "plover"), "(none)"),
                        TreeMap::new,
                        Collectors.counting()));
        long held = rows.stream().filter(r -> heldAside(r.id())).count();
        long countries =
                rows.stream().map(r -> str(r.json(), "country")).distinct().count();
        StringBuilder out = new StringBuilder("training corpus: " + rows.size() + " rows, " + countries + " countries, "
                + held + " held aside\nper ACLED sub-event type:\n");
        acled.forEach((k, v) -> out.append(String.format("%6d  %s%n", v, k)));
        out.append("per PLOVER type:\n");
        plover.forEach((k, v) -> out.append(String.format("%6d  %s%n", v, k)));
        System.out.print(out);
        // The split must take roughly a tenth: a broken hash would take none or all.
        assertTrue(held > rows.size() / 20 && held < rows.size() / 5, "held aside " + held + " of " + rows.size());
    }

    @Test
    void heldAsideSplitIsTheDocumentedHash() {
        // Values computed independently (Python zlib.crc32) so the rule cannot drift from README.md.
        assertEquals(2092198246L, crc("acled-remote-0001"));
        assertFalse(heldAside("acled-remote-0001"));
        assertTrue(heldAside("acled-remote-0015"));
        assertTrue(heldAside("acled-remote-0017"));
    }

    static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
