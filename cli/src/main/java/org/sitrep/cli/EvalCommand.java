package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.scoring.Scorer;
import org.sitrep.scoring.Views;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        subcommands = EvalCommand.Geo.class,
        description = {
            "Scores document records against a gold file (the evaluation kit's format) and prints a confusion table by PLOVER type.",
            "With records coded with --model, also precision, recall and F1 by PLOVER type for the rules alone, the model alone and both.",
            "The last line is the summary: f1, precision, recall, source/target country accuracy, location within 50 km, date, historical, actors, relations, negatives violated."
        })
final class EvalCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "1",
            paramLabel = "GOLD",
            description = "the gold file (JSON, format in the README; example: examples/eval/gold.json)")
    Path gold;

    @Parameters(
            index = "1",
            arity = "1",
            paramLabel = "RECORDS",
            description = "document records (JSON Lines) from sitrep code")
    Path records;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--show",
            description = "list missed gold events, wrong actors, violated negatives and unmatched system events")
    boolean show;

    @Option(
            names = "--docs",
            paramLabel = "INPUT",
            description =
                    "the documents the records were coded from: the model alone then also speaks for sentences without a rule event")
    String docs;

    @Option(
            names = "--views",
            paramLabel = "DIR",
            description =
                    "with records coded with --model: write the rules-alone, model-alone and both views as DIR/{rules,model,both}.jsonl (for other scorers)")
    Path views;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {gold, records})
            if (!java.nio.file.Files.isRegularFile(p))
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file: " + p);
        Map<String, JsonNode> system = Scorer.records(records);
        Scorer.Result r = Scorer.score(gold, system);
        if (show) {
            print("missed", r.missed());
            print("wrong_actor", r.wrongActors());
            print("negatives_violated", r.negativesViolated());
            print("unmatched", r.unmatched());
            System.out.println();
        }
        System.out.print(Scorer.table(r));
        System.out.println();
        if (system.values().stream().anyMatch(Views::modelRead)) {
            // coded with the event model: the same gold against the rules alone, the model alone and both
            Map<String, Map<String, JsonNode>> read = viewsOf(system);
            Map<String, Scorer.Result> results = new LinkedHashMap<>();
            results.put("rules alone", Scorer.score(gold, read.get("rules")));
            results.put("model alone" + (docs == null ? "*" : ""), Scorer.score(gold, read.get("model")));
            results.put("both", r);
            System.out.println();
            System.out.print(Scorer.perTypeTable(results));
            if (docs == null)
                System.out.println("* without --docs, only for sentences that hold a rule event or non-event");
            Map<String, Long> by = new TreeMap<>();
            for (JsonNode d : system.values())
                for (JsonNode e : d.path("events")) by.merge(Views.foundBy(e), 1L, Long::sum);
            System.out.println("events found by: " + by);
            if (views != null) write(read);
        }
        System.out.println();
        System.out.println(r.summary().line());
        return 0;
    }

    private Map<String, Map<String, JsonNode>> viewsOf(Map<String, JsonNode> system) {
        Knowledge k = Knowledge.load(KnowledgeFiles.builtIn());
        Views v = new Views(k.codebook(), k.acled());
        Map<String, String> texts = new HashMap<>();
        if (docs != null)
            new DocumentReader(new DocumentReader.Options("2020-01-01", DocumentReader.Options.DEFAULT_MAX_CHARS))
                    .read(List.of(docs))
                    .forEach(d -> texts.put(d.id(), d.text()));
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        for (Views.View view : Views.View.values()) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            system.forEach((id, d) -> m.put(id, v.view(d, view, texts.get(id))));
            out.put(view.name().toLowerCase(Locale.ROOT), m);
        }
        return out;
    }

    private void write(Map<String, Map<String, JsonNode>> read) throws java.io.IOException {
        Files.createDirectories(views);
        ObjectMapper json = new ObjectMapper();
        for (var e : read.entrySet()) {
            try (var w = Files.newBufferedWriter(views.resolve(e.getKey() + ".jsonl"))) {
                for (JsonNode d : e.getValue().values()) w.write(json.writeValueAsString(d) + "\n");
            }
        }
        System.out.println("views written to " + views + "/{rules,model,both}.jsonl");
    }

    @Command(
            name = "geo",
            mixinStandardHelpOptions = true,
            description =
                    "Scores toponym recognition (precision, recall, F1) and resolution (share within 161 km, median error) on GeoWebNews-format XML.")
    static final class Geo implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.xml")
        Path xml;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(xml)) {
                System.err.println("sitrep eval geo: no such file: " + xml);
                return 2;
            }
            Progress.say("sitrep: loading models...");
            org.sitrep.pipeline.Pipeline p = org.sitrep.pipeline.Pipeline.create();
            var r = org.sitrep.scoring.GeoScorer.score(
                    xml, d -> p.analyze(d, java.time.LocalDate.parse(d.published())));
            System.out.println(r.line());
            return 0;
        }
    }

    private static void print(String what, List<String> lines) {
        for (String l : lines) System.out.println(what + ": " + l);
    }
}
