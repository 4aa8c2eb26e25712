package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sitrep.analysis.AnalysisView;
import org.sitrep.analysis.EventView;
import org.sitrep.analysis.Mention;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description =
                "Shows what the coder sees in a text: each sentence's parse, actor mentions, places and events with their rules.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", description = "the text, or @FILE to read it from a file")
    String text;

    @Option(names = "--published", description = "publication date (default: today)")
    String published;

    @Override
    public Integer call() throws Exception {
        String t = text.startsWith("@") ? Files.readString(Path.of(text.substring(1))) : text;
        LocalDate d = published == null ? LocalDate.now() : LocalDate.parse(published);
        Pipeline p = Pipeline.create();
        AnalysisView a = p.analyze(Document.of("explain", t, d.toString()), d);
        for (Sentence s : a.sentences()) {
            System.out.println("[" + s.index() + "] " + s.text());
            StringBuilder sb = new StringBuilder("    ");
            for (Token k : s.tokens()) {
                sb.append(k.index()).append(':').append(k.text()).append('/').append(k.pos());
                if (!k.ner().equals("O")) sb.append('/').append(k.ner());
                sb.append("<-").append(k.head()).append(':').append(k.deprel()).append("  ");
            }
            System.out.println(sb);
            for (Mention m : a.mentions().get(s.index())) {
                System.out.printf(
                        "    actor  %-32s %-10s %s%s%s%n",
                        m.text(),
                        m.code(),
                        m.kind(),
                        m.entry() != null ? " kb:" + m.entry().id() : "",
                        m.countryInferred() ? " (country inferred)" : "");
            }
            a.places().stream()
                    .filter(pm -> pm.sentence() == s.index())
                    .forEach(pm -> System.out.printf(
                            "    place  %-32s %s %s%n",
                            pm.text(), pm.place().country(), pm.place().kind()));
            for (EventView e : a.events()) {
                if (e.sentence() != s.index()) continue;
                System.out.printf(
                        "    event  %-12s %-5s %-9s %s/%s%s src=%s tgt=%s  %s%n",
                        s.token(e.trigger()).text(),
                        e.code().code(),
                        e.code().plover(),
                        e.polarity(),
                        e.modality(),
                        e.mergedInto() != null ? " merged" : e.backgrounded() ? " background" : "",
                        e.source().stream().map(Mention::code).toList(),
                        e.target().stream().map(Mention::code).toList(),
                        e.rule());
            }
        }
        return 0;
    }
}
