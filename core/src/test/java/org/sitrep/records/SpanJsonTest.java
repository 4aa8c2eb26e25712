package org.sitrep.records;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A sentence span carries the event model's reading only when the model read it, and reads back either way (the store re-reads records). */
class SpanJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSentenceTheModelReadCarriesItsReadingAndOneItDidNotStaysAsBefore() throws Exception {
        var read = new DocumentRecord.Span(
                0, 20, new DocumentRecord.Model("ASSAULT", 0.97, "aerial", 0.9, "Air/drone strike", 0.91));
        String json = JSON.writeValueAsString(read);
        assertEquals(
                "{\"start\":0,\"end\":20,\"model\":{\"plover\":\"ASSAULT\",\"p\":0.97,\"mode\":\"aerial\",\"mode_p\":0.9,"
                        + "\"acled\":\"Air/drone strike\",\"acled_p\":0.91}}",
                json);
        assertEquals(read, JSON.readValue(json, DocumentRecord.Span.class));
        assertEquals("{\"start\":0,\"end\":20}", JSON.writeValueAsString(new DocumentRecord.Span(0, 20)));
        assertEquals(
                new DocumentRecord.Span(0, 20), JSON.readValue("{\"start\":0,\"end\":20}", DocumentRecord.Span.class));
        var none = new DocumentRecord.Span(21, 40, new DocumentRecord.Model("none", 0.99, null, 0, null, 0));
        assertEquals(
                "{\"start\":21,\"end\":40,\"model\":{\"plover\":\"none\",\"p\":0.99}}", JSON.writeValueAsString(none));
    }
}
