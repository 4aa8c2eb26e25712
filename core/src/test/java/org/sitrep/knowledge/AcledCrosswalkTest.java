package org.sitrep.knowledge;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACLED rule table (data/events/acled.tsv) and its condition language, asked of facts written by hand. */
class AcledCrosswalkTest {
    private static final AcledCrosswalk BUILT_IN = AcledCrosswalk.load(KnowledgeFiles.builtIn());

    /** An event as the crosswalk sees it: sides by group name, words present, nearby events as "TYPE:mode". */
    private record Event(
            String plover,
            String cameo,
            String mode,
            List<String> contexts,
            Set<String> source,
            Set<String> target,
            Set<String> object,
            Set<String> words,
            Set<String> near,
            Set<String> events,
            boolean killed)
            implements AcledCrosswalk.Facts {
        static Event of(String plover, String cameo, String mode) {
            return new Event(
                    plover, cameo, mode, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);
        }

        Event source(String... g) {
            return new Event(plover, cameo, mode, contexts, Set.of(g), target, object, words, near, events, killed);
        }

        Event target(String... g) {
            return new Event(plover, cameo, mode, contexts, source, Set.of(g), object, words, near, events, killed);
        }

        Event object(String... g) {
            return new Event(plover, cameo, mode, contexts, source, target, Set.of(g), words, near, events, killed);
        }

        Event words(String... g) {
            return new Event(
                    plover, cameo, mode, contexts, source, target, object, Set.of(g), Set.of(g), events, killed);
        }

        Event context(String... c) {
            return new Event(plover, cameo, mode, List.of(c), source, target, object, words, near, events, killed);
        }

        Event nearby(String... e) {
            return new Event(plover, cameo, mode, contexts, source, target, object, words, near, Set.of(e), killed);
        }

        Event killing() {
            return new Event(plover, cameo, mode, contexts, source, target, object, words, near, events, true);
        }

        public boolean side(String side, AcledCrosswalk.Group g) {
            return (side.equals("source") ? source : target).contains(g.name());
        }

        public boolean sideEmpty(String side) {
            return (side.equals("source") ? source : target).isEmpty();
        }

        public boolean object(AcledCrosswalk.Group g) {
            return object.contains(g.name());
        }

        public boolean trigger(AcledCrosswalk.Group g) {
            return words.contains(g.name());
        }

        public boolean words(AcledCrosswalk.Group g) {
            return words.contains(g.name());
        }

        public boolean near(AcledCrosswalk.Group g) {
            return near.contains(g.name());
        }

        public boolean event(String type, Set<String> modes) {
            return events.stream()
                    .anyMatch(
                            e -> e.split(":")[0].equals(type) && (modes.isEmpty() || modes.contains(e.split(":")[1])));
        }
    }

    private static String sub(AcledCrosswalk.Facts f) {
        AcledCrosswalk.Type t = BUILT_IN.classify(f);
        return t == null ? null : t.eventType() + " / " + t.subEventType();
    }

    @Test
    void groundTakenAndBasesSetUpByForcesTheTextDoesNotName() {
        assertEquals("Battles / Government regains territory", sub(Event.of("ASSAULT", "192", "occupy")));
        assertEquals(
                "Battles / Non-state actor overtakes territory",
                sub(Event.of("ASSAULT", "192", "occupy").source("armed")));
        assertEquals(
                "Strategic developments / Headquarters or base established",
                sub(Event.of("MOBILIZE", "154", "troops").object("base")));
    }

    @Test
    void fightingBesideGroundTakenIsATerritorialBattle() {
        assertEquals(
                "Battles / Government regains territory",
                sub(Event.of("ASSAULT", "190", null)
                        .source("state")
                        .target("armed")
                        .nearby("COERCE:occupy")));
        assertEquals(
                "Battles / Armed clash",
                sub(Event.of("ASSAULT", "190", null).source("state").target("armed")));
    }

    @Test
    void theMeansDecideRemoteViolenceWhoeverIsHit() {
        assertEquals(
                "Explosions/Remote violence / Air/drone strike",
                sub(Event.of("ASSAULT", "195", "aerial").source("state").target("civilian")));
        assertEquals(
                "Explosions/Remote violence / Shelling/artillery/missile attack",
                sub(Event.of("ASSAULT", "194", "artillery").source("armed")));
        assertEquals(
                "Explosions/Remote violence / Grenade",
                sub(Event.of("ASSAULT", "183", "explosives").words("grenade")));
        assertEquals(
                "Explosions/Remote violence / Remote explosive/landmine/IED",
                sub(Event.of("ASSAULT", "1833", "explosives")));
        assertEquals(
                "Explosions/Remote violence / Suicide bomb",
                sub(Event.of("ASSAULT", "1831", "suicide-bomb").target("state")));
    }

    @Test
    void fightingBetweenArmedSidesIsABattleAndViolenceAgainstTheUnarmedIsAnAttack() {
        assertEquals(
                "Battles / Armed clash",
                sub(Event.of("ASSAULT", "190", null).source("state").target("armed")));
        assertEquals(
                "Battles / Armed clash",
                sub(Event.of("ASSAULT", "190", null).target("armed")),
                "militants killed by nobody named");
        assertEquals(
                "Violence against civilians / Attack",
                sub(Event.of("ASSAULT", "190", null).source("armed").target("civilian")));
        assertEquals(
                "Violence against civilians / Sexual violence",
                sub(Event.of("ASSAULT", "1821", "sexual").source("state").target("civilian")));
    }

    @Test
    void forceAgainstACrowdDependsOnWhatTheCrowdDidAndWhatTheForceUsed() {
        Event shooting = Event.of("ASSAULT", "190", null).source("state").target("protesters");
        assertEquals("Protests / Excessive force against protesters", sub(shooting));
        assertEquals("Riots / Violent demonstration", sub(shooting.words("clash")), "police and protesters clashed");
        assertEquals(
                "Protests / Protest with intervention",
                sub(Event.of("COERCE", "175", "repress").source("state")));
        assertEquals(
                "Protests / Excessive force against protesters",
                sub(Event.of("COERCE", "175", "repress").source("state").killing()));
        Event march = Event.of("PROTEST", "141", "demonstrate").source("civilian");
        assertEquals("Protests / Peaceful protest", sub(march));
        assertEquals("Protests / Protest with intervention", sub(march.nearby("COERCE:arrest")));
        assertEquals(
                "Riots / Violent demonstration",
                sub(Event.of("PROTEST", "145", "riot").source("civilian")));
        assertEquals(
                "Riots / Mob violence",
                sub(Event.of("ASSAULT", "190", null).source("mob").target("civilian")));
    }

    @Test
    void strategicDevelopmentsFollowWhatWasTakenOrDone() {
        assertEquals(
                "Strategic developments / Disrupted weapons use",
                sub(Event.of("COERCE", "1711", "seize").source("state").object("weapons")));
        assertEquals(
                "Battles / Non-state actor overtakes territory",
                sub(Event.of("COERCE", "1711", "seize").source("armed").object("territory")));
        assertEquals(
                "Battles / Government regains territory",
                sub(Event.of("ASSAULT", "192", "occupy").source("state")));
        assertEquals(
                "Strategic developments / Arrests",
                sub(Event.of("COERCE", "173", "arrest").source("state").target("civilian")));
        assertEquals(
                "Strategic developments / Headquarters or base established",
                sub(Event.of("MOBILIZE", "152", "troops").words("base")));
        assertEquals(
                "Strategic developments / Non-violent transfer of territory",
                sub(Event.of("RETREAT", "0874", "withdraw")));
        assertEquals("Strategic developments / Agreement", sub(Event.of("AGREE", "057", "sign")));
    }

    @Test
    void whatAcledDoesNotCodeGetsNoType() {
        assertNull(sub(Event.of("COERCE", "173", "arrest").source("state").context("crime")), "an arrest for theft");
        assertNull(
                sub(Event.of("COERCE", "1711", "seize").source("state").context("crime")),
                "drugs seized by the police");
        assertNull(sub(Event.of("CONSULT", "040", null).source("state").target("state")), "talks");
        assertNull(sub(Event.of("COERCE", "163", null).source("state")), "sanctions are diplomacy");
    }

    @Test
    void aUserLayerAddsRulesAfterTheBuiltInOnesAndMistakesAreReportedWithTheirLine(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("events/acled.tsv"), "rule\ttype=CONSULT\tStrategic developments\tOther\n");
        AcledCrosswalk withTalks = AcledCrosswalk.load(new KnowledgeFiles(List.of(dir)));
        assertEquals(
                "Other", withTalks.classify(Event.of("CONSULT", "040", null)).subEventType());
        assertTrue(withTalks.classify(Event.of("CONSULT", "040", null)).rule().endsWith("acled.tsv:1"));

        for (Map.Entry<String, String> bad : Map.of(
                        "rule\ttype=ASSAULT source=pirates\tBattles\tArmed clash\n", "unknown group 'pirates'",
                        "rule\ttype=ASSAULT\tWars\tArmed clash\n", "not one of ACLED's event types",
                        "rule\tcolour=red\tBattles\tArmed clash\n", "unknown condition 'colour'",
                        "group\tx\tnames\ta|b\n", "'sectors' or 'words'")
                .entrySet()) {
            Files.writeString(dir.resolve("events/acled.tsv"), bad.getKey());
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> AcledCrosswalk.load(new KnowledgeFiles(List.of(dir))));
            assertTrue(
                    e.getMessage().contains(bad.getValue()) && e.getMessage().contains("acled.tsv:1"), e.getMessage());
        }
    }

    @Test
    void theModelsSubEventTypeRefinesARowThatDecidedByThePloverTypeAlone() {
        AcledCrosswalk.Type attack = BUILT_IN.classify(Event.of("ASSAULT", "190", null));
        assertEquals("Attack", attack.subEventType(), "the table's last word on an assault");
        AcledCrosswalk.Type air = BUILT_IN.refine(attack, "ASSAULT", "Air/drone strike", 0.8);
        assertEquals("Explosions/Remote violence", air.eventType());
        assertEquals("Air/drone strike", air.subEventType());
        assertTrue(air.rule().startsWith("model (0.80) over " + attack.rule() + ": Attack"), air.rule());
        assertSame(attack, BUILT_IN.refine(attack, "ASSAULT", "Air/drone strike", 0.3), "the model is not sure enough");
    }

    @Test
    void aRowWithEvidenceKeepsItsAnswerAndOnlyTypesTheTableGivesThatPloverTypeAreTaken() {
        AcledCrosswalk.Type clash = BUILT_IN.classify(
                Event.of("ASSAULT", "190", null).source("state").target("armed"));
        assertSame(
                clash,
                BUILT_IN.refine(clash, "ASSAULT", "Attack", 0.99),
                "decided by the sides, not by the type alone");
        AcledCrosswalk.Type attack = BUILT_IN.classify(Event.of("ASSAULT", "190", null));
        assertSame(
                attack,
                BUILT_IN.refine(attack, "ASSAULT", "Arrests", 0.99),
                "an arrest is never an assault's sub-event type");
        assertNull(BUILT_IN.refine(null, "ASSAULT", "Attack", 0.99), "'not an ACLED event' is the table's to say");
        assertTrue(BUILT_IN.refines("ASSAULT"));
        assertFalse(BUILT_IN.refines("CONSULT"), "talks have no ACLED type for the model to refine");
        assertTrue(BUILT_IN.refinable(attack, "ASSAULT"), "so the model reads a plain assault's sentence");
        assertFalse(BUILT_IN.refinable(clash, "ASSAULT"), "and not a clash's, which the model cannot change");
        assertFalse(BUILT_IN.refinable(null, "ASSAULT"));
        AcledCrosswalk.Type agreement = BUILT_IN.classify(Event.of("AGREE", "030", null));
        assertEquals("Agreement", agreement.subEventType());
        assertFalse(
                BUILT_IN.refinable(agreement, "AGREE"),
                "an agreement has no other sub-event type the model could give it");
        assertTrue(BUILT_IN.types("PROTEST"));
        assertFalse(BUILT_IN.types("REJECT"), "a rejection is no ACLED event, whatever its mode");
        assertFalse(BUILT_IN.types("AGREE"), "an agreement is an Agreement, whatever its mode");
    }

    @Test
    void aLayerCanLetTheModelDecideForAnyRow(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("events/acled.tsv"), "model\tany\t0.9\tthe model decides when very sure\n");
        AcledCrosswalk layered = AcledCrosswalk.load(new KnowledgeFiles(List.of(dir)));
        AcledCrosswalk.Type clash = layered.classify(
                Event.of("ASSAULT", "190", null).source("state").target("armed"));
        assertEquals("Attack", layered.refine(clash, "ASSAULT", "Attack", 0.95).subEventType());
        assertSame(clash, layered.refine(clash, "ASSAULT", "Attack", 0.85));
        Files.writeString(dir.resolve("events/acled.tsv"), "model\tsome\t0.9\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AcledCrosswalk.load(new KnowledgeFiles(List.of(dir))));
        assertTrue(e.getMessage().contains("'generic' or 'any'"), e.getMessage());
    }
}
