package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.police;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * What a toll tells (issue 12, IndiaPoliceEvents KILL): the dead named in the plural with no number are some, not
 * none; an article still counts one across a quote mark; and a toll told of "the firing" in a later sentence is a
 * toll of the firing told before, by its agent. Sentences written for these tests; parses replayed from fixtures.
 */
class TollsFixtureTest {

    private static Object killed(DocumentRecord r) {
        return r.events().stream()
                .map(e -> e.counts().get("killed"))
                .filter(k -> k != null)
                .findFirst()
                .orElse(null);
    }

    @Test
    void theDeadInThePluralWithNoNumberAreSome() {
        assertEquals("some", killed(code("More villagers died in the police firing than in the riots.")));
        assertEquals(
                "some", killed(code("Asked how many students were killed in the police firing, he gave no figure.")));
        assertEquals("dozens", killed(code("Dozens of farmers were killed when soldiers fired on the march.")));
        assertEquals("several", killed(code("Troops killed several suspected smugglers near the border on Monday.")));
        // a number, when there is one, is the count
        assertEquals(3, killed(code("Troops killed three suspected smugglers near the border on Monday.")));
    }

    @Test
    void anArticleCountsOneAcrossAQuoteMark() {
        DocumentRecord r =
                code("The union condemned the constables who killed a \"Dalit leader in Bihar during a rally.");
        assertEquals(1, killed(r), r.events().toString());
    }

    @Test
    void aTollOfTheFiringToldLaterIsTheFiringsByItsAgent() {
        DocumentRecord r = code("Police opened fire on the crowd outside the mill. Two workers died in the firing.");
        EventRecord toll = r.events().stream()
                .filter(e -> e.sentence() == 1)
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.events().toString()));
        assertTrue(police(toll.source()), "who fired: " + toll.source());
        assertEquals(2, toll.counts().get("killed"));
        assertTrue(toll.rule().contains("agent of the act told before"), toll.rule());
        // with no toll, "the firing" is only the act told again
        DocumentRecord again = code("Police opened fire on the crowd outside the mill. The firing lasted an hour.");
        assertTrue(
                again.events().stream().noneMatch(e -> e.sentence() == 1),
                again.events().toString());
    }
}
