package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;
import static org.sitrep.events.EventCodingFixtureTest.countries;
import static org.sitrep.events.EventCodingFixtureTest.only;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sitrep.CoreNlpSuite;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.sources.Document;

/**
 * End to end over the live CoreNLP: a few checks that the real parser, the dateline and SUTime's anchoring reach the
 * coder as the fixtures say. The coding behaviour itself is tested over fixtures in {@link EventCodingFixtureTest}.
 */
@Tag("corenlp")
class EventCodingTest {

    static DocumentRecord code(String text) {
        return code(text, "2021-06-15");
    }

    static DocumentRecord code(String text, String published) {
        Document d = Document.of("t", text, published);
        return CoreNlpSuite.pipeline().code(d);
    }

    @Test
    void anActiveVerbTakesItsSubjectAsSourceAndObjectAsTarget() {
        EventRecord e = only(code("Israeli troops shelled two Palestinian villages near Hebron on Monday."), "ASSAULT");
        assertEquals(Set.of("ISR"), countries(e.source()));
        assertEquals(Set.of("PSE"), countries(e.target()));
        assertEquals("shelled", e.trigger().text());
        assertEquals("Hebron", e.location().name());
        assertEquals("2021-06-14", e.date().value());
        assertEquals("text", e.date().from());
    }

    @Test
    void aWireDatelineIsNeitherActorNorSourceButHintsAtThePlace() {
        DocumentRecord r = code(
                "BAMAKO, June 14 (Example Wire) - Malian soldiers arrested twelve opposition activists on Monday, witnesses said.");
        EventRecord e = only(r, "COERCE");
        assertEquals(Set.of("MLI"), countries(e.source()));
        assertFalse(e.evidence().contains("BAMAKO"), e.evidence());
        assertTrue(
                e.attribution() == null || !e.attribution().text().contains("BAMAKO"), String.valueOf(e.attribution()));
        assertEquals("Bamako", e.location().name(), "no place in the sentence: where the story was filed");
        assertTrue(
                r.actors().stream().noneMatch(x -> x.text().contains("BAMAKO")),
                r.actors().toString());
    }

    @Test
    void relativeDatesAreAnchoredOnThePublicationDate() {
        DocumentRecord r = code(
                "Turkish troops shelled Kurdish positions two weeks ago. Syrian rebels attacked an army post last Thursday.",
                "2022-01-10");
        List<EventRecord> assaults =
                r.events().stream().filter(e -> "ASSAULT".equals(e.plover())).toList();
        assertEquals(2, assaults.size(), r.events().toString());
        assertEquals("2021-12-27", assaults.get(0).date().value());
        assertEquals("2022-01-06", assaults.get(1).date().value());
        assertEquals("text", assaults.get(1).date().from());
    }
}
