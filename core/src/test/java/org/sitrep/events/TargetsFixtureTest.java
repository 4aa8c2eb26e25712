package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.countries;
import static org.sitrep.events.EventCodingFixtureTest.only;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

/**
 * Whom an act is aimed at when the object is not a plain actor (issue 11, roles): the object after a time word,
 * partners named together inside the object's phrase, the one a threat's condition names, the enemy forces are
 * mobilised against, and what a protest defies. Sentences written for these tests; parses replayed from fixtures.
 */
class TargetsFixtureTest {

    private static EventRecord byTrigger(DocumentRecord r, String trigger) {
        return r.events().stream()
                .filter(e -> e.trigger().text().startsWith(trigger))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event at '" + trigger + "' in " + r.events()));
    }

    @Test
    void anObjectAfterATimeWordIsStillTheObject() {
        EventRecord e = byTrigger(
                code("Jordan again rejected Monday an Arab League appeal for sending troops to the border."),
                "rejected");
        assertEquals(Set.of("JOR"), countries(e.source()));
        assertTrue(
                e.target().stream().anyMatch(t -> "IGOARL".equals(t.code())),
                e.target().toString());
    }

    @Test
    void partnersNamedTogetherInsideTheObjectAreAllTargets() {
        EventRecord e = only(
                code("Iran threatened to cut off trade with Norway and Denmark over their support for the sanctions."),
                "THREATEN");
        assertEquals(Set.of("NOR", "DNK"), countries(e.target()));
    }

    @Test
    void aThreatIsAimedAtWhomItsConditionNames() {
        EventRecord e = byTrigger(
                code("Syrian farmers threatened to block the roads unless Jordan reopened the crossing."),
                "threatened");
        assertEquals(Set.of("SYR"), countries(e.source()));
        assertEquals(Set.of("JOR"), countries(e.target()));
    }

    @Test
    void aThreatenedActThatNamesItsTargetKeepsItWhateverTheConditionNames() {
        EventRecord e = byTrigger(
                code("Kenyan militants threatened to attack army posts in Lamu if their commanders were arrested."),
                "threatened");
        assertEquals(Set.of("KEN"), countries(e.target()));
        assertTrue(e.target().stream().anyMatch(m -> m.text().contains("army")), () -> e.target()
                .toString());
    }

    @Test
    void forcesMobilisedForAWarAreAimedAtTheEnemyNotAtThemselves() {
        EventRecord e =
                only(code("France mobilized naval reservists for a possible war against Libya on Monday."), "MOBILIZE");
        assertEquals(Set.of("FRA"), countries(e.source()));
        assertEquals(Set.of("LBY"), countries(e.target()));
    }

    @Test
    void aProtestInDefianceOfAForeignPowerIsAimedAtIt() {
        EventRecord e = only(
                code("Thousands of Tibetans marched in Kathmandu in defiance of Chinese authorities on Saturday."),
                "PROTEST");
        assertEquals(Set.of("CHN"), countries(e.target()), e.target().toString());
    }

    @Test
    void aProtestAgainstAbusesByTheirDoersIsAimedAtThem() {
        EventRecord e = only(
                code("A jailed lawyer began a hunger strike on Monday in protest against abuses by Turkish police."),
                "PROTEST");
        assertEquals(Set.of("TUR"), countries(e.target()), e.target().toString());
    }

    @Test
    void aidAgreedGoesToItsRecipients() {
        EventRecord e = byTrigger(
                code("Norway agreed on Monday to send 40 million dollars in food aid to Sudan and Chad."), "agreed");
        assertEquals(Set.of("NOR"), countries(e.source()));
        assertEquals(Set.of("SDN", "TCD"), countries(e.target()));
    }

    @Test
    void aComplaintIsAimedAtWhomItIsAboutNotAtWhomItIsMadeTo() {
        EventRecord e =
                only(code("Egypt complained to the Arab League about Libyan attacks on its border posts."), "ACCUSE");
        assertEquals(Set.of("EGY"), countries(e.source()));
        assertEquals(Set.of("LBY"), countries(e.target()), e.target().toString());
    }

    @Test
    void arrestsByTheStateAtHomeAreOfItsPeopleWhenNoOneIsNamed() {
        EventRecord e = byTrigger(
                code("Kenyan police fired tear gas at striking teachers on Tuesday, injuring three and arresting 20."),
                "arresting");
        assertEquals(Set.of("KEN"), countries(e.source()));
        assertTrue(
                e.target().stream().allMatch(t -> t.inferred() && t.text() == null),
                e.target().toString());
        assertEquals(Set.of("KEN"), countries(e.target()));
    }

    @Test
    void aCountryMarkingACurrencyIsNeitherAPlaceNorAnActor() {
        DocumentRecord r =
                code("The former minister was accused of stealing US $20 million by Kenyan prosecutors on Friday.");
        assertTrue(
                r.places().stream().noneMatch(p -> "USA".equals(p.country())),
                r.places().toString());
        for (EventRecord e : r.events()) {
            assertFalse(countries(e.source()).contains("USA"), e.toString());
            assertFalse(countries(e.target()).contains("USA"), e.toString());
        }
    }
}
