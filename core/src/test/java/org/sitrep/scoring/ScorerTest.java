package org.sitrep.scoring;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
    static final String GOLD = """
            {"documents": [{"id": "d1", "published": "2020-05-01",
              "events": [
                {"name": "raid", "anchor": "police raided", "plover": ["COERCE"], "cameo_root": ["17"], "source": ["KEN"], "target": ["KEN"],
                 "location": {"name": "Nairobi", "lat": -1.2864, "lon": 36.8172}, "date": "2020-05-01", "required": true},
                {"name": "protest", "anchor": "students marched", "plover": ["PROTEST"], "cameo_root": ["14"], "source": ["KEN"], "target": null, "required": true},
                {"name": "old", "anchor": "in 1998", "plover": ["ASSAULT"], "cameo_root": ["18"], "source": ["KEN"], "historical": true, "required": false}],
              "negatives": [{"anchor": "did not arrest", "plover": ["COERCE"], "cameo_root": ["17"]}],
              "actors": [{"text": "Kenya Police", "country": "KEN"}],
              "relations": [{"type": "cause", "from": "protest", "to": "raid"}]}]}
            """;

    static final String RECORDS = """
            {"id": "d1", "actors": [{"text": "Kenya Police", "code": "KENCOP", "country": "KEN"}],
             "events": [
              {"id": "e1", "evidence": "Kenyan police raided the campus in Nairobi.", "plover": "COERCE", "cameo": "173",
               "source": [{"code": "KENCOP", "country": "KEN"}], "target": [{"code": "KENEDU", "country": "KEN"}],
               "location": {"lat": -1.29, "lon": 36.82}, "date": {"value": "2020-05-01"}},
              {"id": "e2", "evidence": "Angry students marched to parliament.", "plover": "ASSAULT", "cameo": "190",
               "source": [{"code": "KENEDU", "country": "KEN"}], "target": []},
              {"id": "e3", "evidence": "Officers did not arrest anyone.", "plover": "COERCE", "cameo": "173", "source": [], "target": []}],
             "relations": [{"type": "cause", "from": "e2", "to": "e1"}]}
            """;

    @Test
    void scoresLikeTheEvaluationKit(@TempDir Path dir) throws Exception {
        Path gold = Files.writeString(dir.resolve("gold.json"), GOLD);
        Path recs = Files.writeString(
                dir.resolve("r.jsonl"), RECORDS.replace("\n", " ").strip() + "\n");
        Scorer.Result r = Scorer.score(gold, recs);
        Scorer.Summary s = r.summary();
        assertEquals(0.5, s.recall(), 1e-9); // the raid is found, the march has the wrong type
        assertEquals(1.0 / 3, s.precision(), 1e-9); // one of three system events matches
        assertEquals(1.0, s.source());
        assertEquals(1.0, s.location());
        assertEquals(1.0, s.date());
        assertEquals(1.0, s.actors());
        assertEquals(0.0, s.relations()); // the march was not matched, so its link cannot count
        assertEquals(1, s.negativesViolated());
        assertEquals(1, r.confusion().get("PROTEST").get("ASSAULT"));
        assertTrue(s.line().startsWith("f1 0.400 precision 0.333 recall 0.500"), s.line());
        String table = Scorer.table(r);
        String[] lines = table.split("\n");
        assertTrue(
                lines[lines.length - 1].matches("all\\s+2\\s+1\\s+0\\.50"),
                "the table's last row is the summary's recall:\n" + table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("PROTEST") && l.endsWith("1      0    0.00")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("COERCE") && l.endsWith("1      1    1.00")), table);
    }
}
