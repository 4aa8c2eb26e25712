package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;
import static org.sitrep.events.EventCodingFixtureTest.police;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * Who is told to have done an act when the text names them indirectly (issue 12, IndiaPoliceEvents): quotes marked
 * with the mixed pairs of copy that went through several systems, a surname after an honorific, the light verb that
 * describes an act, and police units South Asian news names by their initials. Sentences written for these tests;
 * parses replayed from fixtures.
 */
class AttributionFixtureTest {

    @Test
    void mixedQuoteMarksStillMarkAQuote() {
        DocumentRecord r =
                code("“We have detained six youths who threw stones at the bus,’’ the police commissioner said.");
        EventRecord e = only(r, "COERCE");
        assertTrue(police(e.source()), "\"we\" in the commissioner's mouth is the police: " + e.source());
        // a doubled apostrophe before a letter is a possessive, not the end of the quote
        DocumentRecord possessive =
                code("“The district''s police have detained nine men for the arson,’’ the inspector said on Friday.");
        assertTrue(
                possessive.quotes().stream().anyMatch(q -> q.text().endsWith("for the arson,")),
                possessive.quotes().toString());
    }

    @Test
    void anHonorificAndASurnameNameThePersonNamedInFullBefore() {
        DocumentRecord r =
                code("Police commissioner Anil Verma visited the old city on Sunday. “We have arrested twelve"
                        + " looters in the market area,’’ Mr Verma told reporters.");
        EventRecord e = only(r, "COERCE");
        assertTrue(police(e.source()), e.source().toString());
    }

    @Test
    void theLightVerbDescribingAnActNamesItsDoer() {
        DocumentRecord r =
                code("Traders in the market were angry about the arrests made by the railway police on Thursday.");
        EventRecord e = java.util.stream.Stream.concat(r.events().stream(), r.nonEvents().stream())
                .filter(x -> "COERCE".equals(x.plover()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.toString()));
        assertTrue(
                e.source().stream().anyMatch(s -> s.text() != null && s.text().contains("railway police")),
                e.source().toString());
    }

    @Test
    void theCidAndIpsOfficersArePolice() {
        assertTrue(police(only(code("The CID arrested two clerks for forging land records."), "COERCE")
                .source()));
        assertTrue(police(only(code("Two IPS officers arrested the contractor at the airport."), "COERCE")
                .source()));
    }
}
