package dev.storecrm.domain.occasion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the occasions wait for their next greeting, filed so that each hourly run reads only the
 * greetings due in it (see {@link GreetingCalendar}).
 */
public interface OccasionDiary {

    /** An occasion as filed: what it was filed from, and for which greeting. */
    record Entry(Occasion occasion, GreetingCalendar.Due due, long memberRevision) {}

    /**
     * Files a member's occasions for their next greetings (from {@code now}) after the member's
     * archive changed, and removes the kinds the member no longer has. A write from an older
     * revision of the member never replaces one from a newer revision.
     */
    void refile(String customerId, List<Occasion> before, List<Occasion> after, long memberRevision, Instant now);

    /** The entries of one index range and shard: the greetings one run greets. */
    List<Entry> due(GreetingCalendar.Range range, int shard);

    int shards();

    /** Everything filed under one local date and shard, whatever the hour (the staff's birthday list). */
    List<Entry> filedFor(String localDay, int shard);

    /** Moves an entry on to its next greeting, unless it was refiled meanwhile; false then. */
    boolean advance(Entry entry, GreetingCalendar.Due next);

    /** Files one occasion afresh for a given greeting (the greeting run, when the archive moved on). */
    void file(Occasion occasion, GreetingCalendar.Due due, long memberRevision);

    void remove(String customerId, String kind);

    /** The last hour the greeting run completed, if it ever ran. */
    Optional<Instant> lastRun();

    void completedRun(Instant hour);
}
