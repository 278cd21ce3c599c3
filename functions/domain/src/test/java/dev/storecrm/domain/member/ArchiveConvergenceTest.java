package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.cancelled;
import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static dev.storecrm.domain.TestEvents.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any order and any duplication of a member's events gives the same archive: the same record and
 * the same summary (points, tier, spend, status). 200 random shuffles per seed.
 */
class ArchiveConvergenceTest {

    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000,VIP2=200000"));
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static List<StoreEvent> history() {
        Set<ProfileField> email = Set.of(ProfileField.EMAIL);
        return List.of(
                registered("e01", "2026-01-01T00:00:00Z", "c-1", Profile.EMPTY.with(ProfileField.EMAIL, "a@example.com")
                        .with(ProfileField.TIME_ZONE, ZoneId.of("Europe/Berlin"))
                        .with(ProfileField.BIRTHDAY, RecurringDate.parse("--02-29")),
                        Set.of(ProfileField.EMAIL, ProfileField.TIME_ZONE, ProfileField.BIRTHDAY)),
                updated("e02", "2026-02-01T00:00:00Z", "c-1", Profile.EMPTY.with(ProfileField.EMAIL, "b@example.com"),
                        email),
                updated("e03", "2026-02-01T00:00:00Z", "c-1", Profile.EMPTY.with(ProfileField.EMAIL, "c@example.com"),
                        email),
                paid("e04", "2026-03-01T00:00:00Z", "c-1", "o-1", 40_000),
                refunded("e05", "2026-03-05T00:00:00Z", "c-1", "o-1", "r-1", 5_000),
                refunded("e06", "2026-03-06T00:00:00Z", "c-1", "o-1", "r-2", 5_000),
                paid("e07", "2026-04-01T00:00:00Z", "c-1", "o-2", 30_000),
                cancelled("e08", "2026-04-02T00:00:00Z", "c-1", "o-2"),
                status("e09", "2026-05-01T00:00:00Z", "c-1", MembershipStatus.FROZEN),
                paid("e10", "2026-05-15T00:00:00Z", "c-1", "o-3", 90_000),
                status("e11", "2026-06-01T00:00:00Z", "c-1", MembershipStatus.ACTIVE),
                paid("e12", "2026-07-01T00:00:00Z", "c-1", "o-4", 120_000),
                updated("e13", "2026-08-01T00:00:00Z", "c-1", Profile.EMPTY, Set.of(ProfileField.BIRTHDAY)));
    }

    /** The record and its orders after the events, as the member archive applies them one by one. */
    private static List<Object> replay(List<StoreEvent> events) {
        OrdersInMemory orders = new OrdersInMemory();
        MemberRecord record = new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1"), events, orders);
        return List.of(record, Set.copyOf(orders.all()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void shuffledAndDuplicatedStreamsConverge(long seed) {
        List<Object> expectedArchive = replay(history());
        MemberRecord expected = (MemberRecord) expectedArchive.get(0);
        MemberSummary expectedSummary = MemberSummary.of(expected, POLICY, NOW);
        Random random = new Random(seed);
        for (int run = 0; run < 200; run++) {
            List<StoreEvent> stream = new ArrayList<>();
            for (StoreEvent event : history()) {
                int copies = 1 + random.nextInt(3);
                for (int i = 0; i < copies; i++) {
                    stream.add(event);
                }
            }
            Collections.shuffle(stream, random);
            List<Object> actual = replay(stream);
            assertEquals(expectedArchive, actual, "seed " + seed + " run " + run);
            assertEquals(expectedSummary, MemberSummary.of((MemberRecord) actual.get(0), POLICY, NOW));
        }
        assertEquals("c@example.com", expected.profile().email(), "same instant: the larger event id wins");
        assertEquals(30_000 + 120_000 + 90_000, expectedSummary.lifetimeSpendMinor());
        assertEquals(300 + 1_200, expectedSummary.points(), "o-3 was paid while frozen");
    }
}
