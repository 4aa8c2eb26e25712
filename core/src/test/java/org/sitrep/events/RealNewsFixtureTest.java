package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.code;
import static org.sitrep.events.EventCodingFixtureTest.only;

import org.junit.jupiter.api.Test;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;

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
    void anExplosionAtAFactoryWithNoWordOfAnAttackIsAnAccident() {
        DocumentRecord r = code("A boiler exploded at a sugar mill near Kolhapur on Friday, killing four workers.");
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
        assertTrue(
                r.nonEvents().stream()
                        .anyMatch(n -> n.note() != null && n.note().startsWith("an accidental explosion")),
                r.nonEvents().toString());
        // a bomb at the same kind of site is an attack, and so is a blast with no site named
        assertEquals(
                "ASSAULT",
                only(code("A bomb exploded at a sugar mill near Kolhapur on Friday, killing four workers."), "ASSAULT")
                        .plover());
        only(code("An explosion near the bus station in Quetta killed four people on Friday."), "ASSAULT");
    }

    @Test
    void aPlaceWordInsideAKnownNameIsNoPlace() {
        // "Lok" is a village in Serbia and "Sabha" a city in Libya; the Lok Sabha is India's lower house
        DocumentRecord r = code(
                "replying to a debate in the lok sabha, the home minister said 40 people were arrested on tuesday.",
                "2002-03-02");
        EventRecord e = only(r, "COERCE");
        assertNull(e.location(), "no place is named: " + e.location());
        assertEquals("IND", e.source().get(0).country(), e.source().toString());
    }

    @Test
    void aPassiveArrestImpliesThePoliceOfThePlace() {
        EventRecord e =
                only(code("More than forty people were arrested in Nairobi after the march on Tuesday."), "COERCE");
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
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
    }

    @Test
    void oneWordDoesNotMakeASentenceAboutCrime() {
        EventRecord arrest = only(code("Police arrested three opposition activists in Harare on Friday."), "COERCE");
        assertFalse(arrest.contexts().contains("crime"), arrest.contexts().toString());
        EventRecord cartel =
                only(code("Police arrested three members of a drug cartel in Culiacan on Friday."), "COERCE");
        assertTrue(cartel.contexts().contains("crime"), cartel.contexts().toString());
    }

    @Test
    void aTollWithNoAgentIsTheTollOfTheActItsSentenceTells() {
        DocumentRecord r =
                code("Four demonstrators were killed in Khartoum on Thursday after soldiers opened fire on the march.");
        EventRecord e = only(r, "ASSAULT");
        assertTrue(
                e.source().stream().anyMatch(s -> "soldiers".equals(s.text())),
                e.source().toString());
        assertEquals(4, e.counts().get("killed"));
        assertTrue(
                e.target().stream().anyMatch(s -> s.text() != null && s.text().contains("demonstrators")),
                e.target().toString());
        assertEquals(
                new DocumentRecord.Acled("Protests", "Excessive force against protesters"), withoutRule(e.acled()));
    }

    @Test
    void everyEventCarriesTheAcledTypeOfWhatHappened() {
        assertEquals(
                new DocumentRecord.Acled("Battles", "Armed clash"),
                withoutRule(only(code("Troops clashed with Islamist militants near Mopti on Saturday."), "ASSAULT")
                        .acled()));
        EventRecord seizure =
                only(code("Police seized a cache of rifles and ammunition in Mombasa on Monday."), "COERCE");
        assertEquals(
                new DocumentRecord.Acled("Strategic developments", "Disrupted weapons use"),
                withoutRule(seizure.acled()));
        assertTrue(
                seizure.acled().rule().startsWith("events/acled.tsv:"),
                "the rule that typed it: " + seizure.acled().rule());
        EventRecord talks = only(code("The foreign ministers of Peru and Chile met in Lima on Friday."), "CONSULT");
        assertNull(talks.acled(), "ACLED does not code talks");
    }

    @Test
    void aTollOfNatureIsNoActOfViolence() {
        DocumentRecord r = code("Nine people were killed when a landslide buried houses near Kigali on Sunday.");
        assertTrue(
                r.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                r.events().toString());
        assertTrue(
                r.nonEvents().stream()
                        .anyMatch(e -> "ASSAULT".equals(e.plover())
                                && e.note() != null
                                && e.note().contains("disaster")),
                r.nonEvents().toString());
    }

    @Test
    void aPlannedAttackIsNotAnEventButAVowIs() {
        DocumentRecord planned = code("A bombing of the stadium in Kano had been planned for Friday, police said.");
        assertTrue(
                planned.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                planned.events().toString());
        assertTrue(
                planned.nonEvents().stream()
                        .anyMatch(e -> "ASSAULT".equals(e.plover()) && "intended".equals(e.modality())),
                planned.nonEvents().toString());
        DocumentRecord vowed = code("The rebel commander vowed to attack the town of Beni on Monday.");
        only(vowed, "THREATEN"); // the vow happened
        assertTrue(
                vowed.events().stream().noneMatch(e -> "ASSAULT".equals(e.plover())),
                "the attack it announces did not");
    }

    @Test
    void aSeriesOfActsIsDoneByWhoeverCarriesItOut() {
        EventRecord raids = only(
                code("Russian warplanes carried out a series of airstrikes on rebel positions near Idlib on Tuesday."),
                "ASSAULT");
        assertTrue(
                raids.source().stream().anyMatch(s -> "RUS".equals(s.country())),
                raids.source().toString());
    }

    private static DocumentRecord.Acled withoutRule(DocumentRecord.Acled a) {
        return a == null ? null : new DocumentRecord.Acled(a.eventType(), a.subEventType());
    }
}
