package dev.storecrm.domain.winback;

import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.occasion.OccasionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The win-back sequence (休眠会员唤醒), as data: steps at days of silence since the last paid order
 * (60, 90, 180), each with its template ({@code win-back-1}, {@code win-back-2}, ...) and a rising
 * incentive by tier; the member is dormant at {@code dormantAfter} (360 days). An order at any
 * point ends the episode; a later lapse starts a new one.
 *
 * @param wakeUpWindow an order within this time after a step's message counts as woken by it (14 days)
 */
public record WinBackPolicy(List<Step> steps, Duration dormantAfter, Duration couponValidity, Duration wakeUpWindow) {

    /** One step: after how long a silence, which template, which coupon by tier ({@code *} for the rest). */
    public record Step(int number, Duration after, String template, Map<String, CouponValue> couponByTier) {
        public Optional<CouponValue> couponFor(String tier) {
            return Optional.ofNullable(couponByTier.getOrDefault(tier, couponByTier.get("*")));
        }
    }

    public WinBackPolicy {
        steps = List.copyOf(steps);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("win-back steps must come after one another");
            }
        }
        if (!steps.isEmpty() && dormantAfter.compareTo(steps.getLast().after()) <= 0) {
            throw new IllegalArgumentException("the dormant status must come after the last win-back step");
        }
    }

    /**
     * Reads {@code 60,90,180} (days) and {@code *=5%,VIP2=8%;*=10%,VIP2=12%;*=15%,VIP2=20%} (one coupon
     * set per step, separated by {@code ;}; an empty set is a step without coupon).
     */
    public static List<Step> parseSteps(String days, String coupons) {
        String[] dayList = days.split(",");
        String[] couponList = coupons == null || coupons.isBlank() ? new String[0] : coupons.split(";", -1);
        if (couponList.length != 0 && couponList.length != dayList.length) {
            throw new IllegalArgumentException(
                    "give one coupon set per win-back step (" + dayList.length + "), separated by ;");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < dayList.length; i++) {
            Map<String, CouponValue> coupon = couponList.length == 0
                    ? Map.of()
                    : OccasionPolicy.parseGifts(couponList[i]);
            Duration silence = Duration.ofDays(Long.parseLong(dayList[i].trim()));
            steps.add(new Step(i + 1, silence, "win-back-" + (i + 1), coupon));
        }
        return steps;
    }

    public Optional<Step> first() {
        return steps.stream().findFirst();
    }

    /** The step after step {@code number}, if any. */
    public Optional<Step> after(int number) {
        return steps.stream().filter(s -> s.number() == number + 1).findFirst();
    }

    /**
     * When the step after {@code taken} falls due: at its days of silence, or, if {@code taken} went
     * late (a step of the go-live ramp, or after a late sweep), as long after it as the sequence puts
     * between the two, so that steps the policy spaces by months never go days apart.
     */
    public Instant nextDue(Instant episode, Step taken, Step next, Instant takenAt) {
        Instant planned = episode.plus(next.after());
        Instant spaced = takenAt.plus(next.after().minus(taken.after()));
        return spaced.isAfter(planned) ? spaced : planned;
    }
}
