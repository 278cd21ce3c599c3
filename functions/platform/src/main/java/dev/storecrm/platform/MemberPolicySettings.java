package dev.storecrm.platform;

import dev.storecrm.domain.member.BirthdayBonus;
import dev.storecrm.domain.member.MemberDays;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.time.LeapDayRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Reads the store's {@link MemberPolicy} from the function's settings (template parameters):
 * {@code STORE_CURRENCY}, {@code MEMBERSHIP_ENROLMENT}, {@code ENROLMENT_SPEND_THRESHOLD},
 * {@code POINTS_PER_CURRENCY_UNIT}, {@code BASE_TIER}, {@code TIER_THRESHOLDS}, and birthday double points:
 * {@code BIRTHDAY_POINTS_MULTIPLIER} (2), {@code BIRTHDAY_WINDOW_DAYS_BEFORE}/{@code _AFTER} (0),
 * {@code GIFT_MINIMUM_NOTICE_DAYS} (30), {@code LEAP_DAY_RULE}, {@code STORE_TIME_ZONE}, and the member days,
 * {@code MEMBER_DAYS} ({@link MemberDays}, none by default).
 */
public final class MemberPolicySettings {

    public static final String DEFAULT_TIERS = "VIP1=50000,VIP2=200000,VIP3=1000000";

    private MemberPolicySettings() {}

    public static MemberPolicy from(Settings settings) {
        Currency currency;
        try {
            currency = Currency.getInstance(settings.required("STORE_CURRENCY"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("STORE_CURRENCY must be an ISO 4217 code such as CNY", e);
        }
        BigDecimal pointsPerUnit;
        try {
            pointsPerUnit = new BigDecimal(settings.optional("POINTS_PER_CURRENCY_UNIT", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("POINTS_PER_CURRENCY_UNIT must be a number such as 1 or 0.5", e);
        }
        MemberPolicy policy;
        try {
            policy = new MemberPolicy(currency,
                    settings.enumValue("MEMBERSHIP_ENROLMENT", Enrolment.class, Enrolment.FIRST_PAID_ORDER),
                    settings.longValue("ENROLMENT_SPEND_THRESHOLD", 0),
                    pointsPerUnit,
                    TierLadder.parse(settings.optional("BASE_TIER", "MEMBER"),
                            settings.optional("TIER_THRESHOLDS", DEFAULT_TIERS)),
                    new BirthdayBonus((int) settings.longValue("BIRTHDAY_POINTS_MULTIPLIER", 2),
                            (int) settings.longValue("BIRTHDAY_WINDOW_DAYS_BEFORE", 0),
                            (int) settings.longValue("BIRTHDAY_WINDOW_DAYS_AFTER", 0),
                            Duration.ofDays(settings.longValue("GIFT_MINIMUM_NOTICE_DAYS", 30)),
                            settings.enumValue("LEAP_DAY_RULE", LeapDayRule.class, LeapDayRule.FEBRUARY_28),
                            ZoneId.of(settings.optional("STORE_TIME_ZONE", "UTC"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("membership policy settings are invalid: " + e.getMessage(), e);
        }
        try {
            return policy.withMemberDays(MemberDays.parse(settings.optional("MEMBER_DAYS", ""), policy.tiers(),
                    policy.birthdayBonus().storeZone()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
