package dev.storecrm.carelists;

import dev.storecrm.domain.cart.CartDayStats;
import dev.storecrm.domain.cart.CartStats;
import java.time.LocalDate;
import java.util.List;

/**
 * Cart recovery per day (store time zone), from cart recovery's daily figures: carts abandoned,
 * reminded, held out of the sequence (the control group), coupons issued, carts recovered, the
 * revenue they brought and the coupons' cost (minor units of the store currency), and the held-out
 * carts ordered within the same window with their revenue (the control group's conversion). One small
 * batch read per 100 days.
 */
final class CartReport {

    static final List<String> COLUMNS = List.of("day", "abandoned", "reminded", "heldOut", "couponsIssued",
            "recovered", "recoveredRevenue", "couponCost", "heldOutRecovered", "heldOutRevenue");

    private final CartStats stats;

    CartReport(CartStats stats) {
        this.stats = stats;
    }

    Table between(LocalDate from, LocalDate to) {
        Table table = new Table(COLUMNS);
        for (CartDayStats day : stats.days(from, to)) {
            table.add(List.of(day.day().toString(), Long.toString(day.abandoned()), Long.toString(day.reminded()),
                    Long.toString(day.heldOut()), Long.toString(day.couponsIssued()), Long.toString(day.recovered()),
                    Long.toString(day.recoveredRevenueMinor()), Long.toString(day.couponCostMinor()),
                    Long.toString(day.heldOutRecovered()), Long.toString(day.heldOutRevenueMinor())));
        }
        return table;
    }
}
