package org.sitrep.model.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.events.AcledStage;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.model.EventModel;
import org.sitrep.model.ModelStage;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * The shipped head and the real encoder in the coder's model and ACLED stages, over parses written by hand (no CoreNLP):
 * the thresholds in {@link ModelStage.Settings#DEFAULT} and data/events/acled.tsv as sitrep code --model uses them.
 */
@Tag("onnx")
class ModelInCodingTest {
    static Knowledge knowledge;
    static ModelStage stage, withoutModes;

    @BeforeAll
    static void load() {
        knowledge = Knowledge.load(KnowledgeFiles.builtIn());
        MiniLmEncoder encoder = new MiniLmEncoder();
        stage = new ModelStage(
                EventModel.builtIn(),
                encoder,
                knowledge.codebook(),
                ModelStage.Settings.DEFAULT,
                new org.sitrep.events.AcledStage(knowledge.acled())::refinable,
                knowledge.acled()::types,
                org.sitrep.model.Gate.builtIn(),
                knowledge.impliedAgents());
        withoutModes = new ModelStage(
                EventModel.builtIn(),
                encoder,
                knowledge.codebook(),
                ModelStage.Settings.DEFAULT.with("mode=2"),
                new org.sitrep.events.AcledStage(knowledge.acled())::refinable,
                knowledge.acled()::types,
                org.sitrep.model.Gate.builtIn(),
                knowledge.impliedAgents());
    }

    static EventDraft bombing(Analysis a) {
        EventDraft e = new EventDraft();
        e.setSentence(0);
        e.setTriggerTo(1);
        e.setTriggerFrom(e.triggerTo());
        e.setTrigger(e.triggerFrom());
        e.setCode(knowledge.codebook().get("190")); // "use conventional military force": the rules know no more
        e.setRule("verb:bomb -> 190");
        e.setConfidence(0.6);
        a.addEvent(e);
        return e;
    }

    /** One sentence from (word, lemma, POS, head, relation) rows. */
    static Analysis analysis(String[][] t) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            if (i > 0 && !t[i][2].equals(".") && !t[i][2].equals(",")) text.append(' ');
            int at = text.length();
            text.append(t[i][0]);
            tokens.add(new Token(
                    i, t[i][0], t[i][1], t[i][2], "O", at, at + t[i][0].length(), Integer.parseInt(t[i][3]), t[i][4]));
        }
        Analysis a = new Analysis(
                new Document("d", text.toString(), "2024-03-01", null, null, null, "test", "en", List.of(), null),
                LocalDate.of(2024, 3, 1));
        a.setSentences(List.of(new Sentence(0, 0, text.length(), text.toString(), tokens)));
        a.setMentions(new ArrayList<>(List.of(List.of())));
        return a;
    }

    static final String[][] BOMBING = {
        {"Warplanes", "warplane", "NNS", "1", "nsubj"},
        {"bombed", "bomb", "VBD", "-1", "root"},
        {"a", "a", "DT", "4", "det"},
        {"crowded", "crowded", "JJ", "4", "amod"},
        {"market", "market", "NN", "1", "obj"},
        {"in", "in", "IN", "7", "case"},
        {"the", "the", "DT", "7", "det"},
        {"town", "town", "NN", "1", "obl"},
        {"on", "on", "IN", "9", "case"},
        {"Sunday", "Sunday", "NNP", "1", "obl"},
        {",", ",", ",", "1", "punct"},
        {"killing", "kill", "VBG", "1", "advcl"},
        {"twelve", "twelve", "CD", "13", "nummod"},
        {"people", "people", "NNS", "11", "obj"},
        {".", ".", ".", "1", "punct"}
    };

    static final String[][] ARRESTS = {
        {"Police", "police", "NNS", "1", "nsubj"},
        {"arrested", "arrest", "VBD", "-1", "root"},
        {"forty", "forty", "CD", "4", "nummod"},
        {"opposition", "opposition", "NN", "4", "compound"},
        {"activists", "activist", "NNS", "1", "obj"},
        {"outside", "outside", "IN", "7", "case"},
        {"the", "the", "DT", "7", "det"},
        {"parliament", "parliament", "NN", "1", "obl"},
        {"on", "on", "IN", "9", "case"},
        {"Monday", "Monday", "NNP", "1", "obl"},
        {".", ".", ".", "1", "punct"}
    };

    @Test
    void aGenericRuleEventTakesTheModelsMoreSpecificAcledTypeWhenTheyAgreeOnTheType() {
        Analysis a = analysis(BOMBING);
        EventDraft e = bombing(a);
        withoutModes.process(a);
        new AcledStage(knowledge.acled()).process(a);
        assertTrue(e.emitted());
        assertTrue(e.rule().startsWith("verb:bomb -> 190" + ModelStage.AGREES), "both found it: " + e.rule());
        assertEquals("Air/drone strike", e.acled().subEventType(), "the table alone says Attack");
        assertTrue(
                e.acled().rule().startsWith("model (") && e.acled().rule().endsWith(": Attack"),
                e.acled().rule());
    }

    @Test
    void anUnspecifiedCodeTakesTheModelsMeansAndTheCrosswalkThenDecidesFromThem() {
        Analysis a = analysis(BOMBING);
        EventDraft e = bombing(a);
        stage.process(a);
        new AcledStage(knowledge.acled()).process(a);
        assertEquals("195", e.code().code(), e.rule() + " " + a.opinions());
        assertTrue(e.rule().endsWith("190 -> 195"), e.rule());
        assertEquals("Air/drone strike", e.acled().subEventType());
        assertTrue(
                e.acled().rule().startsWith("events/acled.tsv:"),
                "a table row for air strikes decides: " + e.acled().rule());
    }

    @Test
    void aSentenceTheRulesLeftEmptyGetsTheModelsEventWhenItIsSure() {
        Analysis a = analysis(ARRESTS);
        stage.process(a);
        new AcledStage(knowledge.acled()).process(a);
        assertEquals(1, a.events().size(), a.events().toString());
        EventDraft e = a.events().get(0);
        assertEquals("model:COERCE", e.rule());
        assertEquals("arrest", e.code().mode());
        assertEquals("arrested", a.sentences().get(0).token(e.trigger()).text());
        assertTrue(e.confidence() >= ModelStage.Settings.DEFAULT.add(), "its confidence is the model's probability");
        assertNotNull(e.acled());
    }
}
