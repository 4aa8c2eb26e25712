package org.sitrep.model;

import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.Codebook;
import org.sitrep.analysis.EventDraft;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.analysis.Analysis;
import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The model stage over a hand-made parse, with the word-counting encoder of {@link EventModelTest} (no ONNX, no CoreNLP). */
class ModelStageTest {
    static final String TEXT = "Jets bombed the city of Aleppo .";
    static final Codebook CODEBOOK = Codebook.load(KnowledgeFiles.builtIn());

    static Analysis analysis() {
        String[][] t = {{"Jets", "jet", "NNS", "1", "nsubj"}, {"bombed", "bomb", "VBD", "-1", "root"}, {"the", "the", "DT", "3", "det"},
                {"city", "city", "NN", "1", "obj"}, {"of", "of", "IN", "5", "case"}, {"Aleppo", "Aleppo", "NNP", "3", "nmod"}, {".", ".", ".", "1", "punct"}};
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < t.length; i++) {
            tokens.add(new Token(i, t[i][0], t[i][1], t[i][2], "O", at, at + t[i][0].length(), Integer.parseInt(t[i][3]), t[i][4]));
            at += t[i][0].length() + 1;
        }
        Analysis a = new Analysis(Document.of("d1", TEXT, "2024-03-01"), LocalDate.of(2024, 3, 1));
        a.sentences = List.of(new Sentence(0, 0, TEXT.length(), TEXT, tokens));
        Mention jets = new Mention(0, 0, 0, 0, "Jets", Mention.Kind.AGENT, null, null, "MIL", null, List.of("MIL"), List.of(), false, null, null);
        a.mentions = new ArrayList<>(List.of(List.of(jets)));
        return a;
    }

    static ModelStage stage() {
        return new ModelStage(EventModelTest.train().model(), new EventModelTest.WordEncoder(), CODEBOOK, new ModelStage.Settings(0.5, 0.5, 3));
    }

    @Test
    void aSentenceTheRulesLeftEmptyGetsTheModelsEvent() {
        Analysis a = analysis();
        stage().process(a);
        assertEquals(1, a.events.size());
        EventDraft e = a.events.get(0);
        assertEquals("model:ASSAULT", e.rule);
        assertEquals("ASSAULT", e.code.plover());
        assertEquals("bombed", a.sentences.get(0).token(e.trigger).text());
        assertEquals("Jets", e.source.get(0).text());
        assertTrue(e.confidence >= 0.5 && e.confidence <= 1);
        assertTrue(e.emitted());
    }

    @Test
    void aSentenceWithARuleEventGetsNoSecondEventButADisagreementWhenTheTypesDiffer() {
        Analysis a = analysis();
        EventDraft rule = new EventDraft();
        rule.sentence = 0;
        rule.trigger = rule.triggerFrom = rule.triggerTo = 1;
        rule.code = CODEBOOK.get("141");  // a protest: the model reads an air strike
        rule.rule = "test";
        a.events.add(rule);
        stage().process(a);
        assertEquals(List.of(rule), a.events);
        assertTrue(a.warnings.stream().anyMatch(w -> w.startsWith("model disagrees") && w.contains("ASSAULT")), a.warnings.toString());
    }

    @Test
    void aNegatedRuleEventKeepsTheModelAway() {
        Analysis a = analysis();
        EventDraft rule = new EventDraft();
        rule.sentence = 0;
        rule.trigger = rule.triggerFrom = rule.triggerTo = 1;
        rule.code = CODEBOOK.get("195");
        rule.rule = "test";
        rule.polarity = "negated";
        a.events.add(rule);
        stage().process(a);
        assertEquals(1, a.events.size());
        assertTrue(a.warnings.isEmpty());
    }

    @Test
    void aHeadOfAnotherEncoderIsRefused() {
        EventModel m = EventModelTest.train().model();
        Encoder other = new Encoder() {
            public String name() { return "other"; }
            public int dimension() { return 10; }
            public float[][] encode(List<String> texts) { return new float[texts.size()][10]; }
        };
        assertThrows(IllegalArgumentException.class, () -> new ModelStage(m, other, CODEBOOK, ModelStage.Settings.DEFAULT));
    }
}
