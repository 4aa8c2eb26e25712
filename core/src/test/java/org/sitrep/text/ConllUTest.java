package org.sitrep.text;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllUTest {

    /** "Rebels attacked Goma.\n\"We\tfought\" back." as a parser would give it, with a time expression. */
    static ConllU.Parse sample() {
        String text = "Rebels attacked Goma on Monday.\n\"We\tfought\\\" back.";
        Sentence first = new Sentence(
                0,
                0,
                31,
                "Rebels attacked Goma on Monday.",
                List.of(
                        new Token(0, "Rebels", "rebel", "NNS", "O", 0, 6, 1, "nsubj"),
                        new Token(1, "attacked", "attack", "VBD", "O", 7, 15, -1, "root"),
                        new Token(2, "Goma", "goma", "NNP", "LOCATION", 16, 20, 1, "obj"),
                        new Token(3, "on", "on", "IN", "O", 21, 23, 4, "case"),
                        new Token(4, "Monday", "monday", "NNP", "O", 24, 30, 1, "obl:tmod"),
                        new Token(5, ".", ".", ".", "O", 30, 31, 1, "punct")),
                List.of(new TimeExpression(3, 4, "DATE", "2021-06-14", "on Monday")));
        Sentence second = new Sentence(
                1,
                32,
                50,
                "\"We\tfought\\\" back.",
                List.of(
                        new Token(0, "\"", "\"", "``", "O", 32, 33, 2, "punct"),
                        new Token(1, "We\tfought\\", "we\tfought\\", "PRP", "O", 33, 43, 2, "nsubj"),
                        new Token(2, "\"", "\"", "''", "O", 43, 44, -1, "dep"),
                        new Token(3, "back", "back", "RB", "O", 45, 49, 2, "advmod"),
                        new Token(4, ".", ".", ".", "O", 49, 50, 2, "punct")),
                List.of(new TimeExpression(0, 0, null, null, "")));
        return new ConllU.Parse("k1", text, LocalDate.of(2021, 6, 15), List.of(first, second));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        ConllU.Parse p = sample();
        String written = ConllU.write(p);
        assertEquals(p, ConllU.read(written, "sample"));
        assertEquals(written, ConllU.write(ConllU.read(written, "sample")), "writing is deterministic");
    }

    @Test
    void tokensAreStandardColumnsWithOffsetsAndNamesInMisc() {
        String written = ConllU.write(sample());
        assertTrue(
                written.contains("\n3\tGoma\tgoma\t_\tNNP\t_\t2\tobj\t_\tstart_char=16|end_char=20|NER=LOCATION\n"),
                written);
        assertTrue(
                written.contains("\n2\tattacked\tattack\t_\tVBD\t_\t0\troot\t_\tstart_char=7|end_char=15\n"), written);
        assertTrue(written.contains("# time = 3 4 DATE 2021-06-14 on Monday\n"), written);
        assertTrue(
                written.contains("# doc_text = Rebels attacked Goma on Monday.\\n\"We\\tfought\\\\\" back.\n"),
                written);
        assertEquals(written.lines().filter(l -> l.startsWith("# text = ")).count(), 2);
    }

    @Test
    void aTextWithoutAnchorHasNoAnchorLine() {
        ConllU.Parse p = new ConllU.Parse(
                "k2",
                "Hi.",
                null,
                List.of(new Sentence(
                        0,
                        0,
                        3,
                        "Hi.",
                        List.of(
                                new Token(0, "Hi", "hi", "UH", "O", 0, 2, -1, "root"),
                                new Token(1, ".", ".", ".", "O", 2, 3, 0, "punct")))));
        String written = ConllU.write(p);
        assertFalse(written.contains("# anchor"), written);
        assertEquals(p, ConllU.read(written, "hi"));
    }

    @Test
    void aHandWrittenParseGetsItsOffsetsFromTheText() {
        ConllU.Parse p = ConllU.read("""
                # text = Police arrested him.
                1	Police	police	_	NNS	_	2	nsubj	_	NER=ORGANIZATION
                2	arrested	arrest	_	VBD	_	0	root	_	_
                3	him	he	_	PRP	_	2	obj	_	_
                4	.	.	_	.	_	2	punct	_	_

                # text = They left.
                1	They	they	_	PRP	_	2	nsubj	_	_
                2	left	leave	_	VBD	_	0	root	_	_
                3	.	.	_	.	_	2	punct	_	_
                """, "hand");
        assertEquals("Police arrested him. They left.", p.text());
        Sentence second = p.sentences().get(1);
        assertEquals(21, second.start());
        assertEquals("left", second.token(1).text());
        assertEquals(26, second.token(1).start());
        assertEquals("ORGANIZATION", p.sentences().get(0).token(0).ner());
        assertEquals(-1, second.token(1).head());
        assertEquals("they", second.token(0).lemma());
    }

    @Test
    void aMalformedLineIsReportedWithItsPlace() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ConllU.read("# text = A b.\n1\tA\ta\t_\tDT\t_\t2\tdet\n", "bad.conllu"));
        assertTrue(e.getMessage().startsWith("bad.conllu:2: expected 10 tab-separated columns"), e.getMessage());
        var skipped = assertThrows(
                IllegalArgumentException.class,
                () -> ConllU.read("1\tA\ta\t_\tDT\t_\t0\troot\t_\t_\n3\tb\tb\t_\tNN\t_\t1\tdep\t_\t_\n", "gap.conllu"));
        assertTrue(skipped.getMessage().contains("gap.conllu:2: token ID 3 should be 2"), skipped.getMessage());
    }

    @Test
    void offsetsThatDisagreeWithTheSentenceTextAreAnError() {
        String shifted = ConllU.write(sample()).replace("start_char=0|end_char=6", "start_char=1|end_char=6");
        var e = assertThrows(IllegalArgumentException.class, () -> ConllU.read(shifted, "shifted"));
        assertTrue(e.getMessage().contains("does not match its tokens' offsets"), e.getMessage());
    }

    @Test
    void aFixtureModelReplaysAStoredParseAndNamesAMissingOne(@TempDir Path dir) throws Exception {
        ConllU.Parse p = sample();
        String key = FixtureModel.key(p.text(), p.anchor());
        Files.writeString(
                dir.resolve(FixtureModel.fileName(p.text(), key)),
                ConllU.write(new ConllU.Parse(key, p.text(), p.anchor(), p.sentences())));
        FixtureModel model = new FixtureModel(dir);
        assertEquals(p.sentences(), model.analyze(p.text(), p.anchor()));

        var e = assertThrows(IllegalStateException.class, () -> model.analyze(p.text(), LocalDate.of(2022, 1, 1)));
        String expected = FixtureModel.fileName(p.text(), FixtureModel.key(p.text(), LocalDate.of(2022, 1, 1)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("-Dsitrep.fixtures.write=true"), e.getMessage());
        assertTrue(expected.startsWith("rebels-attacked-goma-on-"), expected);
    }
}
