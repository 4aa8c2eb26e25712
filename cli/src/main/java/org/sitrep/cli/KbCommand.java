package org.sitrep.cli;

import org.sitrep.actors.ActorResolver;
import org.sitrep.actors.KbEntry;
import org.sitrep.actors.Mention;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.text.CoreNlpModel;
import org.sitrep.text.Sentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "kb", mixinStandardHelpOptions = true, description = "Inspect the actor knowledge base.",
        subcommands = {KbCommand.Lookup.class})
final class KbCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "lookup", mixinStandardHelpOptions = true, description = "Shows how a phrase resolves to actors, and why.")
    static final class Lookup implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT")
        String text;

        @Option(names = "--date", description = "the date roles are checked on (default: today)")
        String date;

        @Option(names = "--kb", paramLabel = "DIR", description = "a knowledge layer added on top of the built-in one (repeatable)")
        List<Path> kb = List.of();

        @Override
        public Integer call() {
            LocalDate d = date == null ? LocalDate.now() : LocalDate.parse(date);
            Knowledge k = Knowledge.load(new KnowledgeFiles(kb));
            ActorResolver resolver = new ActorResolver(k.actors());
            boolean any = false;
            for (Sentence s : CoreNlpModel.shared().analyze(text)) {
                for (Mention m : resolver.mentions(s, d)) {
                    any = true;
                    System.out.printf("%s → %s (country %s, sectors %s)%n", m.text(), m.code(), m.country(), String.join(",", m.sectors()));
                    if (m.entry() != null) {
                        KbEntry e = m.entry();
                        KbEntry.Role role = e.roleAt(d);
                        System.out.printf("  knowledge base: %s [%s] %s%s%n", e.id(), e.kind().name().toLowerCase(), e.name(),
                                role == null ? "" : " — on " + d + ": " + (role.title().isEmpty() ? "" : role.title() + ", ") + role.code()
                                        + (role.from() != null ? " (" + role.from() + " to " + (role.to() == null ? "now" : role.to()) + ")" : ""));
                    } else {
                        System.out.println("  composed from the phrase: country words, agent nouns and modifiers");
                    }
                    if (!m.sponsors().isEmpty()) System.out.println("  sponsors: " + String.join(",", m.sponsors()));
                }
            }
            if (!any) System.out.println("no actor found in: " + text);
            return any ? 0 : 1;
        }
    }
}
