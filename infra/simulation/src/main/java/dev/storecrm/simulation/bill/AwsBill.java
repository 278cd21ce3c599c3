package dev.storecrm.simulation.bill;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS bill of a simulated period: per service and line, quantity x unit price = cost; then the
 * month (the period scaled to 30 days) and the month per member. A line is {@code fixed} when its
 * quantity does not grow with the membership (schedules, secrets, metrics, idle polling); the rest
 * grows with members, which is what {@link #projectMonthly(long)} assumes.
 */
public record AwsBill(List<Line> lines, int days, long members) {

    /** One line of the bill, naming its quantity, unit and how the quantity was obtained. */
    public record Line(PriceTable.Price price, BigDecimal quantity, boolean fixed, String basis) {
        public BigDecimal cost() {
            return quantity.multiply(price.usdPerUnit());
        }
    }

    static final int MONTH_DAYS = 30;
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public AwsBill {
        if (days < 1 || members < 1) {
            throw new IllegalArgumentException("a bill needs at least one day and one member");
        }
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The period's cost scaled to 30 days. */
    public BigDecimal monthly() {
        return toMonth(total());
    }

    public BigDecimal monthlyPerMember() {
        return monthly().divide(BigDecimal.valueOf(members), PRECISION);
    }

    /** What does not grow with members, per month. */
    public BigDecimal monthlyFixed() {
        return toMonth(lines.stream().filter(Line::fixed).map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** What grows with members, per member and month. */
    public BigDecimal monthlyVariablePerMember() {
        return monthly().subtract(monthlyFixed()).divide(BigDecimal.valueOf(members), PRECISION);
    }

    /** The month for {@code storeMembers}: the fixed part plus the per-member part times the members. */
    public BigDecimal projectMonthly(long storeMembers) {
        return monthlyFixed().add(monthlyVariablePerMember().multiply(BigDecimal.valueOf(storeMembers)));
    }

    private BigDecimal toMonth(BigDecimal periodCost) {
        return periodCost.multiply(BigDecimal.valueOf(MONTH_DAYS)).divide(BigDecimal.valueOf(days), PRECISION);
    }

    /** The bill as the report prints it: one row per line, most expensive first, then the totals. */
    public String render() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> b.cost().compareTo(a.cost()));
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-24s %-34s %18s %-14s %14s %12s  %s%n", "service", "line", "quantity", "unit",
                "USD per unit", "cost USD", "quantity from"));
        for (Line line : sorted) {
            PriceTable.Price p = line.price();
            out.append(String.format("%-24s %-34s %,18.1f %-14s %14s %12s  %s%s%n", p.service(), p.line(),
                    line.quantity(), p.unit(), p.usdPerUnit().stripTrailingZeros().toPlainString(),
                    usd(line.cost()), line.fixed() ? "[fixed] " : "", line.basis()));
        }
        out.append(String.format("%nthe period (%d days, %,d members): %s USD; a month (x 30/%d): %s USD;"
                        + " per member and month: %s USD%n", days, members, usd(total()), days, usd(monthly()),
                monthlyPerMember().setScale(6, RoundingMode.HALF_UP).toPlainString()));
        out.append(String.format("fixed %s USD a month; %s USD per member and month on top%n", usd(monthlyFixed()),
                monthlyVariablePerMember().setScale(6, RoundingMode.HALF_UP).toPlainString()));
        if (!sorted.isEmpty() && total().signum() > 0) {
            Line top = sorted.getFirst();
            out.append(String.format("dominant: %s %s (%s), %.0f%% of the bill%n", top.price().service(),
                    top.price().line(), top.basis(), 100 * top.cost().doubleValue() / total().doubleValue()));
        }
        return out.toString();
    }

    static String usd(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
