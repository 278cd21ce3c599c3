package dev.storecrm.domain.privacy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the stores hold about one member, read part by part for an export (a data request, the staff's
 * privacy desk). Every read goes through the member's own keys and indexes (the member's partition, a
 * {@code ByCustomer} index, the suppression list's hashed address): no scan. Records are plain values
 * ({@code String}, {@code Long}, {@code java.math.BigDecimal}, {@code Boolean}, {@code List}, {@code Map}), as stored.
 */
public interface PersonalData {

    /** The parts of an export, in the order it shows them. */
    enum Part {
        /** The archive: profile, consent and its history of changes, status and tier. */
        PROFILE,
        /** Orders (the member's partition of the OrdersTable). */
        ORDERS,
        /**
         * The member's answers to the orders' follow-up (did the order meet the need, the rating, the comment, how it
         * came and when), one per order: read through the member's orders, at most as many orders as the part holds.
         */
        ORDER_FEEDBACK,
        /** The points account, order records and ledger entries. */
        POINTS,
        /** Coupons issued to the member. */
        COUPONS,
        /** Carts the member left or checked out. */
        CARTS,
        /** Mail sent or not: business key, template, time and outcome. */
        MAIL,
        /** Disputes, each with its history. */
        DISPUTES,
        /** Greetings filed (birthday, anniversaries). */
        OCCASIONS,
        /** Win-back steps entered. */
        WIN_BACK,
        /** Whether the member, or their address, is suppressed. */
        SUPPRESSION
    }

    /**
     * One part of a member's data: at most {@code limit} records.
     *
     * @param truncated there were more records than the part returned
     */
    record Section(Part part, List<Map<String, Object>> records, boolean truncated) {
        public Section {
            Objects.requireNonNull(part, "part");
            records = List.copyOf(records);
        }
    }

    /** One part of the member's data, at most {@code limit} records (a dispute's history counts within it). */
    Section read(String customerId, Part part, int limit);

    /** The ids of members whose normalised address is {@code emailKey} (at most {@code limit}). */
    List<String> idsByEmail(String emailKey, int limit);
}
