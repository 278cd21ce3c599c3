package dev.storecrm.domain.winback;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The record of the win-back sequence: which member entered which step of which episode, when, and
 * with which coupon; read by the staff's dormant follow-up list and the wake-up report.
 */
public interface WinBackJournal {

    /** A step a member entered; {@code step} 0 is the dormant status; {@code skipped} says why no message went. */
    record Entry(String customerId, Instant episode, int step, Instant enteredAt, Optional<String> couponCode,
                 Optional<String> messageKey, Optional<String> skipped) {}

    /** Records the entry once: recording the same member, episode and step again changes nothing. */
    void record(Entry entry);

    /** The entries of a calendar month (UTC), oldest first. */
    List<Entry> enteredIn(YearMonth month);
}
