package org.sitrep.cli;

import java.util.List;
import java.util.Map;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;

/** A stand-in for the language model in tests that are about batches, stores and processes: one event per document. */
final class StandIn {
    private StandIn() {}

    static DocumentRecord record(Document d) {
        if (!d.ok()) return org.sitrep.records.RecordBuilder.failed(d, d.published());
        var src = new DocumentRecord.Side("Iranian forces", "a1", "IRNMIL", "IRN", List.of("MIL"), false);
        var tgt = new DocumentRecord.Side("Basra", "a2", "IRQ", "IRQ", List.of(), false);
        var e = new DocumentRecord.EventRecord(
                "e1",
                0,
                d.text().substring(0, Math.min(80, d.text().length())),
                new DocumentRecord.Trigger("shelled", 0, 7),
                "194",
                "ASSAULT",
                null,
                null,
                List.of(),
                4,
                -10.0,
                List.of(src),
                List.of(tgt),
                new DocumentRecord.Location("Basra", "p1", "Basra", "IRQ", 30.5, 47.8),
                new DocumentRecord.When(d.published(), "day", "publication"),
                false,
                "asserted",
                "actual",
                false,
                null,
                Map.of(),
                "test",
                0.7,
                List.of(),
                null);
        return new DocumentRecord(
                d.id(),
                d.title(),
                d.url(),
                d.outlet(),
                d.published(),
                "en",
                List.of(),
                List.of(),
                List.of(),
                List.of(e),
                List.of(),
                List.of(),
                List.of(),
                d.warnings(),
                null);
    }
}
