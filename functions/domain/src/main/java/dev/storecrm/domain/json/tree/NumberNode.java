package dev.storecrm.domain.json.tree;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, of one of Jackson's kinds: an {@code int}, a {@code long}, a big integer (what the reader makes of
 * an integer by its size), a {@code double} (every number with a fraction or an exponent) or a {@code BigDecimal}
 * (only when built from one). Two numbers are equal when they are of the same kind and value, as in Jackson.
 */
public final class NumberNode extends JsonNode {

    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private final Number value;

    private NumberNode(Number value) {
        this.value = value;
    }

    public static NumberNode valueOf(int value) {
        return new NumberNode(value);
    }

    public static NumberNode valueOf(long value) {
        return new NumberNode(value);
    }

    public static NumberNode valueOf(double value) {
        return new NumberNode(value);
    }

    public static NumberNode valueOf(BigInteger value) {
        return new NumberNode(value);
    }

    public static NumberNode valueOf(BigDecimal value) {
        return new NumberNode(value);
    }

    /** An integer literal's node, of the smallest kind that holds it. */
    static NumberNode integer(String digits) {
        if (digits.length() <= 18) {
            long number = Long.parseLong(digits);
            return number == (int) number ? valueOf((int) number) : valueOf(number);
        }
        BigInteger number = new BigInteger(digits);
        return number.bitLength() < 64 ? valueOf(number.longValue()) : valueOf(number);
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public boolean isIntegralNumber() {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return !isIntegralNumber();
    }

    @Override
    public boolean isInt() {
        return value instanceof Integer;
    }

    @Override
    public boolean isLong() {
        return value instanceof Long;
    }

    @Override
    public boolean isDouble() {
        return value instanceof Double;
    }

    @Override
    public boolean isBigDecimal() {
        return value instanceof BigDecimal;
    }

    @Override
    public Number numberValue() {
        return value;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return switch (value) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Double number -> BigDecimal.valueOf(number);
            default -> BigDecimal.valueOf(value.longValue());
        };
    }

    @Override
    public BigInteger bigIntegerValue() {
        return switch (value) {
            case BigInteger integer -> integer;
            case BigDecimal decimal -> decimal.toBigInteger();
            case Double number -> BigDecimal.valueOf(number).toBigInteger();
            default -> BigInteger.valueOf(value.longValue());
        };
    }

    @Override
    public boolean canConvertToInt() {
        return inLongRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public boolean canConvertToLong() {
        return inLongRange(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private boolean inLongRange(long min, long max) {
        return switch (value) {
            case Integer number -> number >= min && number <= max;
            case Long number -> number >= min && number <= max;
            case BigInteger integer -> integer.compareTo(MIN_LONG) >= 0 && integer.compareTo(MAX_LONG) <= 0
                    && integer.longValue() >= min && integer.longValue() <= max;
            case Double number -> number >= min && number <= max;
            default -> decimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
                    && decimalValue().compareTo(BigDecimal.valueOf(max)) <= 0;
        };
    }

    @Override
    public String asText() {
        return value.toString();
    }

    @Override
    public long asLong(long defaultValue) {
        return value.longValue();
    }

    @Override
    public int asInt(int defaultValue) {
        return value.intValue();
    }

    @Override
    public double asDouble() {
        return value.doubleValue();
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        return isIntegralNumber() ? value.longValue() != 0 : defaultValue;
    }

    @Override
    public JsonNode deepCopy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof NumberNode number) || number.value.getClass() != value.getClass()) {
            return false;
        }
        return value instanceof BigDecimal decimal ? decimal.compareTo((BigDecimal) number.value) == 0
                : value.equals(number.value);
    }

    @Override
    public int hashCode() {
        return value instanceof BigDecimal decimal ? Double.hashCode(decimal.doubleValue()) : value.hashCode();
    }
}
