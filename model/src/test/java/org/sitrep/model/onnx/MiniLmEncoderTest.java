package org.sitrep.model.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sitrep.model.EventModel;

/** Loads the ONNX encoder (a few seconds): tagged "onnx" so the fastest runs can leave it out. */
@Tag("onnx")
class MiniLmEncoderTest {
    static MiniLmEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new MiniLmEncoder();
    }

    static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    @Test
    void vectorsHaveUnitLengthAndTheSameSentenceGivesTheSameVector() {
        float[][] v = encoder.encode(
                List.of("Troops shelled the border town overnight.", "Troops shelled the border town overnight."));
        assertEquals(384, v[0].length);
        assertEquals(1.0, cosine(v[0], v[0]), 1e-3);
        assertArrayEquals(v[0], v[1]);
        assertArrayEquals(
                v[0],
                encoder.encode(List.of("Troops shelled the border town overnight."))[0],
                "a vector does not depend on its batch");
    }

    @Test
    void sentencesTellingTheSameEventAreCloserThanUnrelatedOnes() {
        float[][] v = encoder.encode(List.of(
                "Artillery pounded the village at dawn.",
                "The village came under heavy shelling early in the morning.",
                "The central bank kept interest rates unchanged."));
        assertTrue(cosine(v[0], v[1]) > cosine(v[0], v[2]) + 0.2);
    }

    @Test
    void theShippedHeadWasTrainedOnThisEncoderAndReadsPlainCases() {
        EventModel head = EventModel.builtIn();
        assertNotNull(head, "data/model/event-head.json is in the jar");
        assertEquals(MiniLmEncoder.NAME, head.encoder());
        float[][] v = encoder.encode(List.of(
                "Police fired tear gas at thousands of protesters demanding the minister's resignation.",
                "The two governments signed a trade agreement on Tuesday."));
        assertTrue(head.predict(v[0]).event());
        assertEquals("AGREE", head.predict(v[1]).plover());
    }
}
