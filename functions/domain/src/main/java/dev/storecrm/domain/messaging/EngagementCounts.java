package dev.storecrm.domain.messaging;

import java.time.LocalDate;
import java.util.List;

/**
 * Opens and clicks of the mail, counted per journey and day (UTC) from SES's Open and Click events, when the
 * stack's engagement tracking is on ({@code EngagementTracking}, off by default).
 */
public interface EngagementCounts {

    /** What SES reported: the open-tracking pixel loaded, or a tracked link followed. */
    enum Kind { OPEN, CLICK }

    /** A journey's opens and clicks over a period. */
    record Totals(String journey, long opens, long clicks) {}

    /** Counts one open or click of the journey's mail on {@code day}. */
    void count(String journey, Kind kind, LocalDate day);

    /** Each journey's opens and clicks from {@code from} to {@code to}, both days included, by journey name. */
    List<Totals> between(LocalDate from, LocalDate to);
}
