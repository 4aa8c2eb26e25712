package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: a batch with bad documents in it is coded, reported, and loses nothing. */
@Tag("corenlp")
class CodeCommandTest {

    @Test
    void aBatchSurvivesBadDocumentsAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(
                in.resolve("a-good.jsonl"),
                "{\"id\": \"good\", \"published\": \"2022-03-01\", \"text\": \"Ethiopian troops attacked rebel positions near Mekelle on Monday.\"}\n"
                        + "{\"id\": \"broken\", \"text\": \n");
        Files.writeString(in.resolve("b-empty.txt"), "");
        Files.write(in.resolve("c-binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
        Files.writeString(
                in.resolve("d-french.txt"),
                "Les manifestants se sont rassemblés devant le palais présidentiel pour exiger la démission du gouvernement.");
        Files.writeString(
                in.resolve("e-page.html"),
                "<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>");
        Path out = dir.resolve("out.jsonl");

        int exit = Main.run("code", in.toString(), "--out", out.toString(), "--published", "2022-03-01");

        assertEquals(1, exit, "some documents could not be coded");
        List<JsonNode> records = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) records.add(json.readTree(line));
        assertEquals(6, records.size(), "one record per document, bad ones included");
        JsonNode good = records.get(0);
        assertEquals("good", good.path("id").asText());
        assertEquals("ASSAULT", good.path("events").path(0).path("plover").asText());
        assertEquals(
                "ETH",
                good.path("events")
                        .path(0)
                        .path("source")
                        .path(0)
                        .path("country")
                        .asText());
        assertEquals(
                "2022-02-28",
                good.path("events").path(0).path("date").path("value").asText());
        for (JsonNode bad : records.subList(1, records.size())) {
            assertFalse(bad.path("error").asText().isEmpty(), bad.toString());
            assertEquals(0, bad.path("events").size());
        }
    }

    @Test
    void theTableIsForPeople(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(
                dir.resolve("a.txt"),
                "Kenyan police arrested 30 protesters in Nairobi on Friday, local media reported.");
        Path out = dir.resolve("table.txt");
        assertEquals(
                0,
                Main.run(
                        "code",
                        in.toString(),
                        "--format",
                        "table",
                        "--out",
                        out.toString(),
                        "--published",
                        "2023-07-09"));
        String table = Files.readString(out);
        assertTrue(table.startsWith("date"), table);
        assertTrue(table.contains("173 Arrest"), table);
        assertTrue(table.contains("KENCOP"), table);
        assertTrue(table.contains("2023-07-07"), table);
    }

    @Test
    void ingestStoresOnceAndExportsWhatWasStored(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(
                dir.resolve("a.jsonl"),
                "{\"id\": \"x1\", \"published\": \"2023-02-01\", \"text\": \"Somali troops attacked al-Shabaab fighters near Kismayo on Tuesday.\"}\n"
                        + "{\"id\": \"x2\", \"published\": \"2023-02-02\", \"text\": \"Kenyan police arrested 20 protesters in Nairobi.\"}\n");
        Path db = dir.resolve("s.duckdb");
        assertEquals(0, Main.run("ingest", in.toString(), "--db", db.toString()));
        assertEquals(0, Main.run("ingest", in.toString(), "--db", db.toString()), "a rerun skips what is stored");
        try (var store = org.sitrep.store.EventStore.open(db)) {
            assertEquals(2, store.documents());
        }
        Path out = dir.resolve("e.csv");
        assertEquals(
                0,
                Main.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--format",
                        "csv",
                        "--out",
                        out.toString(),
                        "--country",
                        "KEN"));
        List<String> rows = Files.readAllLines(out);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(1).contains("KENCOP"), rows.get(1));
    }
}
