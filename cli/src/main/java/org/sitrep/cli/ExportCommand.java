package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sitrep.knowledge.Codebook;
import org.sitrep.store.EventStore;
import org.sitrep.store.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Writes stored events as Parquet or CSV (every actor of a side), GDELT 2.0 event records (61 columns, no header), "
                        + "PLOVER JSON Lines or an ACLED-shaped CSV, filtered by date, actor, country and type.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--db", description = "the database file (default: ${DEFAULT-VALUE})")
    Path db = Path.of("sitrep.duckdb");

    @Option(names = "--format", description = "parquet, csv, gdelt, plover or acled (default: ${DEFAULT-VALUE})")
    Exporter.Format format = Exporter.Format.csv;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--from", paramLabel = "DATE")
    String from;

    @Option(names = "--to", paramLabel = "DATE")
    String to;

    @Option(
            names = "--actor",
            paramLabel = "CODE",
            description = "actor code prefix on either side, e.g. IRQ or IRQMIL")
    String actor;

    @Option(names = "--country", paramLabel = "ISO3", description = "source, target or location country")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "PLOVER type (ASSAULT) or CAMEO root (19)")
    String type;

    /** What is wrong with the filters, or null: a filter that matches nothing by mistake would write an empty file and succeed. */
    String invalid() {
        for (String d : new String[] {from, to})
            if (d != null && !d.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"))
                return "dates are YYYY, YYYY-MM or YYYY-MM-DD, not '" + d + "'";
        if (country != null
                && (!country.matches("[A-Z]{3}")
                        || !org.sitrep.knowledge.KnowledgeFiles.builtIn().rows("actors/countries.tsv").stream()
                                .anyMatch(r -> r.get(0).equals(country))))
            return "--country takes an ISO 3166-1 alpha-3 code such as IRQ, not '" + country + "'";
        if (type != null) {
            Codebook codes = Codebook.load(org.sitrep.knowledge.KnowledgeFiles.builtIn());
            boolean known = codes.ploverTypes().containsKey(type.toUpperCase(java.util.Locale.ROOT))
                    || codes.has(type)
                    || codes.all().stream().anyMatch(c -> c.root().equals(type));
            if (!known)
                return "unknown --type '" + type + "': give a PLOVER type ("
                        + String.join(
                                ", ",
                                new java.util.TreeSet<>(codes.ploverTypes().keySet()))
                        + "), a CAMEO root (01-20) or a CAMEO code (190)";
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        String bad = invalid();
        if (bad != null) {
            System.err.println("sitrep export: " + bad);
            return 2;
        }
        if (!Files.exists(db)) {
            System.err.println("sitrep export: no database at " + db + " (run sitrep ingest first)");
            return 2;
        }
        try (EventStore store = EventStore.open(db)) {
            Exporter.Result r =
                    Exporter.run(store, format, out, new org.sitrep.store.EventFilter(from, to, actor, country, type));
            String unit =
                    format == Exporter.Format.gdelt || format == Exporter.Format.acled ? "real-world events" : "events";
            System.err.printf(
                    "sitrep: wrote %d %s to %s%s%n",
                    r.written(), unit, out, r.leftOut() == null ? "" : "; left out " + r.leftOut());
        }
        return 0;
    }
}
