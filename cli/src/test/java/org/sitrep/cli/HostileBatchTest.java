package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 F5-F7 through the real coder: run-on dates, a 999,000-character sentence and a lone surrogate, in one batch. */
@Tag("corenlp")
class HostileBatchTest {

    @Test
    void hostileDocumentsFinishWithinTheirBudgetAndTheBatchIsWrittenWhole(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        StringBuilder dates = new StringBuilder();
        String[] phrases = {
            "on Monday",
            "last week",
            "March 3 2024",
            "the day before yesterday",
            "next Friday at 5 pm",
            "two years ago",
            "early this morning",
            "late last month",
            "in the autumn of 2019",
            "three days later"
        };
        for (int i = 0; dates.length() < 26_000; i++)
            dates.append(phrases[i % phrases.length]).append(' ');
        Files.writeString(dir.resolve("f5-dates.txt"), "Police arrested people in Lagos " + dates);
        Files.writeString(dir.resolve("f6-sentence.txt"), "Police arrested people in Lagos and ".repeat(999_000 / 36));
        Files.writeString(
                dir.resolve("f7-surrogate.jsonl"),
                "{\"id\": \"f7\", \"text\": \"Kenyan police arrested 30 protesters in Nairobi \\ud800 on Friday.\"}\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("z-good.txt"),
                "Kenyan police arrested 30 protesters in Nairobi on Friday, local media reported.");
        Path out = tmp.resolve("out.jsonl");
        long t0 = System.nanoTime();

        int exit = Main.run(
                "code", dir.toString(), "--out", out.toString(), "--published", "2024-03-04", "--threads", "2");

        double secs = (System.nanoTime() - t0) / 1e9;
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8))
            records.add(new ObjectMapper().readTree(line));
        assertEquals(4, records.size(), "every document has its record, on whole lines");
        for (JsonNode r : records)
            System.err.println(r.path("id").asText() + ": " + r.path("error").asText() + " " + r.path("warnings"));
        JsonNode f5 = records.get(0), f6 = records.get(1), f7 = records.get(2), good = records.get(3);
        assertTrue(
                !f5.hasNonNull("error") || f5.path("error").asText().startsWith("timed out"),
                f5.path("error").asText());
        assertTrue(
                !f6.hasNonNull("error") || f6.path("error").asText().startsWith("timed out"),
                f6.path("error").asText());
        assertTrue(
                f6.path("error").asText().startsWith("timed out")
                        || f6.path("warnings").toString().contains("over-long sentences"),
                f6.path("warnings").toString());
        assertTrue(
                f7.path("warnings").toString().contains("unpaired UTF-16 surrogate"),
                f7.path("warnings").toString());
        assertEquals("173", good.path("events").path(0).path("cameo").asText().substring(0, 3));
        assertTrue(exit == 0 || exit == 1, "exit " + exit);
        assertTrue(secs < 200, "took " + secs + " s (models load in ~45 s; each document is budgeted 30 s)");
    }
}
