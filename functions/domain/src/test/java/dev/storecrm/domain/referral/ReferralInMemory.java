package dev.storecrm.domain.referral;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Referrals, members, timers and points in memory, for the programme's tests. */
final class ReferralInMemory implements ReferralBook, ReferralParties, ReferralTimer, ReferralRewards {

    final Map<String, Revisioned<Referral>> referrals = new HashMap<>();
    final Map<String, Party> members = new HashMap<>();
    final Map<String, Instant> timers = new HashMap<>();
    /** Points by customer; the request keys applied, with their points. */
    final Map<String, Long> points = new HashMap<>();
    final Map<String, Long> applied = new HashMap<>();
    int memberReads;
    /** Fails the next {@link #give} after the save, as a crash between the two would. */
    boolean failNextGive;

    @Override
    public Optional<Revisioned<Referral>> find(String refereeId, boolean consistentRead) {
        return Optional.ofNullable(referrals.get(refereeId));
    }

    @Override
    public void save(Referral referral, OptionalLong expectedRevision) {
        Revisioned<Referral> stored = referrals.get(referral.refereeId());
        OptionalLong current = stored == null ? OptionalLong.empty() : OptionalLong.of(stored.revision());
        if (!current.equals(expectedRevision)) {
            throw new ConcurrentUpdateException("referral changed");
        }
        referrals.put(referral.refereeId(), new Revisioned<>(referral, expectedRevision.orElse(0) + 1));
    }

    @Override
    public Page recordedIn(YearMonth month, Optional<String> cursor, int limit) {
        return page(referrals.values().stream().map(Revisioned::value)
                .filter(r -> YearMonth.from(r.recordedAt().atZone(ZoneOffset.UTC)).equals(month)).toList(), cursor,
                limit);
    }

    @Override
    public Page referredBy(String referrerId, Optional<String> cursor, int limit) {
        return page(referrals.values().stream().map(Revisioned::value).filter(r -> r.referrerId().equals(referrerId))
                .toList(), cursor, limit);
    }

    private static Page page(List<Referral> all, Optional<String> cursor, int limit) {
        List<Referral> sorted = new ArrayList<>(all.stream().filter(r -> cursor.map(c -> key(r).compareTo(c) > 0)
                .orElse(true)).toList());
        sorted.sort(Comparator.comparing(ReferralInMemory::key));
        List<Referral> rows = sorted.subList(0, Math.min(limit, sorted.size()));
        return new Page(rows, sorted.size() > limit ? Optional.of(key(rows.getLast())) : Optional.empty());
    }

    private static String key(Referral r) {
        return r.recordedAt() + "#" + r.refereeId();
    }

    @Override
    public Optional<Party> find(String customerId) {
        memberReads++;
        return Optional.ofNullable(members.get(customerId));
    }

    @Override
    public void bringForward(String refereeId, Instant due) {
        timers.merge(refereeId, due, (a, b) -> a.isBefore(b) ? a : b);
    }

    @Override
    public void rearm(String refereeId, Instant due) {
        timers.put(refereeId, due);
    }

    @Override
    public void cancel(String refereeId) {
        timers.remove(refereeId);
    }

    @Override
    public boolean give(String customerId, long reward, String requestKey, String reason) {
        if (failNextGive) {
            failNextGive = false;
            throw new IllegalStateException("the ledger is unreachable");
        }
        if (applied.containsKey(requestKey)) {
            return false;
        }
        applied.put(requestKey, reward);
        points.merge(customerId, reward, Long::sum);
        return true;
    }

    @Override
    public long takeBack(String customerId, long reward, String requestKey, String reason) {
        if (applied.containsKey(requestKey)) {
            return 0;
        }
        long take = Math.min(reward, points.getOrDefault(customerId, 0L));
        applied.put(requestKey, -take);
        points.merge(customerId, -take, Long::sum);
        return take;
    }
}
