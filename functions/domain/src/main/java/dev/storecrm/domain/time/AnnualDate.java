package dev.storecrm.domain.time;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date a member celebrates every year: a Gregorian month and day ({@link RecurringDate}) or a
 * date of the Chinese lunar calendar ({@link LunarDate}). Greetings, gifts and the birthday bonus
 * only ask each year's Gregorian date of it.
 */
public sealed interface AnnualDate permits RecurringDate, LunarDate {

    /**
     * The Gregorian date of the celebration of {@code year}: for a Gregorian date, in that year
     * (29 February moved by {@code leapDayRule} in common years); for a lunar date, in the lunar
     * year whose first month begins in Gregorian {@code year} (so its last month may fall in
     * January of the next Gregorian year).
     */
    LocalDate occurrenceIn(int year, LeapDayRule leapDayRule);

    /** The year the date started in, when it is known (a birth year or a wedding year). */
    Optional<Integer> knownYear();

    /** The text form kept in tables: {@link RecurringDate#iso()} or {@link LunarDate#text()}. */
    String iso();

    /** Reads the text form of either kind back. */
    static AnnualDate parse(String text) {
        return text.startsWith(LunarDate.PREFIX) ? LunarDate.parse(text) : RecurringDate.parse(text);
    }
}
