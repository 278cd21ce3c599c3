package dev.storecrm.domain.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What became of the messages, counted per day (the store's time zone), journey and outcome by the sender where it
 * settles each ledger entry: {@code SENT}, or why not (the ledger's reason: {@code SUPPRESSED},
 * {@code NO_MARKETING_CONSENT}, {@code EXPIRED_UNDER_CAP}, {@code HELD_OUT}, {@code EXPIRED_WHILE_PAUSED},
 * {@code REJECTED_BY_SES}, …). A report reads a period by key, at most {@link #MAX_DAYS} days.
 */
public interface MailOutcomes {

    /** The longest period a report reads (a quarter): its cost follows its days. */
    int MAX_DAYS = 92;

    /** What a reason's code looks like: an upper-case word of at most 40 characters. */
    Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** A day's count of one journey's messages with one outcome. */
    record Count(LocalDate day, String journey, String outcome, long count) {}

    /** Counts one message of the journey settled on {@code day} with {@code outcome}. */
    void count(LocalDate day, String journey, String outcome);

    /** The counts from {@code from} to {@code to}, both days included, by day, journey and outcome. */
    List<Count> between(LocalDate from, LocalDate to);

    /** The outcome a settled entry counts under: its reason's code (before any ':'), or the status. */
    static String outcome(SendLedger.Status status, String reason) {
        if (status == SendLedger.Status.SENT || reason == null) {
            return status.name();
        }
        int colon = reason.indexOf(':');
        String code = (colon < 0 ? reason : reason.substring(0, colon)).strip();
        return REASON_CODE.matcher(code).matches() ? code : status.name();
    }
}
