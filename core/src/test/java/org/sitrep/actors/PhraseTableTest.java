package org.sitrep.actors;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Mention;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.NounPhrase;
import org.sitrep.knowledge.Tsv;

/**
 * The phrase table (src/test/resources/actors/phrases.tsv): noun phrases from news across every region,
 * each with a date and the CAMEO actor code it must resolve to on that date.
 */
class PhraseTableTest {

    @Test
    void everyPhraseResolvesToItsCode() {
        ActorResolver resolver = new ActorResolver(ActorKb.load(KnowledgeFiles.builtIn()));
        List<Tsv.Row> rows = Tsv.read("phrases.tsv", PhraseTableTest.class.getResourceAsStream("/actors/phrases.tsv"));
        List<String> wrong = new ArrayList<>();
        for (Tsv.Row r : rows) {
            String phrase = r.get(0), want = r.get(2);
            LocalDate date = r.get(1).isEmpty() ? LocalDate.of(2024, 1, 1) : LocalDate.parse(r.get(1));
            List<Mention> found = resolver.mentions(NounPhrase.parse(phrase), date);
            String got = found.size() == 1
                    ? found.get(0).code()
                    : found.stream().map(m -> m.text() + "=" + m.code()).collect(Collectors.joining(", ", "[", "]"));
            if (!want.equals(got))
                wrong.add(r.where() + " \"" + phrase + "\" on " + date + ": got " + got + ", want " + want);
        }
        assertTrue(rows.size() >= 300, "the table has " + rows.size() + " cases");
        assertEquals("", String.join("\n", wrong), wrong.size() + " of " + rows.size() + " phrases resolve wrongly");
    }
}
