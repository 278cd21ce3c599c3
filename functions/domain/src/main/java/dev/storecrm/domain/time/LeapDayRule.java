package dev.storecrm.domain.time;

import java.time.LocalDate;

/** Where a 29 February birthday or anniversary falls in a common year. */
public enum LeapDayRule {
    /** Celebrate on 28 February: still in February, the common choice of loyalty programmes. */
    FEBRUARY_28,
    /** Celebrate on 1 March: the day after 28 February, when the member has legally aged in many countries. */
    MARCH_1;

    public LocalDate dateInCommonYear(int year) {
        return this == FEBRUARY_28 ? LocalDate.of(year, 2, 28) : LocalDate.of(year, 3, 1);
    }
}
