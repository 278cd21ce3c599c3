package dev.storecrm.domain.occasion;

import dev.storecrm.domain.time.AnnualDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A date a member is greeted on every year: the birthday, a wedding anniversary, the anniversary
 * of membership, or any other kind the store configures, in the member's own time zone. A birthday
 * may be a date of the lunar calendar; its greeting of a year is then that lunar year's.
 *
 * @param setAt when the member gave this date (a gift needs it given well before the day)
 */
public record Occasion(String customerId, String kind, AnnualDate date, ZoneId zone, Instant setAt) {

    public static final String BIRTHDAY = "birthday";
    public static final String MEMBERSHIP = "membership";

    public Occasion {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(setAt, "setAt");
    }

    /** The business key of this occasion's greeting in a year: one greeting per member, kind and year. */
    public String greetingKey(int year) {
        return kind.equals(BIRTHDAY)
                ? "BIRTHDAY#" + customerId + "#" + year
                : "ANNIVERSARY#" + kind + "#" + customerId + "#" + year;
    }
}
