package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.KnowledgeFiles;

/** Loading data/events/means.tsv: the means in order of strength, each with a code and a mode that exist. */
class MeansTableTest {
    static final KnowledgeFiles BUILT_IN = KnowledgeFiles.builtIn();
    static final Codebook CODEBOOK = Codebook.load(BUILT_IN);
    static final Cues CUES = Cues.load(BUILT_IN);

    @Test
    void theBuiltInMeansAreListedStrongestFirst() {
        List<Means.Row> rows = Means.load(BUILT_IN, CODEBOOK, CUES).rows();
        List<String> names = rows.stream().map(Means.Row::name).toList();
        assertTrue(names.indexOf("chemical") < names.indexOf("suicide"), names.toString());
        assertTrue(
                names.indexOf("aerial") < names.indexOf("artillery"), "an aircraft outranks what it fires: " + names);
        assertTrue(names.indexOf("explosives") < names.indexOf("firearms"), names.toString());
        for (int i = 0; i < rows.size(); i++) assertEquals(i, rows.get(i).rank());
        Means.Row aerial = rows.get(names.indexOf("aerial"));
        assertEquals("195", aerial.cameo());
        assertEquals("aerial", aerial.mode());
        assertEquals(
                "1823",
                rows.get(names.indexOf("knives")).lethal(),
                "killing with a knife is a killing by physical assault");
        assertTrue(rows.stream().noneMatch(r -> r.name().equals("-")), "phrases that are no weapons are not means");
    }

    @Test
    void aModeOutsideTheCodesPloverTypeIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(
                dir.resolve("events/means.tsv"),
                "# test layer\nspears\tspear|javelin\t182\tsign\t\tnot an ASSAULT mode\n");
        IllegalArgumentException ex = assertThrows(
                IllegalArgumentException.class, () -> Means.load(new KnowledgeFiles(List.of(dir)), CODEBOOK, CUES));
        assertTrue(ex.getMessage().contains("means.tsv:2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("sign"), ex.getMessage());
    }

    @Test
    void anUnknownCodeIsReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("events/means.tsv"), "spears\tspear\t1899\tbeat\t\t\n");
        IllegalArgumentException ex = assertThrows(
                IllegalArgumentException.class, () -> Means.load(new KnowledgeFiles(List.of(dir)), CODEBOOK, CUES));
        assertTrue(ex.getMessage().contains("1899"), ex.getMessage());
    }

    @Test
    void aUserLayerAddsAMeansAfterTheBuiltInOnes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("events/means.tsv"), "spears\tspear|javelin\t182\tbeat\t1823\thunting weapons\n");
        List<Means.Row> rows =
                Means.load(new KnowledgeFiles(List.of(dir)), CODEBOOK, CUES).rows();
        Means.Row last = rows.get(rows.size() - 1);
        assertEquals("spears", last.name());
        assertEquals(Means.load(BUILT_IN, CODEBOOK, CUES).rows().size() + 1, rows.size());
    }
}
