package org.sitrep.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sitrep.knowledge.Codebook;
import org.sitrep.records.DocumentRecord;

/** A plain-text table of events for people: one row per event, evidence excerpt included. */
final class Table {
    private static final String[] HEAD = {
        "date", "source", "event", "target", "location", "trigger", "evidence", "flags"
    };
    private static final int[] WIDTH = {10, 22, 34, 22, 12, 14, 50, 18};
    private final Writer w;
    private final Codebook codebook;
    private boolean headerDone;

    Table(Writer w, Codebook codebook) {
        this.w = w;
        this.codebook = codebook;
    }

    void write(DocumentRecord rec) throws IOException {
        if (!headerDone) {
            row(HEAD);
            StringBuilder rule = new StringBuilder();
            for (int width : WIDTH) rule.append("-".repeat(width)).append("  ");
            w.write(rule.toString().stripTrailing() + "\n");
            headerDone = true;
        }
        if (rec.error() != null) {
            w.write("# " + rec.id() + ": not coded: " + rec.error() + "\n");
            return;
        }
        w.write("# " + rec.id() + (rec.title() != null ? " — " + rec.title() : "") + " (" + rec.published() + ", "
                + rec.events().size() + " events)\n");
        for (DocumentRecord.EventRecord e : rec.events()) {
            Codebook.Code code = codebook.get(e.cameo());
            String event = e.cameo() + " " + (code == null ? "" : code.name())
                    + (e.plover() == null ? "" : " [" + e.plover() + "]");
            List<String> flags = new ArrayList<>();
            if (e.historical()) flags.add("historical");
            if (e.hedged()) flags.add("hedged");
            if (!e.polarity().equals("asserted")) flags.add(e.polarity());
            if (!e.modality().equals("actual")) flags.add(e.modality());
            if (e.attribution() != null) flags.add("per " + e.attribution().text());
            row(new String[] {
                e.date().value() == null ? "(past)" : e.date().value(),
                side(e.source()),
                event,
                side(e.target()),
                e.location() == null ? "" : e.location().name(),
                e.trigger().text(),
                e.evidence().replace('\n', ' '),
                String.join(",", flags)
            });
        }
    }

    void finish() throws IOException {
        w.flush();
    }

    private static String side(List<DocumentRecord.Side> sides) {
        return sides.stream()
                .map(s -> (s.code() == null ? "?" : s.code()) + (s.text() == null ? "" : " " + s.text()))
                .collect(Collectors.joining("; "));
    }

    private void row(String[] cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (c.length() > WIDTH[i]) c = c.substring(0, WIDTH[i] - 1) + "…";
            sb.append(i == cells.length - 1 ? c : String.format("%-" + WIDTH[i] + "s  ", c));
        }
        w.write(sb.toString().stripTrailing() + "\n");
    }
}
