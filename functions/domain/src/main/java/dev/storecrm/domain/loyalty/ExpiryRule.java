package dev.storecrm.domain.loyalty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When points expire, as data (the {@code PointsExpiry} parameter), from the local date they were
 * earned on (in the member's time zone):
 * <ul>
 *   <li>{@code months:12}: at the end of the 12th month after the month they were earned (earned on
 *       15 January 2027, usable through 31 January 2028, gone on 1 February 2028);</li>
 *   <li>{@code days:365}: at the end of the 365th day after the day they were earned;</li>
 *   <li>{@code never}.</li>
 * </ul>
 * {@link #expiresOn} gives the first local date on which the points are gone: points of the same
 * date expire together, so a member holds at most one lot per such date.
 */
public record ExpiryRule(Unit unit, int amount) {

    /** How the period is counted. */
    public enum Unit { MONTHS, DAYS, NEVER }

    public static final ExpiryRule NEVER = new ExpiryRule(Unit.NEVER, 0);

    /** The date that stands for "never": no timer is armed for it. */
    public static final LocalDate NEVER_DATE = LocalDate.of(9999, 12, 31);

    public ExpiryRule {
        Objects.requireNonNull(unit, "unit");
        int max = unit == Unit.MONTHS ? 120 : 3_650;
        if (unit != Unit.NEVER && (amount < 1 || amount > max)) {
            throw new IllegalArgumentException("points expire after 1 to " + max + " " + unit.name().toLowerCase()
                    + ", not " + amount);
        }
        if (unit == Unit.NEVER && amount != 0) {
            throw new IllegalArgumentException("never takes no amount");
        }
    }

    /** {@code months:12}, {@code days:365} or {@code never}. */
    public static ExpiryRule parse(String spec) {
        String value = spec == null ? "" : spec.strip().toLowerCase();
        if (value.equals("never")) {
            return NEVER;
        }
        int colon = value.indexOf(':');
        try {
            if (colon > 0) {
                int amount = Integer.parseInt(value.substring(colon + 1).strip());
                switch (value.substring(0, colon).strip()) {
                    case "months" -> {
                        return new ExpiryRule(Unit.MONTHS, amount);
                    }
                    case "days" -> {
                        return new ExpiryRule(Unit.DAYS, amount);
                    }
                    default -> { }
                }
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("PointsExpiry is months:N, days:N or never, not '" + spec + "'");
    }

    /** The first local date on which points earned on {@code earnedOn} are no longer usable. */
    public LocalDate expiresOn(LocalDate earnedOn) {
        return switch (unit) {
            case MONTHS -> earnedOn.withDayOfMonth(1).plusMonths(amount + 1L);
            case DAYS -> earnedOn.plusDays(amount + 1L);
            case NEVER -> NEVER_DATE;
        };
    }

    /** False for {@code never}. */
    public boolean expires() {
        return unit != Unit.NEVER;
    }

    /** The longest a point can live: ledger entries are kept well beyond it. */
    public Duration longest() {
        return switch (unit) {
            case MONTHS -> Duration.ofDays(31L * (amount + 1));
            case DAYS -> Duration.ofDays(amount + 1L);
            case NEVER -> Duration.ofDays(365L * 100);
        };
    }

    public String spec() {
        return unit == Unit.NEVER ? "never" : unit.name().toLowerCase() + ":" + amount;
    }
}
