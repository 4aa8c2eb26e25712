package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The whole training path on a tiny corpus with a word-counting encoder in place of MiniLM (no ONNX). */
class EventModelTest {

    /** Counts a few telling words: enough to separate the synthetic classes below. */
    static final class WordEncoder implements Encoder {
        static final List<String> WORDS =
                List.of("shelled", "bombed", "marched", "rallied", "signed", "deal", "won", "match", "the", "city");

        public String name() {
            return "words";
        }

        public int dimension() {
            return WORDS.size();
        }

        public float[][] encode(List<String> texts) {
            float[][] v = new float[texts.size()][WORDS.size()];
            for (int i = 0; i < texts.size(); i++)
                for (String w : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) {
                    int j = WORDS.indexOf(w);
                    if (j >= 0) v[i][j]++;
                }
            return v;
        }
    }

    static List<TrainingCorpus.Row> corpus() {
        String[] places = {
            "Aleppo",
            "Kharkiv",
            "Goma",
            "Mosul",
            "Marib",
            "Gao",
            "Kandahar",
            "Bakhmut",
            "Sirte",
            "Idlib",
            "Beni",
            "Tigray"
        };
        List<TrainingCorpus.Row> rows = new ArrayList<>();
        int n = 0;
        for (String p : places) {
            rows.add(new TrainingCorpus.Row(
                    "t-" + n++,
                    "Artillery shelled the city of " + p + ".",
                    "ASSAULT",
                    "bombard",
                    "Shelling/artillery/missile attack",
                    "shelled"));
            rows.add(new TrainingCorpus.Row(
                    "t-" + n++,
                    "Jets bombed the city of " + p + ".",
                    "ASSAULT",
                    "aerial",
                    "Air/drone strike",
                    "bombed"));
            rows.add(new TrainingCorpus.Row(
                    "t-" + n++,
                    "Thousands marched and rallied in " + p + ".",
                    "PROTEST",
                    "demo",
                    "Peaceful protest",
                    "marched"));
            rows.add(new TrainingCorpus.Row(
                    "t-" + n++, "The two sides signed a deal in " + p + ".", "AGREE", "sign", "Agreement", "signed"));
            rows.add(new TrainingCorpus.Row("t-" + n++, p + " won the match.", null, null, null, null));
        }
        return rows;
    }

    static Trainer.Result train() {
        return new Trainer(new WordEncoder(), new SoftmaxHead.Settings(200, 0.05, 1e-3, 0.5), 7)
                .train(corpus(), m -> {});
    }

    static String bytes(EventModel m) throws IOException {
        StringWriter w = new StringWriter();
        m.write(w);
        return w.toString();
    }

    @Test
    void predictsTheObviousTypeModeAndAcledType() {
        EventModel m = train().model();
        WordEncoder enc = new WordEncoder();
        EventModel.Prediction shelling = m.predict(enc.encode(List.of("Rebels shelled the city."))[0]);
        assertEquals("ASSAULT", shelling.plover());
        assertEquals("bombard", shelling.mode());
        assertEquals("Shelling/artillery/missile attack", shelling.acled());
        EventModel.Prediction deal = m.predict(enc.encode(List.of("They signed a deal."))[0]);
        assertEquals("AGREE", deal.plover());
        assertEquals("Agreement", deal.acled());
        EventModel.Prediction sport = m.predict(enc.encode(List.of("The home side won the match."))[0]);
        assertFalse(sport.event());
        assertNull(sport.mode());
    }

    @Test
    void trainingTwiceWritesTheSameBytes() throws IOException {
        assertEquals(bytes(train().model()), bytes(train().model()));
    }

    @Test
    void fileRoundTripKeepsBytesAndPredictions() throws IOException {
        EventModel m = train().model();
        String text = bytes(m);
        EventModel back = EventModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, bytes(back));
        float[] v = new WordEncoder().encode(List.of("Crowds rallied in the city."))[0];
        assertEquals(m.predict(v), back.predict(v));
        assertEquals("words", back.encoder());
    }

    @Test
    void heldAsidePartIsMeasuredNotTrainedOn() {
        Trainer.Result r = train();
        long aside = corpus().stream().filter(TrainingCorpus.Row::heldAside).count();
        assertTrue(aside > 0, "the tiny corpus has held-aside rows");
        assertEquals(aside, r.plover().rows());
        assertTrue(r.report().contains("PLOVER type"));
    }

    @Test
    void heldAsideRuleIsCrc32ModTen() {
        // zlib.crc32(b"acled-remote-0001") etc. agree with java.util.zip.CRC32: the rule is the id's, not the order's
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("plover-agree-0001".getBytes(StandardCharsets.UTF_8));
        assertEquals(crc.getValue() % 10 == 0, TrainingCorpus.heldAside("plover-agree-0001"));
    }
}
