package dev.storecrm.domain.money;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * An amount of money in minor units (fen, cents) of an ISO 4217 currency. Never a double.
 *
 * <p>An amount in an event is at most {@link #MAX_MINOR} minor units (10,000,000,000.00 in a currency of two
 * decimals): 10^12, so that a line's quantity (at most 10,000) times its price, and the sum of millions of such
 * amounts, stay far inside a {@code long}. Totals are summed with {@link #total}, which refuses an overflow instead
 * of wrapping to a negative number.
 */
public record Money(long minor, Currency currency) {

    /** The largest amount, in minor units, the event contract accepts: 10^12. */
    public static final long MAX_MINOR = 1_000_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("money cannot be negative");
        }
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Minor units per major unit: 100 for CNY and USD, 1 for JPY. */
    public static long minorPerMajor(Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return BigDecimal.TEN.pow(digits).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(addExact(minor, other.minor), currency);
    }

    /**
     * The exact sum of amounts in minor units.
     *
     * @throws InvalidInputException ({@link RejectReason#AMOUNT_OUT_OF_RANGE}) when the sum does not fit a long: the
     *     input that would make it is refused and kept, rather than turning a total negative
     */
    public static long total(LongStream minorAmounts) {
        return minorAmounts.reduce(0L, Money::addExact);
    }

    /** {@code a + b}, refused as {@link RejectReason#AMOUNT_OUT_OF_RANGE} when it overflows. */
    public static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException(RejectReason.AMOUNT_OUT_OF_RANGE,
                    "a total of amounts would exceed " + Long.MAX_VALUE + " minor units");
        }
    }

    /** {@code a * b}, refused as {@link RejectReason#AMOUNT_OUT_OF_RANGE} when it overflows. */
    public static long multiplyExact(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException(RejectReason.AMOUNT_OUT_OF_RANGE,
                    "a product of amounts would exceed " + Long.MAX_VALUE + " minor units");
        }
    }

    public boolean isIn(Currency other) {
        return currency.equals(other);
    }

    /** The amount in major units, exact: {@code 129.00}. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + major().toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }
}
