package org.sitrep.cli;

import org.sitrep.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores document records against a gold file (the evaluation kit's format) and prints a confusion table by PLOVER type.",
                "The last line is the summary: f1, precision, recall, source/target country accuracy, location within 50 km, date, historical, actors, relations, negatives violated."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GOLD")
    Path gold;

    @Parameters(index = "1", paramLabel = "RECORDS", description = "document records (JSON Lines) from sitrep code")
    Path records;

    @Option(names = "--show", description = "list missed gold events, wrong actors, violated negatives and unmatched system events")
    boolean show;

    @Override
    public Integer call() throws Exception {
        Scorer.Result r = Scorer.score(gold, records);
        if (show) {
            print("missed", r.missed());
            print("wrong_actor", r.wrongActors());
            print("negatives_violated", r.negativesViolated());
            print("unmatched", r.unmatched());
            System.out.println();
        }
        System.out.print(Scorer.table(r.confusion()));
        System.out.println();
        System.out.println(r.summary().line());
        return 0;
    }

    private static void print(String what, List<String> lines) {
        for (String l : lines) System.out.println(what + ": " + l);
    }
}
