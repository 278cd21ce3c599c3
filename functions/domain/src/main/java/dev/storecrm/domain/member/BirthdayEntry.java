package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.time.AnnualDate;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;

/**
 * One setting of the birthday ({@code value} is {@code null} when it was cleared), Gregorian or, when
 * {@code lunar}, the lunar one ({@link Profile#birthdayLunar()}). The history tells which birthday
 * was in effect at a moment and since when, which the gift's anti-gaming rule and the birthday
 * bonus need.
 */
public record BirthdayEntry(Stamp stamp, AnnualDate value, boolean lunar) {

    public BirthdayEntry {
        if (value != null && lunar != (value instanceof LunarDate)) {
            throw new IllegalArgumentException("a lunar setting holds a lunar date, a Gregorian one a Gregorian date");
        }
    }

    /** A setting of the Gregorian birthday. */
    public BirthdayEntry(Stamp stamp, RecurringDate value) {
        this(stamp, value, false);
    }
}
