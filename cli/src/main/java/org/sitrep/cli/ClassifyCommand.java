package org.sitrep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.model.EventModel;
import org.sitrep.model.onnx.MiniLmEncoder;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "The event model alone, without the rules or CoreNLP: for each sentence of each document, its PLOVER type",
            "(or none), mode and ACLED sub-event type with their probabilities. One JSON object per document."
        })
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "files, directories, or - for stdin (as for code)")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of stdout")
    Path out;

    @Option(
            names = "--head",
            paramLabel = "FILE",
            description = "a head from sitrep train (default: the built-in data/model/event-head.json)")
    Path head;

    @Override
    public Integer call() throws IOException {
        String missing = Progress.missing(inputs, List.of());
        if (missing != null) {
            System.err.println("sitrep classify: " + missing);
            return 2;
        }
        EventModel model = head != null ? EventModel.read(head) : EventModel.builtIn();
        if (model == null) {
            System.err.println("sitrep classify: no event model in this build: run sitrep train");
            return 2;
        }
        MiniLmEncoder encoder = new MiniLmEncoder();
        ObjectMapper json = new ObjectMapper();
        DocumentReader reader =
                new DocumentReader(new DocumentReader.Options(null, DocumentReader.Options.DEFAULT_MAX_CHARS));
        int[] n = new int[2];
        try (PrintStream w = out == null ? System.out : new PrintStream(Files.newOutputStream(out), false, "UTF-8")) {
            for (Document d : (Iterable<Document>) reader.read(inputs)::iterator) {
                if (!d.ok()) continue;
                List<int[]> spans = sentences(d.text());
                float[][] v = encoder.encode(
                        spans.stream().map(s -> d.text().substring(s[0], s[1])).toList());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < spans.size(); i++) {
                    EventModel.Prediction p = model.predict(v[i]);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("start", spans.get(i)[0]);
                    row.put("end", spans.get(i)[1]);
                    row.put("plover", p.plover());
                    row.put("probability", round(p.ploverProbability()));
                    row.put("mode", p.mode());
                    row.put("acled", p.acled());
                    row.put("acled_probability", round(p.acledProbability()));
                    rows.add(row);
                }
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("id", d.id());
                rec.put("sentences", rows);
                w.println(json.writeValueAsString(rec));
                n[0]++;
                n[1] += spans.size();
            }
        }
        Progress.say("sitrep: classified %d sentences of %d documents", n[1], n[0]);
        return 0;
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    /** Sentence spans by the JDK's rules: good enough for the model, which reads whole sentences. */
    static List<int[]> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<int[]> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start, e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (e > s) out.add(new int[] {s, e});
        }
        return out;
    }
}
