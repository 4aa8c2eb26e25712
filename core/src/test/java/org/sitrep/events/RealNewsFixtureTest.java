package org.sitrep.events;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;

/**
 * Real news as it is written (issue 11): events whose agent is not named, agents implied by convention, and
 * contexts that need more than one word. Sentences written for these tests; parses replayed from fixtures.
 */
class RealNewsFixtureTest {

    @Test
    void anEventWithNoAgentNamedStaysAnEvent() {
        DocumentRecord r = code("Gunfire near the market in Jos left nine villagers dead on Sunday.");
        EventRecord e = only(r, "ASSAULT");
        assertTrue(e.source().isEmpty(), "nobody is named as shooting: " + e.source());
        assertTrue(r.nonEvents().stream().noneMatch(n -> "ASSAULT".equals(n.plover())));
    }

    @Test
    void aPassiveArrestImpliesThePoliceOfThePlace() {
        EventRecord e = only(code("More than forty people were arrested in Nairobi after the march on Tuesday."), "COERCE");
        assertEquals(1, e.source().size());
        DocumentRecord.Side police = e.source().get(0);
        assertNull(police.text(), "the implied agent has no words in the text");
        assertTrue(police.inferred());
        assertTrue(police.sectors().contains("COP"));
        assertEquals("KEN", police.country());
        assertTrue(e.rule().endsWith("+ implied agent"), e.rule());
    }

    @Test
    void aNamedAgentIsNeverReplacedByAnImpliedOne() {
        EventRecord e = only(code("Soldiers arrested twelve traders in Kano on Monday."), "COERCE");
        assertFalse(e.rule().contains("implied agent"), e.rule());
        assertTrue(e.source().stream().allMatch(s -> s.text() != null));
    }

    @Test
    void anAgentlessEventMentionedInPassingIsNotCounted() {
        DocumentRecord r = code("The minister visited Kharkiv after the clashes, officials said.");
        assertTrue(r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())), r.events().toString());
    }

    @Test
    void oneWordDoesNotMakeASentenceAboutCrime() {
        EventRecord arrest = only(code("Police arrested three opposition activists in Harare on Friday."), "COERCE");
        assertFalse(arrest.contexts().contains("crime"), arrest.contexts().toString());
        EventRecord cartel = only(code("Police arrested three members of a drug cartel in Culiacan on Friday."), "COERCE");
        assertTrue(cartel.contexts().contains("crime"), cartel.contexts().toString());
    }
}
