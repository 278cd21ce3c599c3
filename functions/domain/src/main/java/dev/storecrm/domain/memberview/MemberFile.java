package dev.storecrm.domain.memberview;

import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.winback.WinBackJournal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the stores other than the member archive hold of one member, read for the member view. Every
 * read is one query or a few item reads on the member's own keys (never a scan), and bounded by
 * {@code limit}; lists that can grow with a member's life page on with a cursor.
 */
public interface MemberFile {

    /** One page of a list, and the cursor of the next one (empty on the last page). */
    record Page<T>(List<T> items, Optional<String> next) {
        public Page {
            items = List.copyOf(items);
            Objects.requireNonNull(next, "next");
        }
    }

    /** A message the send ledger settled for the member: sent, or why not. */
    record Mail(String businessKey, String journey, String templateId, String category, String status,
                Optional<String> reason, Instant settledAt, Optional<Instant> deliveredAt,
                Optional<Instant> bouncedAt) {}

    /** A greeting filed for the member: the occasion's kind, the local date and the moment it is due. */
    record Greeting(String kind, LocalDate localDate, Instant greetAt) {}

    /** The ids of members whose normalised address is {@code emailKey} (at most {@code limit}). */
    List<String> idsByEmail(String emailKey, int limit);

    /** The ids of members whose normalised number is {@code phoneKey} (at most {@code limit}). */
    List<String> idsByPhone(String phoneKey, int limit);

    /** The member's orders, the greatest order id first, {@code limit} a page, after the cursor {@code next}. */
    Page<ArchivedOrder> orders(String customerId, int limit, Optional<String> next);

    /** The points account, if the ledger has one. */
    Optional<PointsAccount> pointsAccount(String customerId);

    /** Whether the points ledger applied the request {@code requestKey} (an adjustment, a reward) to the member. */
    boolean pointsRequestApplied(String customerId, String requestKey);

    /** Ledger entries, newest first, {@code limit} of them, with a sequence below {@code before} if given. */
    List<LedgerEntry> pointsEntries(String customerId, int limit, OptionalLong before);

    /** The latest win-back steps the member entered, newest first. */
    List<WinBackJournal.Entry> winBackSteps(String customerId, int limit);

    /** The greetings filed for the member (one per occasion kind: bounded by the archive's anniversary limit). */
    List<Greeting> greetings(String customerId);

    /** The member's open carts. */
    List<Cart> openCarts(String customerId, int limit);

    /** The member's open disputes. */
    List<Dispute> openDisputes(String customerId, int limit);

    /** Mail the send ledger settled for the member, the latest first, after the cursor {@code next}. */
    Page<Mail> mails(String customerId, int limit, Optional<String> next);
}
