package org.sitrep.knowledge;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodebookTest {
    static final Codebook CODEBOOK = Codebook.load(KnowledgeFiles.builtIn());

    @Test
    void everyCameoRootIsThereWithItsQuadClass() {
        for (int root = 1; root <= 20; root++) {
            Codebook.Code c = CODEBOOK.get(String.format("%02d", root));
            assertNotNull(c, "root " + root);
            int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
            assertEquals(quad, c.quadClass(), "root " + root);
        }
    }

    @Test
    void codesMapToTheSixteenPloverTypes() {
        Set<String> types = new HashSet<>();
        for (Codebook.Code c : CODEBOOK.all()) if (c.plover() != null) types.add(c.plover());
        assertEquals(16, types.size(), types.toString());
        assertEquals(CODEBOOK.ploverTypes().keySet(), types);
        assertEquals("ASSAULT", CODEBOOK.get("195").plover());
        assertEquals("PROTEST", CODEBOOK.get("145").plover());
        assertEquals(-10.0, CODEBOOK.get("195").goldstein());
    }

    @Test
    void anUnknownSubcodeFallsBackToItsParent() {
        Codebook.Code c = CODEBOOK.get("1459");
        assertEquals("1459", c.code());
        assertEquals(CODEBOOK.get("145").plover(), c.plover());
    }

    @Test
    void theLexiconLoadsAndCoversEveryRoot() {
        Lexicon lx = Lexicon.load(KnowledgeFiles.builtIn(), CODEBOOK);
        assertTrue(lx.size() > 500, "lexicon has " + lx.size());
    }
}
