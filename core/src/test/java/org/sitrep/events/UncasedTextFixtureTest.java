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
 * Text that lost its capitals (issue 11): all lower case, all capitals, an all-capitals headline over a cased
 * story. It is truecased before names, places and countries are matched, while what the record quotes and every
 * offset stay those of the text as written. Sentences written for these tests; parses replayed from fixtures.
 */
class UncasedTextFixtureTest {

    @Test
    void lowerCaseTextFindsItsPlaceAndThePoliceOfThatCountry() {
        String text = "police fired at the mob in ahmedabad on monday.";
        DocumentRecord r = code(text);
        EventRecord e = only(r, "COERCE");
        assertEquals("INDCOP", e.source().get(0).code());
        assertEquals("Ahmedabad", e.location().name());
        assertEquals("IND", e.location().country());
        assertEquals(text, e.evidence(), "the evidence is the sentence as written");
        assertTrue(e.trigger().text().startsWith("fired"), e.trigger().text());
        assertEquals(
                e.trigger().text(),
                text.substring(e.trigger().start(), e.trigger().end()),
                "trigger offsets point into the text as written");
        assertEquals("2021-06-14", e.date().value(), "\"monday\" is a day once truecased");
    }

    @Test
    void aPoliceForceNamedAfterItsCityIsStillThePolice() {
        EventRecord e = only(code("the ahmedabad police have banned pillion riding in the city."), "COERCE");
        assertEquals(
                List.of("COP"),
                e.source().get(0).sectors(),
                "truecased to \"the Ahmedabad Police\", not an unknown name: " + e.source());
    }

    @Test
    void textInCapitalsIsReadAsNewsIsWritten() {
        DocumentRecord r = code("POLICE ARRESTED TWELVE OPPOSITION ACTIVISTS IN NAIROBI ON FRIDAY.");
        EventRecord e = only(r, "COERCE");
        assertEquals(Set.of("KEN"), countries(e.source()));
        assertEquals("Nairobi", e.location().name());
        assertTrue(
                r.actors().stream().noneMatch(a -> a.code() != null && a.code().startsWith("USA")),
                "\"US\" is not in the text: " + r.actors());
    }

    @Test
    void aHeadlineInCapitalsIsTruecasedAndTheCasedStoryIsNot() {
        String text = "TURKISH JETS STRIKE KURDISH POSITIONS IN NORTHERN IRAQ\n"
                + "The strikes hit villages near Amadiya on Sunday, local officials said.";
        DocumentRecord r = code(text, "2021-06-14");
        assertTrue(r.places().stream().anyMatch(p -> p.name().equals("Iraq")), "the headline's place: " + r.places());
        EventRecord headline = r.events().stream()
                .filter(e -> e.sentence() == 0 && "ASSAULT".equals(e.plover()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no attack coded in the headline: " + r.events()));
        assertEquals(Set.of("TUR"), countries(headline.source()));
        assertEquals(
                "STRIKE",
                text.substring(headline.trigger().start(), headline.trigger().end()),
                "offsets point into the text as written");
    }
}
