package dev.storecrm.carelists;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralBook;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** Referrals in memory, listed as the table's indexes list them (by listKey: recordedAt#refereeId). */
final class InMemoryReferrals implements ReferralBook {

    final List<Referral> referrals = new ArrayList<>();

    @Override
    public Optional<Revisioned<Referral>> find(String refereeId, boolean consistentRead) {
        return referrals.stream().filter(r -> r.refereeId().equals(refereeId)).findFirst()
                .map(r -> new Revisioned<>(r, 1));
    }

    @Override
    public void save(Referral referral, OptionalLong expectedRevision) {
        referrals.removeIf(r -> r.refereeId().equals(referral.refereeId()));
        referrals.add(referral);
    }

    @Override
    public Page recordedIn(YearMonth month, Optional<String> cursor, int limit) {
        return page(r -> YearMonth.from(r.recordedAt().atZone(ZoneOffset.UTC)).equals(month), cursor, limit);
    }

    @Override
    public Page referredBy(String referrerId, Optional<String> cursor, int limit) {
        return page(r -> r.referrerId().equals(referrerId), cursor, limit);
    }

    private Page page(Predicate<Referral> which, Optional<String> cursor, int limit) {
        List<Referral> sorted = referrals.stream().filter(which)
                .filter(r -> cursor.map(c -> key(r).compareTo(c) > 0).orElse(true))
                .sorted(Comparator.comparing(InMemoryReferrals::key)).toList();
        List<Referral> rows = sorted.subList(0, Math.min(limit, sorted.size()));
        return new Page(rows, sorted.size() > limit ? Optional.of(key(rows.getLast())) : Optional.empty());
    }

    private static String key(Referral r) {
        return r.recordedAt() + "#" + r.refereeId();
    }
}
