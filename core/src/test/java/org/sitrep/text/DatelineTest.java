package org.sitrep.text;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DatelineTest {

    @Test
    void aWireDatelineGivesCityCountryAndOutlet() {
        String text = "BASRA, Iraq, March 4 (Example Wire) - Iranian forces shelled three villages.";
        Dateline d = Dateline.find(text);
        assertEquals("BASRA", d.city());
        assertEquals("Iraq", d.country());
        assertEquals("Example Wire", d.outlet());
        assertEquals("Iranian forces", text.substring(d.end(), d.end() + 14));
    }

    @Test
    void datelinesComeInManyShapes() {
        assertEquals(
                "PORT SUDAN",
                Dateline.find("PORT SUDAN, Aug 16 (Horn Observer) - Sudan reopened")
                        .city());
        assertEquals("KHARTOUM", Dateline.find("KHARTOUM, May 2 - Police fired").city());
        assertEquals(
                "WASHINGTON",
                Dateline.find("WASHINGTON (Example Wire) -- The Pentagon said").city());
        assertEquals("KYIV", Dateline.find("  KYIV — Ukraine's army said").city());
        assertEquals(
                "ST. PETERSBURG",
                Dateline.find("ST. PETERSBURG, 3 June 2024 - Talks began").city());
        assertNull(Dateline.find("ABU DHABI, April 3 - Ministers met").country());
    }

    @Test
    void ordinaryOpeningsAreNotDatelines() {
        assertNull(Dateline.find("Hundreds of demonstrators stormed the embassy in Baghdad."));
        assertNull(Dateline.find("U.S. - China talks resumed on Monday."));
        assertNull(Dateline.find("NATO-led forces withdrew from the base."));
        assertNull(Dateline.find("The UN - which has 193 members - voted."));
        assertNull(Dateline.find(""));
    }

    @Test
    void blankingKeepsEveryOffset() {
        String text = "SEOUL, July 2 (Harbor Post) - North Korea fired shells.";
        Dateline d = Dateline.find(text);
        String blanked = d.blank(text);
        assertEquals(text.length(), blanked.length());
        assertTrue(blanked.substring(0, d.end()).isBlank());
        assertEquals(text.indexOf("North"), blanked.indexOf("North"));
    }
}
