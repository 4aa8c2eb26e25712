package org.sitrep.actors;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Names;
import org.sitrep.knowledge.NounPhrase;
import org.sitrep.knowledge.PetrarchDictionary;

/** PETRARCH/TABARI dictionaries imported as a layer resolve exactly as they define. */
class PetrarchImportTest {
    static final Path DICTS = Path.of("..", "..", "shared", "eval", "dev", "petrarch");

    @Test
    void datedCodeBlocksAndSynonymsAreRead(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("test.actors.txt"), """
                <!-- a comment block -->
                ZORBIA  [ZRB]
                +ZORBIAN
                KING_OTTO_   # a ruler
                +OTTO
                \t[ZRBELI < 900101]
                \t[ZRBGOV 19900101 - 20051231]
                \t[ZRBELI > 060101]
                NOWHERE [---]
                """);
        List<PetrarchDictionary.Actor> actors = PetrarchDictionary.readActors(f);
        assertEquals(2, actors.size());
        assertEquals(List.of("King Otto", "Otto"), actors.get(1).names());
        assertEquals(LocalDate.of(1990, 1, 1), actors.get(1).codes().get(1).from());
        assertEquals(LocalDate.of(2006, 1, 1), actors.get(1).codes().get(2).from());

        Path layer = dir.resolve("layer");
        PetrarchDictionary.writeLayer(actors, List.of(), layer, "test");
        ActorResolver r = new ActorResolver(ActorKb.load(new KnowledgeFiles(List.of(layer))));
        assertEquals("ZRBGOV", code(r, "Otto", LocalDate.of(1995, 6, 1)));
        assertEquals("ZRBELI", code(r, "King Otto", LocalDate.of(1985, 6, 1)));
        assertEquals("ZRBELI", code(r, "Otto", LocalDate.of(2010, 6, 1)));
        assertEquals("ZRB", code(r, "Zorbian", LocalDate.of(2010, 6, 1)));
    }

    @Test
    void agentsWithPluralsMacrosAndPrefixCodesAreRead(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("test.agents.txt"), """
                !PERSON! = MAN, WOMAN
                FOREIGN_MINISTER [~GOVFRM]
                ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
                CONGRESS!PERSON! [~LEG]
                RIGHTS_BODY [NGO~]
                """);
        List<PetrarchDictionary.Agent> agents = PetrarchDictionary.readAgents(f);
        assertEquals(5, agents.size());
        assertEquals(
                List.of("Attorney General", "Attorneys General"), agents.get(1).names());
        assertEquals("Congresswoman", agents.get(3).names().get(0));
        assertTrue(agents.get(4).prefix());
        Path layer = dir.resolve("layer");
        PetrarchDictionary.writeLayer(List.of(), agents, layer, "test");
        ActorResolver r = new ActorResolver(ActorKb.load(new KnowledgeFiles(List.of(layer))));
        assertEquals("ISRGOVFRM", code(r, "Israeli foreign minister", LocalDate.of(2000, 1, 1)));
        assertEquals("NGOKEN", code(r, "Kenyan rights body", LocalDate.of(2000, 1, 1)));
    }

    /** The acceptance check: every actor and agent of PETRARCH's validation dictionaries resolves as defined. */
    @Test
    void petrarchValidationDictionariesResolveAsDefined(@TempDir Path dir) throws Exception {
        Path actorsFile = DICTS.resolve("PETR.Validate.actors.txt"),
                agentsFile = DICTS.resolve("PETR.Validate.agents.txt");
        Assumptions.assumeTrue(
                Files.exists(actorsFile) && Files.exists(agentsFile),
                "skipped: ../shared/eval/dev/petrarch is not beside the project");
        List<PetrarchDictionary.Actor> actors = PetrarchDictionary.readActors(actorsFile);
        List<PetrarchDictionary.Agent> agents = PetrarchDictionary.readAgents(agentsFile);
        PetrarchDictionary.writeLayer(actors, agents, dir, "validate");
        ActorResolver r = new ActorResolver(ActorKb.load(new KnowledgeFiles(List.of(dir))));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        // a name the dictionary defines twice with different codes ("PALESTINIAN [pse]" and "+PALESTINIAN" under
        // "PALESTINE [PAL]") is ambiguous
        java.util.Map<String, java.util.Set<String>> codesOf = new java.util.HashMap<>();
        for (PetrarchDictionary.Actor a : actors)
            for (String n : a.names())
                for (PetrarchDictionary.Dated d : a.codes())
                    codesOf.computeIfAbsent(Names.key(n), k -> new java.util.HashSet<>())
                            .add(d.code());
        for (PetrarchDictionary.Actor a : actors) {
            if (a.names().stream()
                    .anyMatch(n ->
                            codesOf.get(Names.key(n)).size() > 1 && a.codes().size() == 1)) continue;
            for (PetrarchDictionary.Dated d : a.codes()) {
                boolean dated = d.from() != null || d.to() != null;
                if (!dated && a.codes().size() > 1)
                    continue; // an undated default among dated codes: checked by the dated ones
                LocalDate on = d.from() != null && d.to() != null
                        ? d.from().plusDays((d.to().toEpochDay() - d.from().toEpochDay()) / 2)
                        : d.from() != null
                                ? d.from().plusDays(1)
                                : d.to() != null ? d.to().minusDays(1) : LocalDate.of(2000, 1, 1);
                String want = d.code().split("/")[0];
                for (String name : a.names()) {
                    checked++;
                    String got = code(r, name, on);
                    if (!want.equals(got)) wrong.add(name + " on " + on + ": got " + got + ", want " + want);
                }
            }
        }
        for (PetrarchDictionary.Agent g : agents) {
            for (String name : g.names()) {
                checked++;
                String got = code(r, name, LocalDate.of(2000, 1, 1));
                if (!g.code().equals(got)) wrong.add("agent " + name + ": got " + got + ", want " + g.code());
            }
        }
        assertTrue(checked > 200, "checked " + checked);
        assertEquals(List.of(), wrong, wrong.size() + " of " + checked + " wrong");
    }

    static String code(ActorResolver r, String phrase, LocalDate date) {
        List<Mention> ms = r.mentions(NounPhrase.parse(phrase), date);
        return ms.size() == 1
                ? ms.get(0).code()
                : ms.size() + " mentions: " + ms.stream().map(Mention::code).toList();
    }
}
