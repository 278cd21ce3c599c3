package dev.storecrm.domain.member;

import dev.storecrm.domain.time.LeapDayRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Birthday double points (会员生日双倍积分): orders paid within the member's birthday window, in
 * the member's time zone (the store's if unknown), earn {@code multiplier} times the points. The
 * window is the local birthday date, widened by {@code daysBefore} and {@code daysAfter}. Like the
 * birthday gift, the bonus needs the birthday given at least {@code minimumNotice} before the
 * birthday, so setting one's birthday to today and buying earns nothing extra. Decided when the
 * payment is priced, from the member's timeline at the payment ({@link Pricing}).
 */
public record BirthdayBonus(int multiplier, int daysBefore, int daysAfter, Duration minimumNotice,
                            LeapDayRule leapDayRule, ZoneId storeZone) {

    /** No bonus: every order earns its plain points. */
    public static final BirthdayBonus NONE =
            new BirthdayBonus(1, 0, 0, Duration.ZERO, LeapDayRule.FEBRUARY_28, ZoneId.of("UTC"));

    public BirthdayBonus {
        if (multiplier < 1 || daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException(
                    "the birthday multiplier is at least 1 and the window days are not negative");
        }
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(leapDayRule, "leapDayRule");
        Objects.requireNonNull(storeZone, "storeZone");
    }

    /**
     * The multiplier for an order paid at {@code paidAt} by this member, judged by what the member
     * had given by then: the birthday in effect at the payment (and since when), in the time zone in
     * effect at the payment. A later change of birthday or time zone does not change what an
     * earlier payment earned.
     */
    public int multiplierFor(MemberRecord record, Instant paidAt) {
        if (multiplier == 1) {
            return 1;
        }
        Optional<MemberRecord.BirthdayInEffect> birthday = record.birthdayAt(paidAt);
        if (birthday.isEmpty()) {
            return 1;
        }
        ZoneId zone = record.zoneAt(paidAt).orElse(storeZone);
        LocalDate paid = paidAt.atZone(zone).toLocalDate();
        for (int year = paid.getYear() - 1; year <= paid.getYear() + 1; year++) {
            LocalDate day = birthday.get().date().occurrenceIn(year, leapDayRule);
            boolean inWindow = !paid.isBefore(day.minusDays(daysBefore)) && !paid.isAfter(day.plusDays(daysAfter));
            Instant givenBy = day.atStartOfDay(zone).toInstant().minus(minimumNotice);
            boolean givenInTime = !birthday.get().setAt().isAfter(givenBy);
            if (inWindow && givenInTime) {
                return multiplier;
            }
        }
        return 1;
    }
}
