package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Mention;

class ConfidenceTest {
    static Mention actor(String country, boolean inferred) {
        return new Mention(
                0,
                0,
                0,
                0,
                "x",
                Mention.Kind.AGENT,
                null,
                null,
                country + "MIL",
                country,
                List.of("MIL"),
                List.of(),
                inferred,
                null,
                null);
    }

    static EventDraft event(String rule) {
        EventDraft e = new EventDraft();
        e.setRule(rule);
        return e;
    }

    @Test
    void namedSidesRaiseItAndInferenceAndHedgingLowerIt() {
        EventDraft bare = event("verb:attack -> 190");
        EventDraft full = event("verb:attack -> 190");
        full.addSource(actor("SYR", false));
        full.addTarget(actor("TUR", false));
        assertTrue(MergeStage.confidence(full) > MergeStage.confidence(bare));

        EventDraft inferred = event("verb:attack -> 190");
        inferred.addSource(actor("SYR", true));
        inferred.addTarget(actor("TUR", false));
        assertTrue(MergeStage.confidence(inferred) < MergeStage.confidence(full));

        EventDraft hedged = event("verb:attack -> 190");
        hedged.addSource(actor("SYR", false));
        hedged.addTarget(actor("TUR", false));
        hedged.setHedged(true);
        assertTrue(MergeStage.confidence(hedged) < MergeStage.confidence(full));

        EventDraft specific = event("verb:open fire -> 190");
        specific.addSource(actor("SYR", false));
        specific.addTarget(actor("TUR", false));
        assertTrue(MergeStage.confidence(specific) > MergeStage.confidence(full));
    }
}
