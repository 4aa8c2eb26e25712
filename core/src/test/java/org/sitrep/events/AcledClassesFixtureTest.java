package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * ACLED's classes as news tells them (issue 11): what a protest is about is not a second event, a toll belongs to the
 * weapon that took it, claims of responsibility are events, and the wordings for looting, found weapons, defections,
 * pull-backs and attacks on military posts. Sentences written for these tests; parses replayed from fixtures.
 */
class AcledClassesFixtureTest {

    @Test
    void whatAProtestIsAgainstIsNotAnActToldHere() {
        DocumentRecord r =
                code("Hundreds of lawyers marched in Harare on Thursday to protest against police brutality.");
        assertTrue(
                r.events().stream().noneMatch(e -> "COERCE".equals(e.plover())),
                r.events().toString());
        assertEquals(acled("Protests", "Peaceful protest"), type(only(r, "PROTEST")));
        DocumentRecord held =
                code("Rallies were held across Pakistan on Friday against the arrest of the opposition leader.");
        assertTrue(
                held.events().stream().noneMatch(e -> "COERCE".equals(e.plover())),
                held.events().toString());
        assertEquals(acled("Protests", "Peaceful protest"), type(only(held, "PROTEST")));
    }

    @Test
    void aTollWithNoAgentIsTheTollOfTheWeaponItsSentenceNames() {
        DocumentRecord r = code("Three soldiers were killed when a roadside bomb exploded near Gao on Monday.");
        assertEquals(
                1,
                r.events().stream().filter(e -> "ASSAULT".equals(e.plover())).count(),
                r.events().toString());
        EventRecord bomb = only(r, "ASSAULT");
        assertEquals(acled("Explosions/Remote violence", "Remote explosive/landmine/IED"), type(bomb));
        assertEquals(3, bomb.counts().get("killed"));
    }

    @Test
    void aClaimOrDenialOfResponsibilityIsAnEvent() {
        DocumentRecord claim =
                code("The Islamic State group claimed responsibility for the bombing of a bus station in Kabul.");
        assertTrue(
                claim.events().stream().anyMatch(e -> "015".equals(e.cameo())),
                claim.events().toString());
        DocumentRecord denial = code("The ministry denied involvement in the attack on the convoy.");
        assertTrue(
                denial.events().stream().anyMatch(e -> "016".equals(e.cameo())),
                denial.events().toString());
        DocumentRecord bare = code("The spokesman admitted the mistake on Tuesday.");
        assertTrue(
                bare.events().stream().noneMatch(e -> "015".equals(e.cameo())),
                "a bare admission may be of anything: " + bare.events());
    }

    @Test
    void shopsLootedWithNoCrowdToldAreLootingNotARiot() {
        EventRecord e = only(code("Dozens of shops were looted in Durban overnight."), "PROTEST");
        assertEquals(acled("Strategic developments", "Looting/property destruction"), type(e));
    }

    @Test
    void anAngryMobBurningABuildingIsMobViolence() {
        EventRecord e = only(code("An angry mob torched a police station in Kano on Monday."), "COERCE");
        assertEquals(acled("Riots", "Mob violence"), type(e));
    }

    @Test
    void protestersClashingWithPoliceMakeADemonstrationViolent() {
        EventRecord e = only(
                code("Students marched through Caracas on Monday and later clashed with police near the university."),
                "PROTEST");
        assertEquals(acled("Riots", "Violent demonstration"), type(e));
    }

    @Test
    void militantsAttackingAnArmyPostFightABattle() {
        EventRecord e = only(code("Militants attacked an army checkpoint near Mogadishu on Sunday."), "ASSAULT");
        assertEquals(acled("Battles", "Armed clash"), type(e));
    }

    @Test
    void weaponsFoundByTheAuthoritiesAreDisruptedWeaponsUse() {
        EventRecord e =
                only(code("A large cache of rifles and grenades was found in a house in Jos, police said."), "COERCE");
        assertEquals(acled("Strategic developments", "Disrupted weapons use"), type(e));
    }

    @Test
    void troopsPullingOutOfATownTransferTerritory() {
        EventRecord e = only(code("Government troops withdrew from the town of Kidal on Monday."), "RETREAT");
        assertEquals(acled("Strategic developments", "Non-violent transfer of territory"), type(e));
    }

    @Test
    void fightersDefectingChangeTheirGroup() {
        EventRecord e =
                only(code("About 300 rebel fighters defected to the army in Unity State on Tuesday."), "RETREAT");
        assertEquals(acled("Strategic developments", "Change to group/activity"), type(e));
    }

    @Test
    void forceThatInjuresProtestersIsExcessive() {
        EventRecord hurt = only(
                code("Police fired tear gas at protesters in Khartoum on Monday, leaving dozens injured."), "COERCE");
        assertEquals(acled("Protests", "Excessive force against protesters"), type(hurt));
        EventRecord dispersed = only(code("Police fired tear gas at protesters in Khartoum on Monday."), "COERCE");
        assertEquals(acled("Protests", "Protest with intervention"), type(dispersed));
    }

    @Test
    void aBusPlungingIntoARiverIsAnAccident() {
        DocumentRecord r = code("Twelve passengers died when their bus plunged into a river in Kerala on Sunday.");
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
    }

    @Test
    void marchersTakingPartInAMarchAreItsSource() {
        EventRecord e =
                only(code("Thousands of farmers took part in a peaceful march through Nairobi on Monday."), "PROTEST");
        assertTrue(
                e.source().stream().anyMatch(s -> s.text() != null && s.text().contains("farmers")),
                e.source().toString());
        assertEquals(acled("Protests", "Peaceful protest"), type(e));
    }

    @Test
    void raidsToDetainActivistsAreArrests() {
        DocumentRecord r = code("Police conducted raids across Srinagar on Friday to detain separatist activists.");
        assertTrue(
                r.events().stream().anyMatch(e -> acled("Strategic developments", "Arrests")
                        .equals(type(e))),
                r.events().toString());
    }

    @Test
    void anAttackPlannedOrFoiledIsNoAttack() {
        DocumentRecord r = code("Police arrested six men over a foiled attack on the stadium in Kano.");
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
        only(r, "COERCE");
    }

    @Test
    void warehousesBurningInABlazeAreADisaster() {
        DocumentRecord r = code("Three warehouses burned in a blaze at the port in Chittagong on Sunday.");
        assertTrue(
                r.events().stream().noneMatch(e -> "1712".equals(e.cameo())),
                r.events().toString());
    }

    @Test
    void propertyBurntInAFireNoOneSetIsAnAccident() {
        DocumentRecord r =
                code("Two warehouses burned in a fire that broke out at the port in Mombasa on Friday night.");
        assertTrue(
                r.events().stream().noneMatch(e -> "1712".equals(e.cameo())),
                r.events().toString());
    }

    @Test
    void theCauseOfWhatIsToldIsBackground() {
        DocumentRecord closed =
                code("Schools in Rutshuru stayed shut on Monday because of fighting between rebels and the army.");
        assertTrue(
                closed.events().stream().anyMatch(e -> "ASSAULT".equals(e.plover())),
                "the cause of nothing else coded is the news: " + closed.events());
        DocumentRecord taken = code(
                "Eleven sailors were kidnapped as a result of a pirate attack on a cargo ship off Lagos on Monday.");
        assertEquals(
                acled("Violence against civilians", "Abduction/forced disappearance"), type(only(taken, "ASSAULT")));
        DocumentRecord toll =
                code("Three people were killed in Idlib as a result of the shelling by government forces.");
        assertEquals(
                acled("Explosions/Remote violence", "Shelling/artillery/missile attack"), type(only(toll, "ASSAULT")));
    }

    @Test
    void fightersSurrenderingAgree() {
        DocumentRecord r = code(
                "More than 80 rebel fighters surrendered to the army on Tuesday in the face of a government offensive.");
        assertEquals(acled("Strategic developments", "Agreement"), type(only(r, "RETREAT")));
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                "the offensive is why they surrendered: " + r.events());
    }

    @Test
    void whatAClaimOfResponsibilityTellsIsWhatIsClaimed() {
        DocumentRecord claim = code(
                "The Islamic State group claimed responsibility for a truck bomb at a market in Baghdad on Sunday that killed ten people and wounded 40 others.");
        assertTrue(
                claim.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                "the bombing and its toll are what is claimed: " + claim.events());
        DocumentRecord denial =
                code("The army denied accusations of shelling a school in Aleppo which killed 12 children.");
        assertTrue(
                denial.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                "the shelling and its toll are what is denied: " + denial.events());
    }

    @Test
    void fightingWithNoSideNamedIsABattle() {
        EventRecord e =
                only(code("Heavy fighting broke out near the airport in Marib on Sunday, officials said."), "ASSAULT");
        assertEquals(acled("Battles", "Armed clash"), type(e));
    }

    @Test
    void whatACrowdDemandsInTheStreetIsItsProtest() {
        DocumentRecord r =
                code("Thousands of protesters in Minsk demanded the release of political prisoners on Sunday.");
        assertTrue(
                r.events().stream()
                        .anyMatch(e -> acled("Protests", "Peaceful protest").equals(type(e))),
                r.events().toString());
    }

    @Test
    void rocketsFiredAtATownAreTheAttack() {
        DocumentRecord r = code(
                "One person was killed in the border town of Busia on Friday by rockets fired from across the border.");
        assertTrue(
                r.events().stream()
                        .anyMatch(e -> acled("Explosions/Remote violence", "Shelling/artillery/missile attack")
                                .equals(type(e))),
                r.events().toString());
    }

    @Test
    void arrestsDuringAProtestAreAnInterventionInIt() {
        DocumentRecord r = code("Police detained dozens of students during protests in Dhaka on Tuesday.");
        assertEquals(acled("Protests", "Protest with intervention"), type(only(r, "PROTEST")));
    }

    @Test
    void rebelsSeizingOilFieldsOvertakeTerritory() {
        EventRecord e = only(code("Rebel fighters seized two oil fields near Brega on Tuesday."), "ASSAULT");
        assertEquals("192", e.cameo()); // taking ground by force is a battle (CAMEO root 19), not policing
    }

    private static DocumentRecord.Acled acled(String type, String sub) {
        return new DocumentRecord.Acled(type, sub);
    }

    private static DocumentRecord.Acled type(EventRecord e) {
        return e.acled() == null
                ? null
                : new DocumentRecord.Acled(e.acled().eventType(), e.acled().subEventType());
    }
}
