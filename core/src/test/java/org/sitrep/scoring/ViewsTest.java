package org.sitrep.scoring;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;

/** The rules-alone, model-alone and both readings of a record coded with the event model, and their per-type scores. */
class ViewsTest {
    static final String TEXT =
            "Jets bombed Aleppo. Rebels shelled Idlib. Crowds marched in Homs. The team won the match.";
    // sentence 0: a rule event the model agreed with (its ACLED type refined from the table's generic answer);
    // 1: an event only the model found; 2: a rule event the model called no event (moved to non_events);
    // 3: the model reads a protest, the rules nothing
    static final String RECORD = """
            {"id": "d1", "published": "2024-03-01", "sentences": [
              {"start": 0, "end": 19, "model": {"plover": "ASSAULT", "p": 0.97, "mode": "aerial", "mode_p": 0.9, "acled": "Air/drone strike", "acled_p": 0.9}},
              {"start": 20, "end": 41, "model": {"plover": "ASSAULT", "p": 0.96, "mode": "artillery", "mode_p": 0.8, "acled": "Shelling/artillery/missile attack", "acled_p": 0.9}},
              {"start": 42, "end": 65, "model": {"plover": "none", "p": 0.98}},
              {"start": 66, "end": 89, "model": {"plover": "PROTEST", "p": 0.6, "mode": "demonstrate", "mode_p": 0.7, "acled": "Peaceful protest", "acled_p": 0.8}}],
             "events": [
              {"id": "e1", "sentence": 0, "evidence": "Jets bombed Aleppo.", "trigger": {"text": "bombed", "start": 5, "end": 11}, "cameo": "195",
               "plover": "ASSAULT", "mode": "aerial", "goldstein": -10.0, "quad_class": 4, "confidence": 0.6, "source": [], "target": [],
               "rule": "verb:bomb -> 190 + model (0.97), mode aerial (0.90): 190 -> 195",
               "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "rule": "model (0.90) over events/acled.tsv:99: Attack"}},
              {"id": "e2", "sentence": 1, "evidence": "Rebels shelled Idlib.", "trigger": {"text": "shelled", "start": 27, "end": 34}, "cameo": "194",
               "plover": "ASSAULT", "mode": "artillery", "confidence": 0.96, "source": [], "target": [], "rule": "model:ASSAULT"}],
             "non_events": [
              {"id": "n1", "sentence": 2, "evidence": "Crowds marched in Homs.", "trigger": {"text": "marched", "start": 49, "end": 56}, "cameo": "141",
               "plover": "PROTEST", "confidence": 0.6, "source": [], "target": [], "rule": "verb:march -> 141",
               "note": "the event model reads no event in this sentence (0.98)"}],
             "relations": []}
            """;

    static final Knowledge K = Knowledge.load(KnowledgeFiles.builtIn());
    static final Views VIEWS = new Views(K.codebook(), K.acled());
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode record() throws Exception {
        return JSON.readTree(RECORD);
    }

    static List<String> types(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("events")
                .forEach(e -> out.add(e.path("sentence").asInt() + ":"
                        + e.path("plover").asText() + "/" + e.path("cameo").asText()));
        return out;
    }

    @Test
    void eachEventSaysWhetherTheRulesTheModelOrBothFoundIt() throws Exception {
        JsonNode r = record();
        assertEquals("both", Views.foundBy(r.path("events").get(0)));
        assertEquals("model", Views.foundBy(r.path("events").get(1)));
        assertEquals("rules", Views.foundBy(r.path("non_events").get(0)));
        assertTrue(Views.modelRead(r));
    }

    @Test
    void theRulesAloneGetBackWhatTheModelChangedAndLoseWhatItAdded() throws Exception {
        JsonNode rules = VIEWS.view(record(), Views.View.RULES, null);
        assertEquals(List.of("0:ASSAULT/190", "2:PROTEST/141"), types(rules));
        JsonNode bombing = rules.path("events").get(0);
        assertEquals("verb:bomb -> 190", bombing.path("rule").asText());
        assertEquals("Attack", bombing.path("acled").path("sub_event_type").asText(), "the table's own answer");
        assertEquals(
                "Violence against civilians",
                bombing.path("acled").path("event_type").asText());
        assertTrue(rules.path("events").get(1).path("note").isMissingNode());
        assertEquals(0, rules.path("non_events").size());
        assertFalse(Views.modelRead(rules));
    }

    @Test
    void theModelAloneHasAnEventForEachSentenceItReadsAsOne() throws Exception {
        JsonNode model = VIEWS.view(record(), Views.View.MODEL, TEXT);
        assertEquals(List.of("0:ASSAULT/195", "1:ASSAULT/194", "3:PROTEST/141"), types(model));
        JsonNode protest = model.path("events").get(2);
        assertEquals("The team won the match.", protest.path("evidence").asText(), "its text from the document");
        assertEquals(
                "Peaceful protest", protest.path("acled").path("sub_event_type").asText());
        assertEquals(0.6, protest.path("confidence").asDouble());
        JsonNode withoutText = VIEWS.view(record(), Views.View.MODEL, null);
        assertEquals(
                List.of("0:ASSAULT/195", "1:ASSAULT/194"),
                types(withoutText),
                "without the text only sentences with a rule event or model event");
    }

    @Test
    void perTypeFiguresSideBySide(@TempDir Path dir) throws Exception {
        Path gold = Files.writeString(dir.resolve("gold.json"), """
                {"documents": [{"id": "d1", "published": "2024-03-01", "events": [
                  {"name": "bombing", "anchor": "jets bombed", "plover": ["ASSAULT"], "cameo_root": [], "source": null, "target": null, "required": true},
                  {"name": "shelling", "anchor": "rebels shelled", "plover": ["ASSAULT"], "cameo_root": [], "source": null, "target": null, "required": true}],
                 "negatives": [{"anchor": "crowds marched", "plover": ["PROTEST"], "cameo_root": []}]}]}
                """);
        Map<String, Scorer.Result> results = new LinkedHashMap<>();
        for (Views.View v : Views.View.values())
            results.put(v.name().toLowerCase(), Scorer.score(gold, Map.of("d1", VIEWS.view(record(), v, TEXT))));
        assertArrayEquals(new double[] {1, 0.5, 2 / 3.0}, results.get("rules").perType("ASSAULT"), 1e-9);
        assertArrayEquals(new double[] {1, 1, 1}, results.get("both").perType("ASSAULT"), 1e-9);
        assertArrayEquals(new double[] {0, 0, 0}, results.get("model").perType("PROTEST"), 1e-9);
        String table = Scorer.perTypeTable(results);
        assertTrue(
                table.lines()
                        .anyMatch(
                                l -> l.trim().split("\\s+").length == 11
                                        && l.matches(
                                                "ASSAULT\\s+2\\s+1\\.00\\s+0\\.50\\s+0\\.67\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\\.00")),
                table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("all")), table);
    }
}
