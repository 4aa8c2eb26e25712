package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxHeadTest {

    /** Three labels, each owning one axis of a 3-d space, with a little spread. */
    static List<float[]> points = new ArrayList<>();

    static List<String> labels = new ArrayList<>();

    static {
        String[] names = {"east", "north", "up"};
        for (int i = 0; i < 30; i++) {
            float[] p = {0.1f * (i % 3), 0.05f * (i % 5), 0.02f * (i % 7)};
            p[i % 3] += 1;
            points.add(p);
            labels.add(names[i % 3]);
        }
    }

    @Test
    void learnsWhichAxisEachLabelOwns() {
        SoftmaxHead h = SoftmaxHead.train(points, labels, SoftmaxHead.Settings.DEFAULT);
        assertEquals(List.of("east", "north", "up"), h.labels());
        assertEquals("east", h.best(new float[] {2, 0, 0}).getKey());
        assertEquals("north", h.best(new float[] {0, 2, 0}).getKey());
        assertEquals("up", h.best(new float[] {0.1f, 0, 1.5f}).getKey());
        assertTrue(h.best(new float[] {2, 0, 0}).getValue() > 0.9);
    }

    @Test
    void trainingTwiceGivesTheSameWeights() {
        SoftmaxHead a = SoftmaxHead.train(points, labels, SoftmaxHead.Settings.DEFAULT);
        SoftmaxHead b = SoftmaxHead.train(points, labels, SoftmaxHead.Settings.DEFAULT);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.weights(k), b.weights(k));
            assertEquals(a.bias(k), b.bias(k));
        }
    }

    @Test
    void probabilitiesSumToOne() {
        SoftmaxHead h = SoftmaxHead.train(points, labels, SoftmaxHead.Settings.DEFAULT);
        double sum = 0;
        for (double p : h.probabilities(new float[] {0.3f, 0.3f, 0.3f})) sum += p;
        assertEquals(1.0, sum, 1e-9);
    }
}
