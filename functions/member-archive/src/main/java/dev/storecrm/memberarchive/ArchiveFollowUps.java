package dev.storecrm.memberarchive;

import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.occasion.Occasions;
import dev.storecrm.domain.rfm.RfmRecheck;
import dev.storecrm.domain.winback.WinBackPolicy;
import dev.storecrm.domain.winback.WinBackTimer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What must follow when a member's archive changes, written only when it does change:
 * <ul>
 *   <li>the member's occasions (birthday, anniversaries, joining date, in the member's time zone)
 *       are filed anew for their next greetings;</li>
 *   <li>the win-back timer follows the last paid order: a new last order re-arms it for the first
 *       win-back step of the new silence (which also ends the previous episode), and a member whose
 *       paid orders were all taken back has none. A step the silence reached before go-live (an
 *       imported history) is armed for the member's place in the go-live ramp instead
 *       ({@link GoLivePolicy#stepDue}).</li>
 *   <li>a change of what RFM reads (orders, spend, last order, tier, the latest payments) asks RfmFunction
 *       to evaluate the member again ({@link RfmRecheck}).</li>
 * </ul>
 */
final class ArchiveFollowUps {

    private final OccasionDiary diary;
    private final Timers timers;
    private final MemberPolicy memberPolicy;
    private final OccasionPolicy occasions;
    private final WinBackPolicy winBack;
    private final ZoneId storeZone;
    private final GoLivePolicy goLive;
    private final RfmRecheck rfm;

    ArchiveFollowUps(OccasionDiary diary, Timers timers, MemberPolicy memberPolicy, OccasionPolicy occasions,
                     WinBackPolicy winBack, ZoneId storeZone, GoLivePolicy goLive, RfmRecheck rfm) {
        this.diary = diary;
        this.timers = timers;
        this.memberPolicy = memberPolicy;
        this.occasions = occasions;
        this.winBack = winBack;
        this.storeZone = storeZone;
        this.goLive = goLive;
        this.rfm = rfm;
    }

    /**
     * @param before the record as it was ({@code null} for a new one)
     * @param revision the revision the record was saved with
     */
    void changed(MemberRecord before, MemberRecord after, MemberSummary summary, long revision, Instant now) {
        MemberSummary previous = before == null ? null : MemberSummary.of(before, memberPolicy, now);
        List<Occasion> previousOccasions = before == null ? List.of()
                : Occasions.of(before, previous, occasions, storeZone);
        List<Occasion> currentOccasions = Occasions.of(after, summary, occasions, storeZone);
        if (!previousOccasions.equals(currentOccasions)) {
            diary.refile(after.customerId(), previousOccasions, currentOccasions, revision, now);
        }
        Optional<Instant> lastOrder = summary.lastOrderAt();
        Optional<Instant> previousLastOrder = previous == null ? Optional.empty() : previous.lastOrderAt();
        if (!lastOrder.equals(previousLastOrder)) {
            String timerId = WinBackTimer.timerId(after.customerId());
            if (lastOrder.isEmpty() || winBack.first().isEmpty()) {
                timers.cancel(timerId);
            } else {
                timers.schedule(new Timers.Timer(timerId, WinBackTimer.TARGET,
                        new WinBackTimer(after.customerId(), lastOrder.get(), 1).toJson(),
                        goLive.stepDue(after.customerId(), lastOrder.get().plus(winBack.first().get().after()), now)));
            }
        }
        if (previous == null || !rfmInputs(previous).equals(rfmInputs(summary))
                || !before.purchases().recent().equals(after.purchases().recent())) {
            rfm.recheck(after.customerId());
        }
    }

    private static List<Object> rfmInputs(MemberSummary summary) {
        return List.of(summary.orderCount(), summary.lifetimeSpendMinor(), summary.lastOrderAt(), summary.tier(),
                summary.tierHeldUntil());
    }
}
