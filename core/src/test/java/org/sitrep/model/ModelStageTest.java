package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Polarity;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.ImpliedAgents;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/** The model stage over a hand-made parse, with the word-counting encoder of {@link EventModelTest} (no ONNX, no CoreNLP). */
class ModelStageTest {
    static final String TEXT = "Jets bombed the city of Aleppo .";
    static final Codebook CODEBOOK = Codebook.load(KnowledgeFiles.builtIn());

    static Analysis analysis() {
        String[][] t = {
            {"Jets", "jet", "NNS", "1", "nsubj"},
            {"bombed", "bomb", "VBD", "-1", "root"},
            {"the", "the", "DT", "3", "det"},
            {"city", "city", "NN", "1", "obj"},
            {"of", "of", "IN", "5", "case"},
            {"Aleppo", "Aleppo", "NNP", "3", "nmod"},
            {".", ".", ".", "1", "punct"}
        };
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < t.length; i++) {
            tokens.add(new Token(
                    i, t[i][0], t[i][1], t[i][2], "O", at, at + t[i][0].length(), Integer.parseInt(t[i][3]), t[i][4]));
            at += t[i][0].length() + 1;
        }
        Analysis a = new Analysis(Document.of("d1", TEXT, "2024-03-01"), LocalDate.of(2024, 3, 1));
        a.setSentences(List.of(new Sentence(0, 0, TEXT.length(), TEXT, tokens)));
        Mention jets = new Mention(
                0,
                0,
                0,
                0,
                "Jets",
                Mention.Kind.AGENT,
                null,
                null,
                "MIL",
                null,
                List.of("MIL"),
                List.of(),
                false,
                null,
                null);
        a.setMentions(new ArrayList<>(List.of(List.of(jets))));
        return a;
    }

    static ModelStage stage() {
        return stage(new ModelStage.Settings(0.5, 2, 2, 0.5, 2, 3, 100, false));
    }

    static final EventModel MODEL = EventModelTest.train().model();

    static ModelStage stage(ModelStage.Settings settings) {
        return new ModelStage(MODEL, new EventModelTest.WordEncoder(), CODEBOOK, settings);
    }

    /** A sentence from rows of (word, lemma, POS, head, relation), starting at {@code offset} of the text. */
    static Sentence sentence(int index, int offset, String[][] t) {
        List<Token> tokens = new ArrayList<>();
        int at = offset;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            tokens.add(new Token(
                    i, t[i][0], t[i][1], t[i][2], "O", at, at + t[i][0].length(), Integer.parseInt(t[i][3]), t[i][4]));
            text.append(i == 0 ? "" : " ").append(t[i][0]);
            at += t[i][0].length() + 1;
        }
        return new Sentence(index, offset, at - 1, text.toString(), tokens);
    }

    static final String[][] MATCH = {
        {"Aleppo", "Aleppo", "NNP", "1", "nsubj"},
        {"won", "win", "VBD", "-1", "root"},
        {"the", "the", "DT", "3", "det"},
        {"match", "match", "NN", "1", "obj"},
        {".", ".", ".", "1", "punct"}
    };

    static EventDraft ruleEvent(int sentence, int trigger, String code) {
        EventDraft e = new EventDraft();
        e.setSentence(sentence);
        e.setTriggerTo(trigger);
        e.setTriggerFrom(e.triggerTo());
        e.setTrigger(e.triggerFrom());
        e.setCode(CODEBOOK.get(code));
        e.setRule("test");
        e.setConfidence(0.6);
        return e;
    }

    /** The sports sentence alone, with a rule event on "won" (a rule misreading a match as an attack). */
    static Analysis sports() {
        String text = "Aleppo won the match .";
        Analysis a = new Analysis(
                new Document("d2", text, "2024-03-01", null, null, null, "test", "en", List.of(), null),
                LocalDate.of(2024, 3, 1));
        a.setSentences(List.of(sentence(0, 0, MATCH)));
        a.setMentions(new ArrayList<>(List.of(List.of())));
        a.addEvent(ruleEvent(0, 1, "190"));
        return a;
    }

    @Test
    void aSentenceTheRulesLeftEmptyGetsTheModelsEvent() {
        Analysis a = analysis();
        stage().process(a);
        assertEquals(1, a.events().size());
        EventDraft e = a.events().get(0);
        assertEquals("model:ASSAULT", e.rule());
        assertEquals("ASSAULT", e.code().plover());
        assertEquals("bombed", a.sentences().get(0).token(e.trigger()).text());
        assertEquals("Jets", e.source().get(0).text());
        assertTrue(e.confidence() >= 0.5 && e.confidence() <= 1);
        assertTrue(e.emitted());
    }

    @Test
    void aModelEventWhoseClauseNamesNoAgentTakesTheAgentConventionGives(@TempDir Path kb) throws Exception {
        Files.createDirectories(kb.resolve("events"));
        Files.writeString(
                kb.resolve("events/implied-agents.tsv"), "19\tMIL\tthe military\tbombardments, for this test\n");
        ModelStage stage = new ModelStage(
                MODEL,
                new EventModelTest.WordEncoder(),
                CODEBOOK,
                new ModelStage.Settings(0.5, 2, 2, 0.5, 2, 3, 100, false),
                (x, e) -> false,
                type -> true,
                Gate.NONE,
                ImpliedAgents.load(new KnowledgeFiles(List.of(kb))));
        Analysis passive =
                new Analysis(Document.of("d3", "The city was bombed .", "2024-03-01"), LocalDate.of(2024, 3, 1));
        passive.setSentences(List.of(sentence(0, 0, new String[][] {
            {"The", "the", "DT", "1", "det"},
            {"city", "city", "NN", "3", "nsubj:pass"},
            {"was", "be", "VBD", "3", "aux:pass"},
            {"bombed", "bomb", "VBN", "-1", "root"},
            {".", ".", ".", "3", "punct"}
        })));
        passive.setMentions(new ArrayList<>(List.of(List.of())));
        stage.process(passive);
        EventDraft e = passive.events().get(0);
        assertEquals(List.of("MIL"), e.source().get(0).sectors());
        assertNull(e.source().get(0).text(), "an implied agent has no words of its own");
        assertTrue(e.rule().endsWith(" + implied agent"), e.rule());

        Analysis named = analysis(); // "Jets bombed ...": the subject is the agent, nothing is implied
        stage.process(named);
        assertEquals("Jets", named.events().get(0).source().get(0).text());
        assertEquals(1, named.events().get(0).source().size());
    }

    @Test
    void aSentenceWithARuleEventGetsNoSecondEventButADisagreementWhenTheTypesDiffer() {
        Analysis a = analysis();
        EventDraft rule = new EventDraft();
        rule.setSentence(0);
        rule.setTriggerTo(1);
        rule.setTriggerFrom(rule.triggerTo());
        rule.setTrigger(rule.triggerFrom());
        rule.setCode(CODEBOOK.get("141")); // a protest: the model reads an air strike
        rule.setRule("test");
        a.addEvent(rule);
        stage().process(a);
        assertEquals(List.of(rule), a.events());
        assertTrue(
                a.warnings().stream().anyMatch(w -> w.startsWith("model disagrees") && w.contains("ASSAULT")),
                a.warnings().toString());
    }

    @Test
    void aNegatedRuleEventKeepsTheModelAway() {
        Analysis a = analysis();
        EventDraft rule = new EventDraft();
        rule.setSentence(0);
        rule.setTriggerTo(1);
        rule.setTriggerFrom(rule.triggerTo());
        rule.setTrigger(rule.triggerFrom());
        rule.setCode(CODEBOOK.get("195"));
        rule.setRule("test");
        rule.setPolarity(Polarity.NEGATED);
        a.addEvent(rule);
        stage().process(a);
        assertEquals(1, a.events().size());
        assertTrue(a.warnings().isEmpty());
    }

    @Test
    void aHeadOfAnotherEncoderIsRefused() {
        EventModel m = EventModelTest.train().model();
        Encoder other = new Encoder() {
            public String name() {
                return "other";
            }

            public int dimension() {
                return 10;
            }

            public float[][] encode(List<String> texts) {
                return new float[texts.size()][10];
            }
        };
        assertThrows(
                IllegalArgumentException.class, () -> new ModelStage(m, other, CODEBOOK, ModelStage.Settings.DEFAULT));
    }

    @Test
    void aRuleEventOfTheTypeTheModelReadsSaysBothFoundIt() {
        Analysis a = analysis();
        EventDraft rule = ruleEvent(0, 1, "195");
        a.addEvent(rule);
        stage().process(a);
        assertEquals(List.of(rule), a.events());
        assertTrue(rule.rule().startsWith("test" + ModelStage.AGREES), rule.rule());
        assertEquals("195", rule.code().code(), "a code with a mode keeps it");
        assertEquals(
                "ASSAULT",
                a.opinions().get(0).plover(),
                "the model's reading is kept for the record and the ACLED crosswalk");
        assertEquals("Air/drone strike", a.opinions().get(0).acled());
    }

    @Test
    void anUnspecifiedCodeTakesTheModelsModeWhenTheModelIsSureEnough() {
        Analysis a = analysis();
        EventDraft rule = ruleEvent(0, 1, "190");
        a.addEvent(rule);
        stage(new ModelStage.Settings(0.5, 2, 2, 0.5, 0.3, 3, 100, false)).process(a);
        assertEquals("195", rule.code().code());
        assertEquals("aerial", rule.code().mode());
        assertTrue(rule.rule().contains("mode aerial") && rule.rule().endsWith("190 -> 195"), rule.rule());

        Analysis unsure = analysis();
        EventDraft kept = ruleEvent(0, 1, "190");
        unsure.addEvent(kept);
        stage(new ModelStage.Settings(0.5, 2, 2, 0.5, 1.0, 3, 100, false)).process(unsure);
        assertEquals("190", kept.code().code(), "below the mode threshold the rule's code stays");
    }

    @Test
    void aRuleEventTheModelSurelyReadsAsNoEventMovesToTheNonEventsWithANote() {
        Analysis a = sports();
        EventDraft rule = a.events().get(0);
        stage(new ModelStage.Settings(0.5, 0.5, 2, 0.5, 2, 3, 100, false)).process(a);
        assertFalse(rule.emitted());
        assertTrue(rule.note().startsWith(ModelStage.NO_EVENT), rule.note());
        assertEquals("none", a.opinions().get(0).plover());
    }

    @Test
    void belowTheDropThresholdTheModelsDoubtLowersTheConfidence() {
        Analysis a = sports();
        EventDraft rule = a.events().get(0);
        stage(new ModelStage.Settings(0.5, 2, 0.5, 0.5, 2, 3, 100, false)).process(a);
        assertTrue(rule.emitted());
        double none = a.opinions().get(0).probability();
        assertEquals(Math.round((1 - none) * 1000) / 1000.0, rule.confidence(), 1e-9);
        assertTrue(rule.rule().contains("the model doubts it") && rule.rule().contains("confidence 0.6"), rule.rule());

        Analysis off = sports();
        stage().process(off);
        assertEquals(0.6, off.events().get(0).confidence(), "with both thresholds off the rule event is left as it is");
        assertTrue(off.events().get(0).emitted());
    }

    @Test
    void theModelReadsOnlySentencesWhereItCanChangeTheOutcomeAllInOneBatch() {
        // sentence 0: no rule event (asked); 1: only a negated rule event (not asked); 2: too short (not asked); 3: a
        // rule event (asked)
        String[][] shortOne = {{"Jets", "jet", "NNS", "1", "nsubj"}, {"bombed", "bomb", "VBD", "-1", "root"}};
        String text = "Jets bombed the city of Aleppo . Aleppo won the match . Jets bombed Aleppo won the match .";
        Analysis a = new Analysis(
                new Document("d3", text, "2024-03-01", null, null, null, "test", "en", List.of(), null),
                LocalDate.of(2024, 3, 1));
        Sentence s0 = analysis().sentences().get(0);
        a.setSentences(List.of(s0, sentence(1, 33, MATCH), sentence(2, 56, shortOne), sentence(3, 68, MATCH)));
        a.setMentions(new ArrayList<>(List.of(List.of(), List.of(), List.of(), List.of())));
        EventDraft negated = ruleEvent(1, 1, "190");
        negated.setPolarity(Polarity.NEGATED);
        a.addEvent(negated);
        a.addEvent(ruleEvent(3, 1, "190"));
        List<List<String>> batches = new ArrayList<>();
        EventModelTest.WordEncoder words = new EventModelTest.WordEncoder();
        Encoder counting = new Encoder() {
            public String name() {
                return words.name();
            }

            public int dimension() {
                return words.dimension();
            }

            public float[][] encode(List<String> texts) {
                batches.add(texts);
                return words.encode(texts);
            }
        };
        ModelStage stage =
                new ModelStage(MODEL, counting, CODEBOOK, new ModelStage.Settings(0.5, 2, 2, 0.5, 2, 3, 100, false));
        stage.process(a);
        assertEquals(List.of(List.of(s0.text(), "Aleppo won the match .")), batches);
        assertEquals(java.util.Set.of(0, 3), a.opinions().keySet());
        assertEquals(new ModelStage.Stats(4, 2, stage.stats().nanos()), stage.stats());
        assertTrue(stage.stats().nanos() > 0);
    }

    @Test
    void settingsCanBeChangedByName() {
        ModelStage.Settings s = ModelStage.Settings.DEFAULT.with("add=0.9, drop=0.97");
        assertEquals(0.9, s.add());
        assertEquals(0.97, s.drop());
        assertEquals(ModelStage.Settings.DEFAULT.minTokens(), s.minTokens());
        assertEquals(ModelStage.Settings.DEFAULT, ModelStage.Settings.DEFAULT.with(null));
        assertThrows(IllegalArgumentException.class, () -> ModelStage.Settings.DEFAULT.with("recall=0.5"));
    }

    @Test
    void aRuleEventNoThresholdInForceCanChangeKeepsTheModelAway() {
        ModelStage.Settings off = new ModelStage.Settings(0.5, 2, 2, 0.5, 2, 3, 100, false);
        Analysis talks = analysis();
        talks.addEvent(ruleEvent(0, 1, "040")); // talks: no ACLED type to refine, no drop or doubt in force
        ModelStage stage =
                new ModelStage(MODEL, new EventModelTest.WordEncoder(), CODEBOOK, off, type -> !type.equals("CONSULT"));
        stage.process(talks);
        assertEquals(0, stage.stats().asked());
        assertTrue(talks.opinions().isEmpty());
        assertEquals("test", talks.events().get(0).rule(), "not read, so found by the rules alone");

        Analysis bombing = analysis();
        bombing.addEvent(ruleEvent(0, 1, "190")); // an assault: the crosswalk may take the model's sub-event type
        stage.process(bombing);
        assertEquals(1, stage.stats().asked());
    }

    @Test
    void theGateSkipsSentencesWithoutRuleEventsWhoseVerbsAreOnlySayingOrBeing() {
        String[][] said = {
            {"The", "the", "DT", "1", "det"},
            {"minister", "minister", "NN", "2", "nsubj"},
            {"said", "say", "VBD", "-1", "root"},
            {"it", "it", "PRP", "5", "nsubj"},
            {"was", "be", "VBD", "5", "cop"},
            {"calm", "calm", "JJ", "2", "ccomp"},
            {".", ".", ".", "2", "punct"}
        };
        String[][] stormed = {
            {"Crowds", "crowd", "NNS", "1", "nsubj"},
            {"stormed", "storm", "VBD", "-1", "root"},
            {"the", "the", "DT", "3", "det"},
            {"palace", "palace", "NN", "1", "obj"},
            {"gates", "gate", "NNS", "1", "obl"},
            {".", ".", ".", "1", "punct"}
        };
        String[][] headline = {
            {"Deadly", "deadly", "JJ", "1", "amod"},
            {"clashes", "clash", "NNS", "-1", "root"},
            {"in", "in", "IN", "3", "case"},
            {"the", "the", "DT", "3", "det"},
            {"capital", "capital", "NN", "1", "nmod"}
        };
        Gate gate = Gate.builtIn();
        assertFalse(gate.open(sentence(0, 0, said)), "saying and being tell no event of their own");
        assertTrue(gate.open(sentence(0, 0, stormed)));
        assertTrue(gate.open(sentence(0, 0, headline)), "a verbless headline may tell one");
        assertTrue(Gate.NONE.open(sentence(0, 0, said)));
        assertFalse(
                gate.open(sentence(0, 0, stormed), t -> t.lemma().equals("storm")),
                "a quoted act is a statement, which the rules read");
        assertTrue(gate.open(sentence(0, 0, stormed), t -> false));

        String text = "The minister said it was calm . Crowds stormed the palace gates .";
        Analysis a = new Analysis(Document.of("d4", text, "2024-03-01"), LocalDate.of(2024, 3, 1));
        a.setSentences(List.of(sentence(0, 0, said), sentence(1, 32, stormed)));
        a.setMentions(new ArrayList<>(List.of(List.of(), List.of())));
        ModelStage.Settings gated = new ModelStage.Settings(0.5, 2, 2, 0.5, 2, 3, 100, true);
        ModelStage stage = new ModelStage(
                MODEL,
                new EventModelTest.WordEncoder(),
                CODEBOOK,
                gated,
                (x, e) -> true,
                type -> true,
                gate,
                ImpliedAgents.NONE);
        stage.process(a);
        assertEquals(java.util.Set.of(1), a.opinions().keySet());
        ModelStage tooLong = new ModelStage(
                MODEL,
                new EventModelTest.WordEncoder(),
                CODEBOOK,
                gated.with("maxTokens=5"),
                (x, e) -> true,
                type -> true,
                gate,
                ImpliedAgents.NONE);
        Analysis b = new Analysis(Document.of("d4", text, "2024-03-01"), LocalDate.of(2024, 3, 1));
        b.setSentences(a.sentences());
        b.setMentions(a.mentions());
        tooLong.process(b);
        assertTrue(b.opinions().isEmpty(), "six tokens are more than five");
        ModelStage open = new ModelStage(
                MODEL,
                new EventModelTest.WordEncoder(),
                CODEBOOK,
                gated.with("gate=0"),
                (x, e) -> true,
                type -> true,
                gate,
                ImpliedAgents.NONE);
        Analysis c = new Analysis(Document.of("d4", text, "2024-03-01"), LocalDate.of(2024, 3, 1));
        c.setSentences(a.sentences());
        c.setMentions(a.mentions());
        open.process(c);
        assertEquals(java.util.Set.of(0, 1), c.opinions().keySet());
    }

    @Test
    void anUnspecifiedCodeIsReadForItsModeOnlyWhereTheModeCanGiveAnAcledType() {
        ModelStage.Settings modes = new ModelStage.Settings(0.5, 2, 2, 0.5, 0.8, 3, 100, true);
        ModelStage stage = new ModelStage(
                MODEL,
                new EventModelTest.WordEncoder(),
                CODEBOOK,
                modes,
                (x, e) -> false,
                type -> !type.equals("REJECT"),
                Gate.builtIn(),
                ImpliedAgents.NONE);
        Analysis rejection = analysis();
        rejection.addEvent(ruleEvent(0, 1, "120"));
        stage.process(rejection);
        assertEquals(0, stage.stats().asked(), "a rejection's mode changes no ACLED type");
        Analysis bombing = analysis();
        bombing.addEvent(ruleEvent(0, 1, "190"));
        stage.process(bombing);
        assertEquals(1, stage.stats().asked());
    }
}
