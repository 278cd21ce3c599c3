package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.LocalPointsStore;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.fixtures.events.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A year and a half of points by time travel, through the real member archive, loyalty function,
 * timer sweep and sender into the SES emulator: points paid in 2026 expire at the end of the 12th
 * month after the month they were earned, at local midnight in Shanghai and in Berlin (across
 * daylight saving); each lot's "expiring soon" mail goes 30 days before, at 10:00 local, in the
 * member's language, once, and only for 100 points or more; points already expired are not taken
 * back by a late cancellation; and once nothing is left to expire, no timer is left either.
 */
@ExtendWith(FreshLocalCloud.class)
class PointsExpiryYearIT {

    private static final Instant START = Instant.parse("2026-01-10T02:00:00Z");

    private LocalCloud cloud;
    private LocalPointsStore store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        // Holdouts off: every named member's every reminder is the subject here (holdouts: PointsLedgerTest).
        this.store = LocalPointsStore.at(cloud, START, Map.of("SES_MAX_SEND_RATE", "1000", "HOLDOUT_PERCENT", "0"));
    }

    @Test
    void pointsExpireAtLocalMidnightAfterOneReminderEachAndLeaveNoTimerBehind() {
        member("c-sh", "zh-CN", "Asia/Shanghai");
        member("c-be", "en", "Europe/Berlin");
        member("c-small", "zh-CN", "Asia/Shanghai");
        member("c-late", "en", "Asia/Shanghai");
        paid("c-sh", "o-sh-1", "2026-01-15T04:00:00Z", 100_000);
        paid("c-be", "o-be-1", "2026-01-20T10:00:00Z", 80_000);
        paid("c-small", "o-small-1", "2026-01-15T04:00:00Z", 5_000);
        paid("c-late", "o-late-1", "2026-01-15T04:00:00Z", 60_000);
        paid("c-sh", "o-sh-2", "2026-02-10T04:00:00Z", 50_000);
        paid("c-be", "o-be-2", "2026-03-10T10:00:00Z", 20_000);
        paid("c-sh", "o-sh-3", "2026-06-05T04:00:00Z", 30_000);
        assertEquals(1, pointsTimers().stream().filter(t -> t.equals("points#c-sh")).count(), "one timer per member");

        List<Instant> moments = List.of("2027-01-02T02:00:00Z", "2027-01-02T09:00:00Z", "2027-01-30T02:00:00Z",
                "2027-01-31T16:00:00Z", "2027-01-31T23:00:00Z", "2027-02-28T16:00:00Z", "2027-03-02T09:00:00Z",
                "2027-03-31T22:00:00Z", "2027-06-01T02:00:00Z", "2027-06-30T16:00:00Z").stream()
                .map(Instant::parse).toList();
        for (Instant moment : moments) {
            store.functions().advanceTo("TimerSweepFunction", moment.minusSeconds(30));
            store.functions().advanceTo("TimerSweepFunction", moment.plusSeconds(60));
            if (moment.equals(Instant.parse("2027-02-28T16:00:00Z"))) {
                cancelLate();
            }
        }
        store.functions().advanceTo("TimerSweepFunction", Instant.parse("2027-08-01T00:00:00Z"));

        assertEquals(List.of(
                "2027-01-02T02:01:00Z c-late [AD] 600 of your points expire after 2027-01-31",
                "2027-01-02T02:01:00Z c-sh 【广告】您有 1000 积分将于 2027-01-31 后过期",
                "2027-01-02T09:01:00Z c-be [AD] 800 of your points expire after 2027-01-31",
                "2027-01-30T02:01:00Z c-sh 【广告】您有 500 积分将于 2027-02-28 后过期",
                "2027-03-02T09:01:00Z c-be [AD] 200 of your points expire after 2027-03-31",
                "2027-06-01T02:01:00Z c-sh 【广告】您有 300 积分将于 2027-06-30 后过期"), mail(),
                "at 10:00 local 30 days before; c-small's 50 points are under the reminder's minimum");
        assertEquals(List.of(
                "2027-01-31T16:01:00Z c-late expired -600",
                "2027-01-31T16:01:00Z c-sh expired -1000",
                "2027-01-31T16:01:00Z c-small expired -50",
                "2027-01-31T23:01:00Z c-be expired -800",
                "2027-02-28T16:01:00Z c-sh expired -500",
                "2027-03-31T22:01:00Z c-be expired -200",
                "2027-06-30T16:01:00Z c-sh expired -300"), expiries(), "at local midnight, within a minute");
        LedgerEntry reversal = entries("c-late").getLast();
        assertEquals(EntryKind.REVERSED, reversal.kind());
        assertEquals(0, reversal.points(), "the cancelled order's points had expired: nothing to take back");
        assertEquals(600, reversal.posting().uncollected());
        for (String member : List.of("c-sh", "c-be", "c-small", "c-late")) {
            assertEquals(0, store.book().account(member, true).orElseThrow().value().balance(), member);
        }
        assertEquals(List.of(), pointsTimers(), "nothing left to expire: no timer, and no cost");
    }

    // ------------------------------------------------------------------ helpers

    private void member(String customerId, String locale, String zone) {
        publish(Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z").name("Sample " + customerId)
                .locale(locale).timeZone(zone).json());
    }

    private void paid(String customerId, String orderId, String at, long amount) {
        store.clock().set(Instant.parse(at));
        publish(Events.orderPaid(customerId, orderId).id("pay-" + orderId).at(at).amount(amount).json());
    }

    /** c-late's order of January 2026 is cancelled in March 2027, after its points expired. */
    private void cancelLate() {
        publish(Events.orderCancelled("c-late", "o-late-1").id("cancel-o-late-1").at(store.clock().instant()).json());
    }

    private void publish(String event) {
        cloud.eventBus().publish(event, "test", store.clock().instant());
        store.functions().drainAll();
    }

    private List<String> mail() {
        Map<String, String> sentAt = new java.util.HashMap<>();
        cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("SendLedgerTable"))).items().stream()
                .filter(item -> item.containsKey("messageId"))
                .forEach(item -> sentAt.put(item.get("messageId").s(), item.get("settledAt").s()));
        List<String> mail = new ArrayList<>();
        for (SentMail sent : cloud.sentMail()) {
            mail.add(sentAt.get(sent.messageId()) + " " + sent.to().getFirst().replace("@example.com", "") + " "
                    + sent.subject());
        }
        return mail.stream().sorted().toList();
    }

    private List<String> expiries() {
        List<String> expiries = new ArrayList<>();
        for (String member : List.of("c-sh", "c-be", "c-small", "c-late")) {
            entries(member).stream().filter(e -> e.kind() == EntryKind.EXPIRED).forEach(e ->
                    expiries.add(e.recordedAt() + " " + member + " expired " + e.points()));
        }
        return expiries.stream().sorted().toList();
    }

    private List<LedgerEntry> entries(String customerId) {
        return store.book().entries(customerId, 100, OptionalLong.empty()).stream()
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index)).toList();
    }

    private List<String> pointsTimers() {
        return new ArrayList<>(new TreeSet<>(cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("TimersTable")))
                .items().stream().map(item -> item.get("timerId").s())
                .filter(id -> id.startsWith(PointsDue.timerId(""))).toList()));
    }
}
