package org.sitrep.cli;

import org.sitrep.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = EvalCommand.Geo.class,
        description = {"Scores document records against a gold file (the evaluation kit's format) and prints a confusion table by PLOVER type.",
                "The last line is the summary: f1, precision, recall, source/target country accuracy, location within 50 km, date, historical, actors, relations, negatives violated."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "1", paramLabel = "GOLD", description = "the gold file (JSON, format in the README; example: examples/eval/gold.json)")
    Path gold;

    @Parameters(index = "1", arity = "1", paramLabel = "RECORDS", description = "document records (JSON Lines) from sitrep code")
    Path records;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--show", description = "list missed gold events, wrong actors, violated negatives and unmatched system events")
    boolean show;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {gold, records})
            if (!java.nio.file.Files.isRegularFile(p)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file: " + p);
        Scorer.Result r = Scorer.score(gold, records);
        if (show) {
            print("missed", r.missed());
            print("wrong_actor", r.wrongActors());
            print("negatives_violated", r.negativesViolated());
            print("unmatched", r.unmatched());
            System.out.println();
        }
        System.out.print(Scorer.table(r));
        System.out.println();
        System.out.println(r.summary().line());
        return 0;
    }

    @Command(name = "geo", mixinStandardHelpOptions = true,
            description = "Scores toponym recognition (precision, recall, F1) and resolution (share within 161 km, median error) on GeoWebNews-format XML.")
    static final class Geo implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.xml")
        Path xml;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(xml)) { System.err.println("sitrep eval geo: no such file: " + xml); return 2; }
            Progress.say("sitrep: loading models...");
            org.sitrep.pipeline.Pipeline p = org.sitrep.pipeline.Pipeline.create();
            var r = org.sitrep.scoring.GeoScorer.score(xml, d -> p.analyze(d, java.time.LocalDate.parse(d.published())));
            System.out.println(r.line());
            return 0;
        }
    }

    private static void print(String what, List<String> lines) {
        for (String l : lines) System.out.println(what + ": " + l);
    }
}
