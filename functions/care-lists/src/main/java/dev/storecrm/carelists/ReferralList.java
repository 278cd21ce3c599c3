package dev.storecrm.carelists;

import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralBook;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The referrals (推荐): who referred whom, the referee's first paid order (the conversion), where the
 * referral stands, the reward and, for a refused or reversed one, why. Either the referrals first seen
 * in a month (by their first paid or cancelled order) or one referrer's referees; oldest first, one
 * Query of an index per page, at most {@value #MAX_PAGE} rows a page.
 */
final class ReferralList {

    static final int MAX_PAGE = 1000;
    static final List<String> COLUMNS = List.of("refereeId", "referrerId", "status", "reason", "firstOrderId",
            "paidAt", "qualifiesAt", "reward", "referrerPoints", "refereePoints", "rewarded", "recordedAt",
            "decidedAt");

    private final ReferralBook book;

    ReferralList(ReferralBook book) {
        this.book = book;
    }

    Table of(YearMonth month, Optional<String> referrerId, ListPage page) {
        int limit = Math.min(page.limit(), MAX_PAGE);
        ReferralBook.Page referrals = referrerId.isPresent()
                ? book.referredBy(referrerId.get(), page.after(), limit)
                : book.recordedIn(month, page.after(), limit);
        Table table = new Table(COLUMNS);
        for (Referral r : referrals.referrals()) {
            table.add(List.of(r.refereeId(), r.referrerId(), r.status().wire(), r.reason().orElse(""),
                    r.orderId().orElse(""), text(r.paidAt()), text(r.qualifiesAt()), r.reward(),
                    Long.toString(r.referrerPoints()),
                    Long.toString(r.refereePoints()), Boolean.toString(r.rewarded()), r.recordedAt().toString(),
                    text(r.decidedAt())));
        }
        return table.next(referrals.next().map(ListPage::cursor));
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }
}
