package org.sitrep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeRefTest {
    static final LocalDate AUGUST_16 = LocalDate.of(2024, 8, 16); // a Friday

    static String past(String value, DatePrecision precision, String text) {
        return new TimeRef(value, precision, "text", text).inThePast(AUGUST_16).value();
    }

    @Test
    void aMonthWithoutAYearIsTheLastOneBeforePublication() {
        assertEquals("2024-02", past("2025-02", DatePrecision.MONTH, "February"));
        assertEquals("2024-07", past("2024-07", DatePrecision.MONTH, "July"), "already in the past");
    }

    @Test
    void aWeekdayIsTheOneBeforeNotAfter() {
        assertEquals("2024-08-12", past("2024-08-19", DatePrecision.DAY, "Monday"));
        assertEquals("2024-08-14", past("2024-08-14", DatePrecision.DAY, "Wednesday"));
    }

    @Test
    void aDayAndMonthLaterInTheYearIsLastYears() {
        assertEquals("2023-12-03", past("2024-12-03", DatePrecision.DAY, "December 3"));
    }

    @Test
    void periodsStartOnTheirFirstDay() {
        assertEquals(LocalDate.of(2025, 5, 26), TimeRef.periodStart("2025-W22"));
        assertEquals(LocalDate.of(2025, 7, 1), TimeRef.periodStart("2025-07"));
        assertEquals(LocalDate.of(2019, 1, 1), TimeRef.periodStart("2019"));
        assertEquals(LocalDate.of(2019, 12, 31), TimeRef.periodStart("2019-12-31"));
        assertEquals(null, TimeRef.periodStart("the 1990s"));
    }

    @Test
    void aYearTheTextStatesIsKept() {
        assertEquals("2025-02", past("2025-02", DatePrecision.MONTH, "February 2025"));
    }
}
