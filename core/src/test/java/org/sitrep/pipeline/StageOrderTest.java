package org.sitrep.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Stage;

class StageOrderTest {
    /** A stage that only declares its layers. */
    record Declared(String name, Set<Layer> requires, Set<Layer> writes) implements Stage {
        @Override
        public void process(Analysis analysis) {}
    }

    static final Stage PARSE = new Declared("parse", Set.of(), Set.of(Layer.SENTENCES));
    static final Stage ACTORS = new Declared("actors", Set.of(Layer.SENTENCES), Set.of(Layer.MENTIONS));
    static final Stage EVENTS = new Declared("events", Set.of(Layer.SENTENCES, Layer.MENTIONS), Set.of(Layer.EVENTS));

    @Test
    void stagesAfterWhatTheyReadPass() {
        assertDoesNotThrow(() -> Pipeline.checkOrder(List.of(PARSE, ACTORS, EVENTS)));
    }

    @Test
    void aStageBeforeWhatItReadsIsRefusedByName() {
        var e = assertThrows(IllegalStateException.class, () -> Pipeline.checkOrder(List.of(PARSE, EVENTS, ACTORS)));
        assertTrue(
                e.getMessage().startsWith("Declared requires [MENTIONS], which no earlier stage writes"),
                e.getMessage());
    }

    @Test
    void aStageDoesNotSatisfyItsOwnRequirement() {
        Stage selfish = new Declared("selfish", Set.of(Layer.QUOTES), Set.of(Layer.QUOTES));
        assertThrows(IllegalStateException.class, () -> Pipeline.checkOrder(List.of(PARSE, selfish)));
    }
}
