package dev.storecrm.domain.cart;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily attribution report of cart recovery (CartStatsTable on AWS), for operators and for
 * the local store run. Reading costs one item per day, whatever the number of carts.
 */
public interface CartStats {

    /** The figures of every day from {@code first} to {@code last}, inclusive; a day without activity is all zeros. */
    List<CartDayStats> days(LocalDate first, LocalDate last);
}
