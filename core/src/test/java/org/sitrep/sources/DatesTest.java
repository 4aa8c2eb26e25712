package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void commonDateAndDateTimeFormatsBecomeIsoDates() {
        for (String given : new String[] {
            "2019-12-31",
            "2019-12-31T10:00:00Z",
            "2019-12-31T23:30:00-05:00",
            "2019-12-31 10:00",
            "2019/12/31",
            "20191231",
            "Tue, 31 Dec 2019 10:00:00 GMT",
            "December 31, 2019",
            "Dec. 31, 2019",
            "31 December 2019",
            "31st December 2019",
            "31.12.2019",
            "12/31/2019",
            "31/12/2019",
            "1577786400"
        }) {
            assertEquals(Optional.of("2019-12-31"), Dates.toIso(given), given);
        }
    }

    @Test
    void theDateIsTheOneWrittenNotTheUtcDate() {
        assertEquals(Optional.of("2019-12-31"), Dates.toIso("2019-12-31T23:30:00-05:00"));
    }

    @Test
    void ambiguousOrInvalidDatesAreNotGuessed() {
        for (String given : new String[] {"03/04/2019", "2019-02-30", "last Tuesday", "", "soon", "13 Smarch 2019"}) {
            assertEquals(Optional.empty(), Dates.toIso(given), given);
        }
    }
}
