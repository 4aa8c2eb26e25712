package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * The means of an act (issue 11, data/events/means.tsv): weapon and delivery words in the act's own clause make
 * its CAMEO code and PLOVER mode specific. Sentences written for these tests; parses replayed from fixtures.
 */
class MeansFixtureTest {

    private static EventRecord assault(String text) {
        return only(code(text), "ASSAULT");
    }

    @Test
    void warplanesMakeAPoundingAnAirAttack() {
        EventRecord e = assault("Syrian warplanes pounded the rebel-held town of Saraqib on Tuesday.");
        assertEquals("195", e.cameo());
        assertEquals("aerial", e.mode());
        assertTrue(e.rule().endsWith("+ means: warplane"), "the rule says which word set the means: " + e.rule());
    }

    @Test
    void gunmenWhoOpenFireFightWithSmallArms() {
        EventRecord e = assault("Gunmen opened fire on a minibus in Karachi on Sunday.");
        assertEquals("193", e.cameo());
        assertEquals("firearms", e.mode());
    }

    @Test
    void hurledGrenadesAreABombingEvenInThePassive() {
        EventRecord e = assault("Grenades were hurled at a police patrol in Srinagar on Friday.");
        assertEquals("183", e.cameo());
        assertEquals("explosives", e.mode());
    }

    @Test
    void aSuicideBombingStaysASuicideBombing() {
        EventRecord e = assault("A suicide bomber blew himself up at a checkpoint in Mogadishu, killing six soldiers.");
        assertEquals("1831", e.cameo(), "a bomb named in the clause does not make it less specific");
        assertEquals("suicide-bomb", e.mode());
        assertEquals(6, e.counts().get("killed"), "the dead are counted (cues.tsv, count-killed)");
    }

    @Test
    void machetesMakeAKillingAKillingByPhysicalAssault() {
        EventRecord e = assault("Attackers killed four villagers with machetes in Benue state on Monday.");
        assertEquals("1823", e.cameo());
        assertEquals("kill", e.mode());
    }

    @Test
    void theDeliveryDecidesWhatAMissileIs() {
        assertEquals(
                "194",
                assault("Soldiers fired missiles at rebel positions near Marib.")
                        .cameo(),
                "fired from the ground");
        EventRecord air = assault("Helicopters fired missiles at rebel positions near Marib.");
        assertEquals("195", air.cameo(), "fired from the air: " + air.rule());
    }

    @Test
    void whatIsShotDownIsNotTheMeans() {
        EventRecord e = assault("Rebels shot down an army helicopter near Goma on Saturday.");
        assertNotEquals("195", e.cameo(), "the helicopter was hit, not used: " + e.rule());
        assertFalse(e.rule().contains("means"), e.rule());
    }

    @Test
    void aNeighbouringClauseIsAnotherAct() {
        DocumentRecord r =
                code("Five people were killed when a car bomb exploded near the ministry in Baghdad on Monday.");
        EventRecord bomb = r.events().stream()
                .filter(e -> e.cameo().equals("1832"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no car bombing in " + r.events()));
        assertEquals("explosives", bomb.mode());
        // the bomb is named in the 'when' clause, not the killing's: the killing is its toll, not a second act by those
        // means
        assertTrue(
                r.events().stream()
                        .noneMatch(e -> e.trigger().text().startsWith("killed")
                                && e.rule().contains("means")),
                r.events().toString());
        assertEquals(5, bomb.counts().get("killed"), "the toll is the bombing's");
    }

    @Test
    void aDroneNamedAsTheAgentMakesADroneStrike() {
        EventRecord e = assault("Three militants were killed by a drone in North Waziristan on Thursday.");
        assertEquals("1952", e.cameo());
        assertEquals("drone", e.mode());
    }

    @Test
    void aPassiveSubjectWithNoIsANegation() {
        DocumentRecord r = code("No shots were fired at the border post, officials said on Friday.");
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
        assertTrue(
                r.nonEvents().stream()
                        .anyMatch(e ->
                                "ASSAULT".equals(e.plover()) && e.polarity().equals("negated")),
                r.nonEvents().toString());
    }

    @Test
    void aKillingSharesTheMeansOfTheActItFollowsFrom() {
        EventRecord e = assault("Warplanes flew over the market in Idlib on Monday, killing twelve civilians.");
        assertEquals("killing", e.trigger().text());
        assertEquals("195", e.cameo(), "the killing's subject is the warplanes': " + e.rule());
    }

    @Test
    void aUsingPhraseNamesTheMeans() {
        EventRecord e = assault("Militants attacked government troops near Aleppo using mortars, the army said.");
        assertEquals("194", e.cameo(), e.rule());
        assertEquals("artillery", e.mode());
    }
}
