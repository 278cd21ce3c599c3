package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.placed;
import static dev.storecrm.domain.TestEvents.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.StoreEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierActionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
    private static final TierLadder LADDER = TierLadder.parse("MEMBER", "VIP1=50000,VIP2=200000");
    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, LADDER);
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(30));

    private static TierAction override(String tier, Instant until, String key) {
        return new TierAction(tier, until, key, "compensation for a lost parcel", "console:admin");
    }

    @Test
    void anUnknownTierOrAnEndNotInTheFutureIsInvalidAndACancelledMemberHasNoTierToSet() {
        assertEquals(Optional.of("the store has no tier VIP9 (its tiers: MEMBER, VIP1, VIP2)"),
                override("VIP9", UNTIL, "k").invalid(LADDER, NOW));
        assertEquals(Optional.of("the override's end (until) must be in the future"),
                override("VIP2", NOW, "k").invalid(LADDER, NOW));
        assertEquals(Optional.empty(), override("MEMBER", UNTIL, "k").invalid(LADDER, NOW), "a downgrade too");
        assertTrue(override("VIP2", UNTIL, "k").refusal(MembershipStatus.CANCELLED).isPresent());
        assertTrue(override("VIP2", UNTIL, "k").refusal(MembershipStatus.NONE).isPresent());
        assertEquals(Optional.empty(), override("VIP2", UNTIL, "k").refusal(MembershipStatus.FROZEN));
    }

    @Test
    void theOverrideHoldsUntilItsEndAndThenTheSpendRuleGovernsAgain() {
        MemberRecord record = replay(List.of(joinedWithSpend(), parse(override("VIP2", UNTIL, "k-1"))));
        assertEquals(Optional.of("VIP1"), summary(record, NOW.minusSeconds(1)).tier(), "by spend before it");
        MemberSummary during = summary(record, NOW.plus(Duration.ofDays(1)));
        assertEquals(Optional.of("VIP2"), during.tier());
        assertEquals(Optional.of(UNTIL), during.tierHeldUntil());
        assertEquals(Optional.of("VIP1"), summary(record, UNTIL).tier(), "the spend rule again at the end");
        TierOverride held = record.tierOverrideAt(NOW.plusSeconds(5)).orElseThrow();
        assertEquals("console:admin", held.actor());
        assertEquals("compensation for a lost parcel", held.reason());
    }

    @Test
    void aNewerOverrideReplacesAnOlderOneAndATierTheLadderLostIsIgnored() {
        StoreEvent first = parse(override("VIP2", UNTIL, "k-1"));
        StoreEvent downgrade = EventParser.parse(override("MEMBER", NOW.plus(Duration.ofDays(3)), "k-2")
                .event("c-1", NOW.plusSeconds(30)), CLOCK);
        MemberRecord record = replay(List.of(joinedWithSpend(), first, downgrade));
        assertEquals(Optional.of("MEMBER"), summary(record, NOW.plus(Duration.ofDays(1))).tier());
        assertEquals(Optional.of("VIP1"), summary(record, NOW.plus(Duration.ofDays(4))).tier(),
                "the newer override ended: the spend rule, not the older override");
        MemberPolicy fewerTiers = new MemberPolicy(Currency.getInstance("CNY"), MemberPolicy.Enrolment.FIRST_PAID_ORDER,
                0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
        MemberRecord onlyFirst = replay(List.of(joinedWithSpend(), first));
        assertEquals(Optional.of("VIP1"), MemberSummary.of(onlyFirst, fewerTiers, NOW.plusSeconds(5)).tier());
    }

    @Test
    void anOverrideSentTwiceWithOtherEventsConvergesInAnyOrder() {
        List<StoreEvent> events = new ArrayList<>(List.of(joinedWithSpend(), parse(override("VIP2", UNTIL, "k-1")),
                EventParser.parse(override("VIP2", UNTIL, "k-1").event("c-1", NOW.plusSeconds(40)), CLOCK),
                placed("e-o2", "2026-12-05T03:00:00Z", "c-1", "o-2", 5_000),
                paid("e-p2", "2026-12-05T03:00:01Z", "c-1", "o-2", 5_000)));
        Random random = new Random(20);
        MemberRecord first = null;
        for (int round = 0; round < 40; round++) {
            Collections.shuffle(events, random);
            MemberRecord record = replay(events);
            first = first == null ? record : first;
            assertEquals(first, record, "the same record whatever the order");
        }
        assertEquals(1, first.tierLog().size(), "one override per request key");
        assertEquals(NOW, first.tierLog().getFirst().stamp().at(), "at the first send's time");
    }

    @Test
    void theEventIsACanonicalMemberUpdatedWithTheTier() {
        MemberUpdated updated = (MemberUpdated) parse(override("VIP2", UNTIL, "k-1"));
        assertEquals("VIP2", updated.tier().orElseThrow().tier());
        assertEquals(UNTIL, updated.tier().orElseThrow().until());
        assertEquals(OperatorAction.eventId("c-1", "k-1"), updated.meta().id());
        assertTrue(updated.membership().isEmpty() && updated.profile().isEmpty());
    }

    private static StoreEvent joinedWithSpend() {
        return registered("e-0", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of());
    }

    private static MemberRecord replay(List<StoreEvent> events) {
        List<StoreEvent> all = new ArrayList<>(events);
        all.add(placed("e-o1", "2026-11-01T00:00:00Z", "c-1", "o-1", 60_000));
        all.add(paid("e-p1", "2026-11-01T00:00:01Z", "c-1", "o-1", 60_000));
        return new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1"), all, new OrdersInMemory());
    }

    private static StoreEvent parse(TierAction action) {
        return EventParser.parse(action.event("c-1", NOW), CLOCK);
    }

    private static MemberSummary summary(MemberRecord record, Instant at) {
        return MemberSummary.of(record, POLICY, at);
    }
}
