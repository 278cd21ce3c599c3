package dev.storecrm.carelists;

import dev.storecrm.domain.messaging.MailOutcomes;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What became of the messages per day (store time zone), journey and outcome: {@code SENT}, or why not (the send
 * ledger's reason, e.g. {@code SUPPRESSED}, {@code NO_MARKETING_CONSENT}, {@code EXPIRED_UNDER_CAP},
 * {@code HELD_OUT}, {@code EXPIRED_WHILE_PAUSED}, {@code REJECTED_BY_SES}), as the sender counted them when it
 * settled each message. One Query over the period's counters; a period is at most {@link MailOutcomes#MAX_DAYS}
 * days. Only what happened is listed: a day, journey and outcome without messages has no row.
 */
final class MailReport {

    static final List<String> COLUMNS = List.of("day", "journey", "outcome", "messages");

    private final MailOutcomes outcomes;

    MailReport(MailOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    Table between(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) >= MailOutcomes.MAX_DAYS) {
            throw new IllegalArgumentException("the mail's outcomes are read at most " + MailOutcomes.MAX_DAYS
                    + " days at a time; ask for a shorter period");
        }
        Table table = new Table(COLUMNS);
        for (MailOutcomes.Count count : outcomes.between(from, to)) {
            table.add(List.of(count.day().toString(), count.journey(), count.outcome(), Long.toString(count.count())));
        }
        return table;
    }
}
