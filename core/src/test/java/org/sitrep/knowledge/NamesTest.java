package org.sitrep.knowledge;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void apostrophesHyphensDiacriticsAndCaseDoNotMatter() {
        assertEquals(Names.key("Kata'ib Hezbollah"), Names.key("Kata’ib-Hezbollah"));
        assertEquals(Names.key("Kataib Hezbollah"), Names.key("KATA'IB HEZBOLLAH"));
        assertEquals(Names.key("Erdogan"), Names.key("Erdoğan"));
        assertEquals(Names.key("U.S."), Names.key("US"));
    }

    @Test
    void shortAllCapitalAliasesNeedCapitalsInTheText() {
        assertTrue(Names.needsCapitals("US"));
        assertTrue(Names.needsCapitals("U.S."));
        assertFalse(Names.needsCapitals("Iraq"));
        assertFalse(Names.needsCapitals("NATO members"));
    }
}
