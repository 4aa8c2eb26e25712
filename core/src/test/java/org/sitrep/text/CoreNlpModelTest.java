package org.sitrep.text;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sitrep.CoreNlpSuite;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.sources.Document;

/**
 * The live model: CoreNLP's truecaser runs on uncased text only, before tagging, and keeps every offset; SUTime
 * resolves a document's dates from its own text, whatever was coded before it.
 */
@Tag("corenlp")
class CoreNlpModelTest {

    @Test
    void lowerCaseTextIsTaggedAsIfCasedWithItsOffsets() {
        String text = "police fired at the mob in ahmedabad on monday.";
        Sentence s =
                CoreNlpModel.shared().analyze(text, LocalDate.of(2002, 3, 5)).get(0);
        Token place = s.tokens().stream()
                .filter(t -> t.lower().equals("ahmedabad"))
                .findFirst()
                .orElseThrow();
        assertEquals("Ahmedabad", place.text());
        assertEquals("NNP", place.pos());
        assertEquals("LOCATION", place.ner());
        assertEquals("ahmedabad", text.substring(place.start(), place.end()));
        assertEquals(text, s.text());
        assertEquals("2002-03-04", s.times().get(0).value(), "SUTime reads the truecased \"Monday\"");
    }

    @Test
    void casedTextIsNotTouched() {
        String text = "Police fired at the mob in Ahmedabad. the crowd was dispersed by evening.";
        for (Sentence s : CoreNlpModel.shared().analyze(text)) {
            for (Token t : s.tokens()) assertEquals(text.substring(t.start(), t.end()), t.text());
        }
    }

    @Test
    void theCoderFindsTheCountryOfLowerCaseNews() {
        Document d = Document.of("t", "police fired at the mob in ahmedabad", "2002-03-05");
        DocumentRecord r = CoreNlpSuite.pipeline().code(d);
        EventRecord e = r.events().stream()
                .filter(x -> "COERCE".equals(x.plover()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.events().toString()));
        assertEquals("INDCOP", e.source().get(0).code());
        assertEquals("Ahmedabad", e.location().name());
        assertEquals("IND", e.location().country());
    }

    @Test
    void aDateDoesNotDependOnTheDocumentCodedBefore() {
        LocalDate wednesday = LocalDate.of(2021, 6, 16);
        String text = "The ministers met on Tuesday and will meet again on Thursday.";
        CoreNlpModel.shared()
                .analyze("Fighting broke out on Thursday.", wednesday); // tags Thursday as past in SUTime's rules
        List<TimeExpression> times =
                CoreNlpModel.shared().analyze(text, wednesday).get(0).times();
        TimeExpression thursday = times.stream()
                .filter(t -> t.text().equals("Thursday"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(times.toString()));
        assertEquals("2021-06-17", thursday.value(), "\"will meet again on Thursday\": the coming Thursday");
    }
}
