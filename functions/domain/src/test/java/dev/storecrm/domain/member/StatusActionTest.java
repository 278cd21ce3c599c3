package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.StatusAction.Kind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusActionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));

    private static StatusAction action(Kind kind, String key) {
        return new StatusAction(kind, key, "asked by phone", "console:admin");
    }

    @Test
    void eachActionIsAllowedFromOneStandingAndRefusedWithTheReasonFromTheOthers() {
        Map<Kind, List<MembershipStatus>> allowed = Map.of(
                Kind.FREEZE, List.of(MembershipStatus.ACTIVE),
                Kind.UNFREEZE, List.of(MembershipStatus.FROZEN),
                Kind.CANCEL, List.of(MembershipStatus.ACTIVE, MembershipStatus.FROZEN),
                Kind.RESTORE, List.of(MembershipStatus.CANCELLED));
        for (Kind kind : Kind.values()) {
            for (MembershipStatus current : MembershipStatus.values()) {
                Optional<String> refusal = action(kind, "k-1").refusal(current);
                assertEquals(!allowed.get(kind).contains(current), refusal.isPresent(), kind + " from " + current);
            }
        }
        assertEquals(Optional.of("the membership is cancelled: restore the membership first"),
                action(Kind.FREEZE, "k").refusal(MembershipStatus.CANCELLED));
        assertEquals(Optional.of("the membership is active, not cancelled"),
                action(Kind.RESTORE, "k").refusal(MembershipStatus.ACTIVE));
        assertTrue(action(Kind.CANCEL, "k").refusal(MembershipStatus.NONE).orElseThrow().contains("not a member"));
    }

    @Test
    void anActionWithoutAReasonCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new StatusAction(Kind.FREEZE, "k", " ", "console:a"));
        assertThrows(IllegalArgumentException.class, () -> new StatusAction(Kind.FREEZE, "k", null, "console:a"));
    }

    @Test
    void theEventIsACanonicalMemberUpdatedWhoseIdFollowsTheMemberAndTheRequestKey() {
        StoreEvent event = EventParser.parse(action(Kind.FREEZE, "req-7").event("c-1", NOW), CLOCK);
        MemberUpdated updated = (MemberUpdated) event;
        assertEquals(OperatorAction.eventId("c-1", "req-7"), updated.meta().id());
        assertEquals(MembershipStatus.FROZEN, updated.membership().orElseThrow().status());
        assertEquals("console:admin", updated.membership().orElseThrow().actor());
        assertEquals("asked by phone", updated.membership().orElseThrow().reason());
        assertEquals(OperatorAction.eventId("c-1", "req-7"), OperatorAction.eventId("c-1", "req-7"));
        assertNotEquals(OperatorAction.eventId("c-1", "req-7"), OperatorAction.eventId("c-2", "req-7"));
        assertNotEquals(OperatorAction.eventId("c-1", "req-7"), OperatorAction.eventId("c-1", "req-8"));
    }

    @Test
    void anActionSentTwiceAndALateEventConvergeInAnyOrder() {
        StoreEvent joined = registered("e-0", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY, java.util.Set.of());
        StoreEvent freeze = parse(action(Kind.FREEZE, "req-1").event("c-1", NOW));
        StoreEvent freezeAgain = parse(action(Kind.FREEZE, "req-1").event("c-1", NOW.plusSeconds(30)));
        StoreEvent lateActive = status("e-late", "2026-12-05T03:59:00Z", "c-1", MembershipStatus.ACTIVE);
        StoreEvent laterCancel = status("e-later", "2026-12-05T04:10:00Z", "c-1", MembershipStatus.CANCELLED);
        List<StoreEvent> events = new ArrayList<>(List.of(joined, freeze, freezeAgain, lateActive, laterCancel));
        Random random = new Random(19);
        MemberRecord first = null;
        for (int round = 0; round < 50; round++) {
            Collections.shuffle(events, random);
            MemberRecord record = new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1"), events,
                    new OrdersInMemory());
            if (first == null) {
                first = record;
            }
            assertEquals(first, record, "the same record whatever the order");
        }
        assertEquals(3, first.statusLog().size(), "the re-sent freeze is one change: " + first.statusLog());
        StatusEntry frozen = first.statusLog().get(1);
        assertEquals(NOW, frozen.stamp().at(), "the earliest send of the request key is kept");
        assertEquals("console:admin", frozen.actor());
        assertEquals(MembershipStatus.FROZEN, MemberSummary.of(first, POLICY, NOW.plusSeconds(60)).status(),
                "the late (earlier) event does not undo the freeze");
        assertEquals(MembershipStatus.CANCELLED, MemberSummary.of(first, POLICY, NOW.plusSeconds(700)).status());
    }

    private static StoreEvent parse(String json) {
        return EventParser.parse(json, CLOCK);
    }
}
