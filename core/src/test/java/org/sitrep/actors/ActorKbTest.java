package org.sitrep.actors;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.KbEntry;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.NounPhrase;

class ActorKbTest {
    static final ActorKb KB = ActorKb.load(KnowledgeFiles.builtIn());

    static KbEntry entry(String name) {
        List<ActorKb.Alias> found = KB.lookup(name);
        assertFalse(found.isEmpty(), "no entry for " + name);
        return found.get(0).entry();
    }

    @Test
    void countriesAreKnownByNamesAliasesDemonymsAndCapitals() {
        assertEquals("USA", entry("United States").country());
        assertEquals("USA", entry("U.S.").country());
        assertEquals("GBR", entry("Britain").country());
        assertEquals("IRN", entry("Iranian").country());
        assertEquals(ActorKb.Form.ADJECTIVE, KB.lookup("Iraqi").get(0).form());
        assertEquals(ActorKb.Form.CAPITAL, KB.lookup("Tehran").get(0).form());
    }

    @Test
    void aRoleHoldsOnlyBetweenItsDates() {
        KbEntry trump = entry("Donald Trump");
        assertEquals("USAGOV", trump.codeAt(LocalDate.of(2019, 12, 31)));
        assertNotEquals("USAGOV", trump.codeAt(LocalDate.of(2016, 6, 1)));
    }

    @Test
    void internationalBodiesHaveIgoCodesAndNoCountry() {
        KbEntry un = entry("United Nations");
        assertTrue(un.code().startsWith("IGO"));
        assertNull(un.country());
    }

    @Test
    void agentNounsGiveSectors() {
        assertEquals(List.of("COP"), KB.agent("police"));
        assertTrue(KB.agent("protester").contains("CVL"));
        assertTrue(KB.agent("soldier").contains("MIL"));
    }

    @Test
    void agentWordsThatNameOnePersonAreMarkedSoWithoutBecomingAgentsOfTheirOwn(@TempDir Path dir) throws Exception {
        assertTrue(KB.singlePerson("spokesman"));
        assertFalse(KB.singlePerson("police"));
        assertFalse(KB.singlePerson("mayor"));
        Files.createDirectories(dir.resolve("actors"));
        Files.writeString(dir.resolve("actors/agents.tsv"), "mayor\t\tperson\n");
        ActorKb kb = ActorKb.load(new KnowledgeFiles(List.of(dir)));
        assertTrue(kb.singlePerson("mayor"));
        assertEquals(KB.agent("mayor"), kb.agent("mayor"), "the person row leaves the mayor's sectors as they were");
    }

    @Test
    void theWordsThatLinkMentionsComeFromTheActorCuesAndAUserLayerAddsToThem(@TempDir Path dir) throws Exception {
        assertTrue(KB.is("collective", "police"));
        assertFalse(KB.is("collective", "squad"));
        Files.createDirectories(dir.resolve("actors"));
        Files.writeString(dir.resolve("actors/cues.tsv"), "collective\tsquad|unit\n");
        ActorKb kb = ActorKb.load(new KnowledgeFiles(List.of(dir)));
        assertTrue(kb.is("collective", "squad"));
        assertTrue(kb.is("collective", "police"), "the built-in words stay");
    }

    @Test
    void aUserLayerAddsAndOverridesEntries(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("actors"));
        Files.writeString(
                dir.resolve("actors/groups.tsv"),
                "# test layer\nfictional-front\tFRNREB\tFRN\tREB\tFictional Liberation Front\tFLF\t\tarmed-group\n");
        ActorKb kb = ActorKb.load(new KnowledgeFiles(List.of(dir)));
        KbEntry e = kb.lookup("Fictional Liberation Front").get(0).entry();
        assertEquals("FRNREB", e.code());
        assertEquals(e, kb.lookup("FLF").get(0).entry());
        assertTrue(kb.size() > KB.size());
    }

    @Test
    void aBadDateInADataFileIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("actors"));
        Files.writeString(dir.resolve("actors/people.tsv"), "x\tX Y\t\tUSA\tUSAGOV\t2019-13-45\t\tPresident\n");
        IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> ActorKb.load(new KnowledgeFiles(List.of(dir))));
        assertTrue(ex.getMessage().contains("people.tsv:1"), ex.getMessage());
    }

    @Test
    void aGroupThatTookPowerIsTheGovernmentOnlyFromThatDate() {
        KbEntry taliban = entry("Taliban");
        assertEquals("AFGINS", taliban.codeAt(LocalDate.of(2021, 8, 14)));
        assertEquals("AFGGOV", taliban.codeAt(LocalDate.of(2021, 8, 15)));
        assertEquals("AFGGOV", taliban.codeAt(LocalDate.of(1998, 1, 1)));
        assertEquals("AFGINS", taliban.codeAt(LocalDate.of(2010, 1, 1)));
    }

    @Test
    void aDatedCodeForAnUnknownGroupIsReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("actors"));
        Files.writeString(dir.resolve("actors/dated-codes.tsv"), "no_such_group\tXYZGOV\t2020-01-01\t\truler\n");
        IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> ActorKb.load(new KnowledgeFiles(List.of(dir))));
        assertTrue(ex.getMessage().contains("no_such_group"), ex.getMessage());
    }

    @Test
    void aPhraseThatOnlyContainsAnAgentWordIsNoActor() {
        ActorResolver resolver = new ActorResolver(KB);
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertTrue(resolver.mentions(NounPhrase.parse("a third party"), d).isEmpty());
        assertEquals(
                "PTY",
                resolver.mentions(NounPhrase.parse("the party"), d).get(0).code());
    }

    @Test
    void aNameSeveralPeopleBoreIsTheOneInOfficeOnTheDate() {
        ActorResolver resolver = new ActorResolver(KB);
        assertEquals(
                "george-h-w-bush",
                resolver.mentions(NounPhrase.parse("President Bush"), LocalDate.of(1991, 2, 1))
                        .get(0)
                        .entry()
                        .id());
        assertEquals(
                "george-w-bush",
                resolver.mentions(NounPhrase.parse("President Bush"), LocalDate.of(2003, 3, 20))
                        .get(0)
                        .entry()
                        .id());
    }
}
