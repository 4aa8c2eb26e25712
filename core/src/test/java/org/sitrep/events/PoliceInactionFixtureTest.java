package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;
import static org.sitrep.events.EventCodingFixtureTest.police;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;

/**
 * Police who did not act, as news tells it (issue 11): a particle verb ("stood by"), copular phrases ("nowhere to be
 * seen", "conspicuous by their absence"), a negated intervention or protection; what did not happen keeps its own
 * sentence; a "while" clause tells a second act; a unit of a force is that force. Sentences written for these tests;
 * parses replayed from fixtures.
 */
class PoliceInactionFixtureTest {

    /** A police act that did not happen (failed or negated), told in sentence {@code sentence}. */
    private static boolean policeDidNotAct(DocumentRecord r, int sentence) {
        return r.nonEvents().stream()
                .anyMatch(n -> ("failed".equals(n.polarity()) || "negated".equals(n.polarity()))
                        && police(n.source())
                        && n.sentence() == sentence);
    }

    @Test
    void policeWhoStoodByFailedToAct() {
        DocumentRecord r = code("The police stood by while the mob looted the shops in Baroda on Friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
        assertTrue(
                r.events().stream().noneMatch(e -> "SUPPORT".equals(e.plover())),
                r.events().toString());
    }

    @Test
    void policeWhoStoodByAtTheEndOfTheSentenceFailedToAct() {
        DocumentRecord r = code("Houses were burnt in three villages near Anand as the police stood by.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void standingByAnAllyIsSupport() {
        only(code("Japan stood by its ally after the vote in Geneva on Monday."), "SUPPORT");
    }

    @Test
    void policeWhoLookedOnFailedToAct() {
        DocumentRecord r = code("The constables looked on as the mob torched a bus in Kota on Sunday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeNowhereToBeSeenFailedToAct() {
        DocumentRecord r = code("The police were nowhere to be seen when the shops burned in Nadiad on Friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeConspicuousByTheirAbsenceFailedToAct() {
        DocumentRecord r = code("The police were conspicuous by their absence when the shops were looted in Anand.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void aForceConspicuousByItsAbsenceInLowerCaseFailedToAct() {
        DocumentRecord r =
                code("police was conspicuous by its absence as the mob looted the shops in surat on friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void theFailureOfThePoliceToBringThemToBookIsTheirs() {
        DocumentRecord r =
                code("residents are angry over the failure of the police to bring the rioters to book in godhra.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoDidNotInterveneDidNotAct() {
        DocumentRecord r = code("The police did not intervene when the mob set fire to the shops in Rajkot.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void peopleTheyDidNotProtectWereNotProtected() {
        DocumentRecord r = code("The villagers of Ode say they were not protected by the police during the riots.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void forcesOfWhichNeitherWasSentWereNotSent() {
        DocumentRecord r = code("Neither the police nor the army was deployed to control the riots in Mehsana.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
        assertTrue(
                r.events().stream().noneMatch(e -> "MOBILIZE".equals(e.plover())),
                r.events().toString());
    }

    @Test
    void eachSentenceThatTellsOfInactionKeepsIt() {
        DocumentRecord r = code("The policemen stood as mute spectators while the mob set fire to shops in Surat. "
                + "Traders later blamed the failure of the police to protect the market.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
        assertTrue(policeDidNotAct(r, 1), "the failure is told in its own sentence: " + r.nonEvents());
    }

    @Test
    void whatThePoliceDidWhileTheMobBurntHousesIsAnActOfItsOwn() {
        DocumentRecord r = code("The rioters burnt the houses while the police fired in the air in Nadiad.");
        assertTrue(
                r.events().stream()
                        .anyMatch(e -> police(e.source()) && e.cameo().startsWith("175")),
                r.events().toString());
    }

    @Test
    void companiesOfAPoliceForceAreThatForce() {
        DocumentRecord r = code("Two companies of the State Reserve Police were rushed to Godhra on Sunday.");
        DocumentRecord.EventRecord e = only(r, "MOBILIZE");
        List<DocumentRecord.Side> sides = new java.util.ArrayList<>(e.source());
        sides.addAll(e.target());
        assertTrue(police(sides), sides.toString());
        assertTrue(sides.stream().noneMatch(s -> s.sectors().contains("BUS")), sides.toString());
    }

    @Test
    void lapsesOnThePartOfThePoliceAreTheirs() {
        DocumentRecord r = code("Residents blamed the riots on lapses on the part of the city police in Surat.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void theApathyOfAnAdministrationIsAlsoThatOfThePoliceItSinglesOut() {
        DocumentRecord r = code("What angered the traders most was the apathy of the district administration, "
                + "especially the police, during the riots in Anand.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void theNegligenceOfThePoliceIsTheirs() {
        DocumentRecord r =
                code("Relatives criticised the negligence of the police in protecting the colony in Naroda.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoWereSluggishFailedToAct() {
        DocumentRecord r = code("The police were sluggish in their response to the riots in Vadodara.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoWereSlowToReactFailedToAct() {
        DocumentRecord r = code("The constables were slow to react when the mob set fire to shops in Kalol.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoDidLittleFailedToAct() {
        DocumentRecord r = code("The policemen did little to help the families in Himmatnagar on Friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeInterventionThatNeverCameDidNotHappen() {
        DocumentRecord r = code("The villagers waited for police intervention that never came in Sardarpur.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeHelpThatDidNotComeWasNotGiven() {
        DocumentRecord r = code("No police help came to the colony in Ode on Friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeInterventionThatCameIsAnAct() {
        DocumentRecord r = code("After police intervention, the crowd dispersed in Rajkot on Sunday.");
        assertFalse(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoTurnedADeafEarFailedToAct() {
        DocumentRecord r = code("The police turned a deaf ear to the pleas of the residents in Dahod.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoWatchedHelplesslyFailedToAct() {
        DocumentRecord r = code("The constables watched helplessly as the mob torched the shops in Modasa.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoFailedToStopTheViolenceFailedToAct() {
        DocumentRecord r = code("The police failed to stop the violence in Viramgam on Thursday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void inactionDeniedIsNoFailureAndNoAct() {
        for (String text : List.of(
                "The minister said there was no lapse on the part of the police in Kalol.",
                "The constables in Modasa were not slow to react.")) {
            DocumentRecord r = code(text);
            assertFalse(policeDidNotAct(r, 0), text + " " + r.nonEvents());
            assertTrue(r.events().stream().noneMatch(e -> police(e.source())), text + " " + r.events());
        }
    }

    @Test
    void policeWhoDidNotLiftAFingerDidNotAct() {
        DocumentRecord r = code("The police did not lift a finger to save the houses in Sanjeli.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoMadeNoAttemptFailedToAct() {
        DocumentRecord r = code("The police made no attempt to stop the mob in Lunawada on Friday.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoTookNoActionAgainstRiotersDidNotAct() {
        DocumentRecord r = code("The police took no action against the rioters in Bayad.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
        assertTrue(
                r.events().stream().noneMatch(e -> police(e.source())),
                r.events().toString());
    }

    @Test
    void policemenWhoWereHelplessFailedToAct() {
        DocumentRecord r = code("The policemen were helpless as the mob burnt the shops in Halol.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeWhoDidNotRespondToCallsForHelpDidNotAct() {
        DocumentRecord r = code("The police did not respond to repeated calls for help from Pandarwada.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void theIndifferenceOfABodyTheCoderDoesNotKnowIsThatOfThePoliceItSinglesOut() {
        DocumentRecord r = code("The shopkeepers were most upset by the indifference of the civic bureaucracy, "
                + "especially the police, during the riots in Kalol.");
        assertTrue(policeDidNotAct(r, 0), r.nonEvents().toString());
    }

    @Test
    void policeInterventionSoughtIsARequestNotAPoliceAct() {
        DocumentRecord r = code("The residents sought police intervention in the land dispute in Kalol.");
        assertTrue(
                r.events().stream().noneMatch(e -> police(e.source())),
                r.events().toString());
        only(r, "REQUEST");
    }
}
