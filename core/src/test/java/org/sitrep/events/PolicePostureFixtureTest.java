package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.police;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * What police and security forces do as Indian English local news tells it, in lower case as some archives keep it:
 * a watch or vigil kept, security or surveillance stepped up, security arrangements ("bandobast") made, cordons and
 * barricades, guards, forces despatched, called in or pressed into service, cases registered, persons booked or picked
 * up, arms recovered, firing in the air. Each act is coded with the police as its source, named or implied. Sentences
 * written for these tests; parses replayed from fixtures.
 */
class PolicePostureFixtureTest {

    /** The event coded {@code cameo}, done, with the police as its source. */
    private static EventRecord policeAct(String text, String cameo) {
        DocumentRecord r = code(text);
        EventRecord e = r.events().stream()
                .filter(x -> cameo.equals(x.cameo()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + cameo + " event in " + r.events()));
        assertTrue(police(e.source()), "the police did it: " + e.source());
        assertEquals("actual", e.modality(), e.toString());
        return e;
    }

    @Test
    void keepingACloseWatchRaisesThePoliceAlert() {
        policeAct("the police are keeping a close watch on the bus depots in nagpur.", "151");
        policeAct("the police maintained a close watch on the bus depots in nagpur.", "151");
    }

    @Test
    void aVigilKeptByConstablesRaisesThePoliceAlert() {
        policeAct("armed constables maintained a strict vigil outside the temple in ujjain on monday.", "151");
    }

    @Test
    void surveillanceSteppedUpIsThePolicesWhoeverIsNotNamed() {
        policeAct("surveillance has been stepped up along the highway near indore.", "151");
        policeAct("the district police stepped up surveillance along the highway near indore.", "151");
    }

    @Test
    void securityBeefedUpReadsLikeBeefingUpSecurity() {
        policeAct("security has been beefed up at all the railway stations of pune.", "151");
    }

    @Test
    void securityArrangementsMadeAreThePolices() {
        policeAct("tight security arrangements have been made for the fair in nashik.", "151");
    }

    @Test
    void aBandobastIsThePolicesSecurityArrangement() {
        policeAct("the police made an elaborate bandobast near the stadium in kanpur.", "151");
    }

    @Test
    void guardsAndCordonsArePoliceActs() {
        policeAct("constables were guarding the collector's office in jalgaon on tuesday.", "151");
        policeAct("the police threw a cordon around the hostel in aligarh.", "191");
        policeAct("policemen put up barricades on the roads leading to the court in patna.", "144");
    }

    @Test
    void forcesDespatchedCalledInOrPressedIntoServiceAreTheirOwnAgents() {
        policeAct("more policemen were despatched to malegaon from the district headquarters.", "153");
        policeAct("the rapid action force was called in after stone pelting in bareilly.", "153");
        policeAct("home guards were pressed into service to manage the crowds in haridwar.", "153");
    }

    @Test
    void theArmyCalledOutIsTheArmysMobilisation() {
        DocumentRecord r = code("the army was called out in three towns of assam on friday.");
        EventRecord e = r.events().stream()
                .filter(x -> "154".equals(x.cameo()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.events().toString()));
        assertTrue(
                e.source().stream().anyMatch(s -> s.sectors().contains("MIL")),
                e.source().toString());
    }

    @Test
    void aCaseRegisteredIsOpenedByThePoliceAndAPersonBookedIsCharged() {
        // registering a case (an FIR) opens it, like lodging one: no arrest, which the news tells apart
        policeAct("a case has been registered against the shopkeeper in rewa.", "115");
        policeAct("the police registered a case of rioting against forty villagers on friday.", "115");
        policeAct("the shopkeeper was booked for cheating in satna.", "173");
        policeAct("two youths were picked up from their homes in bhiwandi on sunday night.", "173");
    }

    @Test
    void armsRecoveredFromSuspectsAreSeized() {
        policeAct("police recovered two swords and a knife from them in godhra.", "1711");
        policeAct("a pistol and six cartridges were recovered from his possession in meerut.", "1711");
    }

    @Test
    void recoveringFromInjuriesSeizesNothing() {
        DocumentRecord r = code("the constable is recovering from his injuries in a hospital in delhi.");
        assertTrue(
                r.events().stream().noneMatch(e -> e.cameo().startsWith("171")),
                r.events().toString());
    }

    @Test
    void aNameInAnFirIsAnAccusationNotAnArrest() {
        DocumentRecord r = code("three traders have been named in the fir in agra.");
        assertTrue(
                r.events().stream().noneMatch(e -> e.cameo().startsWith("173")),
                r.events().toString());
    }

    @Test
    void firingInTheAirToScatterAMobIsRepression() {
        policeAct("the police opened fire in the air to scatter the mob in baroda.", "175");
    }

    @Test
    void checksSealsQuestioningAndChasingAwayArePoliceActs() {
        policeAct("all vehicles entering the town were checked at the pickets near sagar.", "151");
        policeAct("the police sealed the office of the trust in bhopal on monday.", "1711");
        policeAct("the police questioned the two suspects for several hours in gwalior.", "173");
        policeAct("the police chased away the stone pelters near the bus stand in dewas.", "175");
    }

    @Test
    void aPoliceTeamRushedToTheSpotSendsItself() {
        policeAct("a police team rushed to the spot in ratlam and brought the situation under control.", "153");
    }

    @Test
    void aPoliceCompanyRequisitionedIsMobilisedNotSeized() {
        policeAct("a state reserve police company has been requisitioned for the fair in anand.", "153");
    }

    @Test
    void relativesKeepingVigilAtABedsideRaiseNoAlert() {
        DocumentRecord r = code("relatives kept vigil outside the hospital in kochi through the night.");
        assertTrue(
                r.events().stream().noneMatch(e -> e.cameo().startsWith("15")),
                r.events().toString());
    }
}
