package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.countries;
import static org.sitrep.events.EventCodingFixtureTest.only;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * A report tells its news once (issue 11, PLOVER precision): a relative clause in the present says what a participant
 * is, the demand that was rejected is what the rejection is about, an appeal that goes on from the same speaker's
 * statement is part of it, what someone is arrested for is an allegation, and the days of fighting a truce came after
 * are its setting. Ground taken by force is a battle. Sentences written for these tests; parses replayed from fixtures.
 */
class StatementsOnceFixtureTest {

    private static boolean told(DocumentRecord r, String trigger) {
        return r.events().stream().anyMatch(e -> e.trigger().text().startsWith(trigger));
    }

    private static List<String> types(DocumentRecord r) {
        return r.events().stream().map(EventRecord::plover).toList();
    }

    // ---------------------------------------------------------------- relative clauses

    @Test
    void aPresentRelativeClauseDescribesAParticipant() {
        DocumentRecord r =
                code("Chile backed a United Nations resolution that seeks to impose an arms embargo on the junta.");
        assertFalse(told(r, "impose"), "what the resolution seeks is no act of its own: " + r.events());
        DocumentRecord wanted =
                code("Kenya granted asylum to forty Ugandan dissidents who are wanted at home on sedition charges.");
        assertEquals(List.of("AID"), types(wanted), wanted.events().toString());
    }

    @Test
    void aPastRelativeClauseStillTellsAnAct() {
        DocumentRecord r = code("Police in Nairobi arrested two men who attacked a bus on Monday.");
        assertTrue(told(r, "arrested"), r.events().toString());
        assertTrue(told(r, "attacked"), r.events().toString());
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void theRejectedDemandIsWhatTheRejectionIsAbout() {
        DocumentRecord r = code("Ghana rejected Togo's demand to close the border crossing at Aflao.");
        assertEquals(List.of("REJECT"), types(r), r.events().toString());
        assertEquals(Set.of("TGO"), countries(only(r, "REJECT").target()));
    }

    @Test
    void aDayBetweenTheVerbAndItsObjectLeavesTheObject() {
        DocumentRecord r = code("Peru rejected Monday a Bolivian appeal for talks on the river.");
        assertEquals(List.of("REJECT"), types(r), r.events().toString());
        assertEquals(Set.of("BOL"), countries(only(r, "REJECT").target()));
    }

    // ---------------------------------------------------------------- one statement

    @Test
    void anAppealThatGoesOnFromTheSameStatementIsPartOfIt() {
        DocumentRecord r = code("Tunisia rejected the Libyan peace plan, urging Tripoli to hold direct talks instead.");
        assertEquals(List.of("REJECT"), types(r), r.events().toString());
        DocumentRecord and =
                code("Norway praised the election in Malawi and urged the opposition to accept the results.");
        assertEquals(List.of("SUPPORT"), types(and), and.events().toString());
    }

    @Test
    void anOrderAfterAnArrivalIsItsOwnEvent() {
        DocumentRecord r = code("The police chief arrived at the scene and ordered officers to push the crowd back.");
        assertTrue(
                types(r).contains("REQUEST") || types(r).contains("COERCE"),
                r.events().toString());
    }

    @Test
    void anAppealBySomeoneElseIsItsOwnEvent() {
        DocumentRecord r =
                code("Norway praised the election in Malawi, and Zambia urged the opposition to accept the results.");
        assertTrue(types(r).contains("REQUEST"), r.events().toString());
    }

    // ---------------------------------------------------------------- allegations

    @Test
    void whatSomeoneIsArrestedForIsAnAllegation() {
        DocumentRecord r = code("Police in Lagos arrested a journalist for collaborating with the separatists.");
        assertEquals(List.of("COERCE"), types(r), r.events().toString());
    }

    @Test
    void whatADisapprovalIsWithIsWhatItIsAbout() {
        DocumentRecord r = code("The opposition expressed dissatisfaction with the interrogation of the suspects.");
        assertFalse(types(r).contains("COERCE"), r.events().toString());
        assertTrue(types(r).contains("ACCUSE"), r.events().toString());
    }

    // ---------------------------------------------------------------- setting and ground

    @Test
    void theDaysOfFightingATruceCameAfterAreItsSetting() {
        DocumentRecord r = code("The rebels declared a truce on Sunday after ten days of fighting with the army.");
        assertFalse(types(r).contains("ASSAULT"), r.events().toString());
        assertTrue(types(r).contains("RETREAT"), r.events().toString());
    }

    @Test
    void whatAnActCameADayAfterIsItsSetting() {
        DocumentRecord r = code("Canada announced a suspension of air links with Mali on Monday, one day after soldiers"
                + " stormed the presidential palace in Bamako.");
        assertEquals(List.of("SANCTION"), types(r), r.events().toString());
    }

    @Test
    void whatAStrikeProtestsIsItsGrievance() {
        DocumentRecord r = code(
                "Nurses in Harare began a hunger strike in protest of the government's refusal to raise their pay.");
        assertEquals(List.of("PROTEST"), types(r), r.events().toString());
    }

    @Test
    void groundTakenByForceIsAnAssault() {
        EventRecord e = only(code("Government troops captured the rebel stronghold of Kalemie on Friday."), "ASSAULT");
        assertEquals("192", e.cameo());
    }
}
