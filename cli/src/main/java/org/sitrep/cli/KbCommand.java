package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.actors.ActorResolver;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.KbEntry;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.NounPhrase;
import org.sitrep.knowledge.PetrarchDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        description = "Inspect and extend the actor knowledge base.",
        subcommands = {KbCommand.Lookup.class, KbCommand.Import.class})
final class KbCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(
            name = "lookup",
            mixinStandardHelpOptions = true,
            description = "Shows how a phrase resolves to actor codes on a date, and why.")
    static final class Lookup implements Callable<Integer> {
        @Parameters(
                paramLabel = "TEXT",
                description = "a noun phrase, e.g. \"Iraqi security forces\" or \"President Trump\"")
        String text;

        @Option(names = "--date", description = "the date roles are checked on (default: today)")
        String date;

        @Option(
                names = "--kb",
                paramLabel = "DIR",
                description = "a knowledge layer added on top of the built-in one (repeatable)")
        List<Path> kb = List.of();

        @Override
        public Integer call() {
            LocalDate d = date == null ? LocalDate.now() : LocalDate.parse(date);
            ActorResolver resolver = new ActorResolver(ActorKb.load(new KnowledgeFiles(kb)));
            List<Mention> found = resolver.mentions(NounPhrase.parse(text), d);
            for (Mention m : found) {
                System.out.printf(
                        "%s → %s (country %s, sectors %s)%n",
                        m.text(), m.code(), m.country(), String.join(",", m.sectors()));
                if (m.entry() != null) {
                    KbEntry e = m.entry();
                    KbEntry.Role role = e.roleAt(d);
                    System.out.printf(
                            "  knowledge base: %s [%s] %s%s%n",
                            e.id(),
                            e.kind().name().toLowerCase(java.util.Locale.ROOT),
                            e.name(),
                            role == null
                                    ? ""
                                    : " — on " + d + ": " + (role.title().isEmpty() ? "" : role.title() + ", ")
                                            + role.code()
                                            + (role.from() != null || role.to() != null
                                                    ? " (" + (role.from() == null ? "…" : role.from()) + " to "
                                                            + (role.to() == null ? "now" : role.to()) + ")"
                                                    : " (when no dated role holds)"));
                } else {
                    System.out.println("  composed from the phrase: country words, agent nouns and modifiers");
                }
                if (!m.sponsors().isEmpty()) System.out.println("  sponsors: " + String.join(",", m.sponsors()));
            }
            if (found.isEmpty()) System.out.println("no actor found in: " + text);
            return found.isEmpty() ? 1 : 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Imports PETRARCH/TABARI actor and agent dictionaries into a knowledge layer (use it with --kb DIR).",
                "Files whose name contains \"agent\" are read as agent dictionaries, the rest as actor dictionaries."
            })
    static final class Import implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DICTIONARY")
        List<Path> files;

        @Option(
                names = "--into",
                required = true,
                paramLabel = "DIR",
                description = "the layer directory to write (created if missing; files are appended to)")
        Path into;

        @Override
        public Integer call() throws Exception {
            int total = 0;
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    System.err.println("sitrep kb import: cannot read " + f);
                    return 2;
                }
                boolean agents = f.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("agent");
                List<PetrarchDictionary.Actor> actors = agents ? List.of() : PetrarchDictionary.readActors(f);
                List<PetrarchDictionary.Agent> agentList =
                        agents ? PetrarchDictionary.readAgents(f) : new ArrayList<>();
                int n = PetrarchDictionary.writeLayer(
                        actors, agentList, into, f.getFileName().toString());
                System.out.printf("%s: %d %s%n", f, n, agents ? "agents" : "actors");
                total += n;
            }
            System.out.printf("wrote %d entries to %s; use it with --kb %s%n", total, into, into);
            return 0;
        }
    }
}
