package dev.storecrm.platform.adapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Platform money to canonical money: minor units of an ISO 4217 currency, never a double.
 * Decimal strings ({@code "129.90"}, Shopify and WooCommerce) are converted exactly; an amount with
 * more decimals than its currency has is refused rather than rounded, except where a division is
 * the platform's own (a unit price from a line total), which rounds half-even. Order and cart
 * money must be in the store currency ({@code STORE_CURRENCY}), as the consumers require.
 */
public final class Amounts {

    private final Currency storeCurrency;

    public Amounts(String storeCurrencyCode) {
        this.storeCurrency = currency(storeCurrencyCode, "STORE_CURRENCY");
    }

    public Currency storeCurrency() {
        return storeCurrency;
    }

    /** A decimal amount in the store currency; another currency is {@code WRONG_CURRENCY}. */
    public Money storeMoney(String decimal, String currencyCode, String path) {
        Money money = money(decimal, currencyCode, path);
        requireStoreCurrency(money.currency(), path);
        return money;
    }

    /** An amount already in minor units (Stripe) in the store currency. */
    public Money storeMinor(long minor, String currencyCode, String path) {
        Money money = minor(minor, currencyCode, path);
        requireStoreCurrency(money.currency(), path);
        return money;
    }

    /** A signed decimal amount in the store currency, exact: a part of a sum whose parts may be negative. */
    public BigDecimal storeDecimal(String decimal, String currencyCode, String path) {
        requireStoreCurrency(currency(currencyCode, path), path);
        BigDecimal amount = decimal(decimal, path);
        if (amount.stripTrailingZeros().scale() > Math.max(0, storeCurrency.getDefaultFractionDigits())) {
            throw Payload.violation(path, "has more decimals than " + storeCurrency.getCurrencyCode() + " has");
        }
        return amount;
    }

    /** A sum of {@link #storeDecimal} parts as money in the store currency; a negative sum is refused. */
    public Money storeMoney(BigDecimal major, String path) {
        if (major.signum() < 0) {
            throw Payload.violation(path, "adds up to a negative amount");
        }
        int digits = Math.max(0, storeCurrency.getDefaultFractionDigits());
        long minor = major.setScale(digits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        return new Money(minor, storeCurrency);
    }

    public Money zero() {
        return Money.zero(storeCurrency);
    }

    public void requireStoreCurrency(Currency currency, String path) {
        if (!currency.equals(storeCurrency)) {
            throw new InvalidInputException(RejectReason.WRONG_CURRENCY, path + " is in " + currency.getCurrencyCode()
                    + ", not the store currency " + storeCurrency.getCurrencyCode());
        }
    }

    /** A decimal amount in any ISO 4217 currency (a dispute's money). Negative amounts count as their size. */
    public static Money money(String decimal, String currencyCode, String path) {
        Currency currency = currency(currencyCode, path);
        BigDecimal amount = decimal(decimal, path).abs();
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        try {
            long minor = amount.setScale(digits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            return new Money(minor, currency);
        } catch (ArithmeticException e) {
            throw Payload.violation(path,
                    "has more decimals than " + currency.getCurrencyCode() + " has, or is too large");
        }
    }

    /** {@code total / quantity} in minor units, half-even: a unit price from a line total. */
    public Money unitPrice(String lineTotal, int quantity, String currencyCode, String path) {
        Currency currency = currency(currencyCode, path);
        requireStoreCurrency(currency, path);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal unit = decimal(lineTotal, path).abs().divide(BigDecimal.valueOf(Math.max(1, quantity)), digits,
                RoundingMode.HALF_EVEN);
        return new Money(unit.unscaledValue().longValueExact(), currency);
    }

    public static Money minor(long minor, String currencyCode, String path) {
        if (minor < 0) {
            throw Payload.violation(path, "must not be negative");
        }
        return new Money(minor, currency(currencyCode, path));
    }

    static BigDecimal decimal(String decimal, String path) {
        if (decimal == null || !decimal.trim().matches("-?\\d{1,15}(\\.\\d{1,9})?")) {
            throw Payload.violation(path, "is not a decimal amount");
        }
        return new BigDecimal(decimal.trim());
    }

    public static Currency currency(String code, String path) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            throw Payload.violation(path, "has no three-letter currency code");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.UNKNOWN_CURRENCY,
                    path + " names a currency ISO 4217 does not know");
        }
    }
}
