package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void perLabelAndAveragesLeaveNoneOutOfTheAverages() {
        List<String> gold = List.of("A", "A", "B", "none", "none");
        List<String> pred = List.of("A", "none", "B", "B", "none");
        Scores s = Scores.of(gold, pred);
        assertEquals(1.0, s.lines().get("A").precision());
        assertEquals(0.5, s.lines().get("A").recall());
        assertEquals(0.5, s.lines().get("B").precision());
        double fa = 2 * 1.0 * 0.5 / 1.5, fb = 2 * 0.5 * 1.0 / 1.5;
        assertEquals((fa + fb) / 2, s.macroF1(), 1e-12);
        assertEquals((2 * fa + fb) / 3, s.weightedF1(), 1e-12);
        assertEquals(0.6, s.accuracy(), 1e-12);
    }
}
