package dev.storecrm.domain.member;

import static dev.storecrm.domain.TestEvents.cancelled;
import static dev.storecrm.domain.TestEvents.paid;
import static dev.storecrm.domain.TestEvents.refunded;
import static dev.storecrm.domain.TestEvents.registered;
import static dev.storecrm.domain.TestEvents.status;
import static dev.storecrm.domain.TestEvents.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy.Enrolment;
import dev.storecrm.domain.time.LeapDayRule;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger's figures, kept by differences from one order at a time, against the same figures
 * counted the long way from every order's final facts, for random histories delivered shuffled and
 * duplicated: late status changes and birthday settings (re-pricing, more payments than one chunk),
 * payments sent again later, the latest order cancelled, refunds before their payment, enrolment by
 * spend with payments arriving out of order.
 */
class LedgerModelTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final TierLadder TIERS = TierLadder.parse("MEMBER", "VIP1=50000,VIP2=200000");
    private static final BirthdayBonus DOUBLE = new BirthdayBonus(2, 1, 1, Duration.ofDays(30), LeapDayRule.FEBRUARY_28,
            ZoneId.of("Asia/Shanghai"));

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(new MemberPolicy(Currency.getInstance("CNY"), Enrolment.FIRST_PAID_ORDER, 0,
                        BigDecimal.ONE,
                        TIERS, DOUBLE), 11L),
                Arguments.of(new MemberPolicy(Currency.getInstance("CNY"), Enrolment.SPEND_THRESHOLD, 150_000,
                        BigDecimal.ONE, TIERS, DOUBLE), 12L),
                Arguments.of(new MemberPolicy(Currency.getInstance("CNY"), Enrolment.REGISTRATION_ONLY, 0,
                        new BigDecimal("0.5"), TIERS, DOUBLE), 13L));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void shuffledHistoriesGiveTheFiguresCountedFromEveryOrder(MemberPolicy policy, long seed) {
        Random random = new Random(seed);
        for (int history = 0; history < 6; history++) {
            List<StoreEvent> events = history(random, 20 + random.nextInt(40));
            OrdersInMemory orders = new OrdersInMemory();
            MemberRecord record = new MemberLedger(policy).replay(MemberRecord.newCustomer("c-1"), events, orders);
            assertEquals(oracle(policy, record, events), figures(record, policy), "history " + history);
            for (int run = 0; run < 4; run++) {
                List<StoreEvent> stream = new ArrayList<>();
                for (StoreEvent event : events) {
                    for (int copies = 1 + (random.nextInt(4) == 0 ? 1 : 0); copies > 0; copies--) {
                        stream.add(event);
                    }
                }
                Collections.shuffle(stream, random);
                OrdersInMemory shuffledOrders = new OrdersInMemory();
                MemberRecord shuffled = new MemberLedger(policy).replay(MemberRecord.newCustomer("c-1"), stream,
                        shuffledOrders);
                assertEquals(record, shuffled, "history " + history + " run " + run);
                assertEquals(Set.copyOf(orders.all()), Set.copyOf(shuffledOrders.all()));
            }
        }
    }

    @Test
    void aLateFreezeRepricesThePaymentsAfterItAndNoOthers() {
        MemberPolicy policy = new MemberPolicy(Currency.getInstance("CNY"), Enrolment.FIRST_PAID_ORDER, 0,
                BigDecimal.ONE, TIERS);
        List<StoreEvent> payments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            payments.add(paid("p" + i, START.plus(Duration.ofDays(i)).toString(), "c-1", "o-" + i, 1_000));
        }
        CountingBook orders = new CountingBook();
        MemberLedger ledger = new MemberLedger(policy);
        MemberRecord record = ledger.replay(MemberRecord.newCustomer("c-1"), payments, orders);
        assertEquals(3_000, record.purchases().points());

        orders.finds = 0;
        orders.keys = 0;
        MemberRecord frozen = ledger.replay(record, List.of(
                status("f", START.plus(Duration.ofDays(259)).plusSeconds(1).toString(), "c-1", MembershipStatus.FROZEN),
                status("u", START.plus(Duration.ofDays(290)).plusSeconds(1).toString(), "c-1",
                        MembershipStatus.ACTIVE)),
                orders);
        assertEquals(3_000 - 310, frozen.purchases().points(), "the 31 payments made while frozen earn nothing");
        assertTrue(orders.finds <= 60 && orders.keys <= 60, "reads follow the payments after each late change (40"
                + " after the freeze, 9 after the unfreeze, and the member's latest three per write), not the 300 of"
                + " the history: " + orders.finds + " orders, " + orders.keys + " index entries");
        assertEquals(null, frozen.purchases().repricing());
    }

    @Test
    void cancellingTheLatestOrderFindsTheOneBeforeIt() {
        MemberPolicy policy = new MemberPolicy(Currency.getInstance("CNY"), Enrolment.FIRST_PAID_ORDER, 0,
                BigDecimal.ONE, TIERS);
        OrdersInMemory orders = new OrdersInMemory();
        MemberRecord record = new MemberLedger(policy).replay(MemberRecord.newCustomer("c-1"), List.of(
                paid("p1", "2026-01-01T00:00:00Z", "c-1", "o-1", 1_000),
                paid("p2", "2026-03-01T00:00:00Z", "c-1", "o-2", 1_000),
                paid("p3", "2026-03-02T00:00:00Z", "c-1", "o-3", 1_000),
                cancelled("c3", "2026-03-03T00:00:00Z", "c-1", "o-3"),
                cancelled("c2", "2026-03-03T00:00:00Z", "c-1", "o-2")), orders);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), record.purchases().lastOrderAt());
        assertEquals(Set.of(Purchases.monthOf(Instant.parse("2026-01-01T00:00:00Z"))),
                record.purchases().months().keySet());
        assertEquals(3, record.purchases().recent().size(), "cancelled payments are still the latest payments");
    }

    // ------------------------------------------------------------------ histories

    private static List<StoreEvent> history(Random random, int orderCount) {
        List<StoreEvent> events = new ArrayList<>();
        Instant registration = START.plus(Duration.ofDays(random.nextInt(200)));
        events.add(registered("reg", registration.toString(), "c-1", Profile.EMPTY
                        .with(ProfileField.BIRTHDAY, RecurringDate.parse("--0" + (1 + random.nextInt(9)) + "-15"))
                        .with(ProfileField.TIME_ZONE, ZoneId.of("Asia/Shanghai")),
                Set.of(ProfileField.BIRTHDAY, ProfileField.TIME_ZONE)));
        for (int i = 0; i < orderCount; i++) {
            Instant at = START.plus(Duration.ofHours(random.nextInt(3 * 365 * 24)));
            String order = "o-" + i;
            long amount = 1_000 + random.nextInt(60_000);
            events.add(paid("pay-" + i, at.toString(), "c-1", order, amount));
            int fate = random.nextInt(10);
            if (fate == 0) {
                events.add(cancelled("cancel-" + i, at.plus(Duration.ofDays(1)).toString(), "c-1", order));
            } else if (fate == 1) {
                events.add(refunded("refund-" + i, at.plus(Duration.ofDays(2)).toString(), "c-1", order, "r-1",
                        amount / 3));
            } else if (fate == 2) {
                events.add(refunded("refund-all-" + i, at.plus(Duration.ofDays(2)).toString(), "c-1", order, "r-1",
                        amount));
            } else if (fate == 3) {
                events.add(paid("pay-again-" + i, at.plus(Duration.ofDays(10)).toString(), "c-1", order, amount));
            } else if (fate == 4) {
                events.add(refunded("refund-early-" + i, at.minus(Duration.ofHours(1)).toString(), "c-1", order,
                        "r-0", 500));
            }
        }
        for (int i = 0; i < 4; i++) {
            Instant at = START.plus(Duration.ofDays(100 + random.nextInt(900)));
            events.add(status("status-" + i, at.toString(), "c-1",
                    i % 2 == 0 ? MembershipStatus.FROZEN : MembershipStatus.ACTIVE));
        }
        Instant moved = START.plus(Duration.ofDays(300 + random.nextInt(500)));
        events.add(updated("birthday-moved", moved.toString(), "c-1", Profile.EMPTY
                .with(ProfileField.BIRTHDAY, RecurringDate.parse("--11-0" + (1 + random.nextInt(9))))
                .with(ProfileField.TIME_ZONE, ZoneId.of("America/Los_Angeles")),
                Set.of(ProfileField.BIRTHDAY, ProfileField.TIME_ZONE)));
        return events;
    }

    // ------------------------------------------------------------------ the long way

    private record Figures(long orderCount, long lifetime, long refundCount, long refunded, long points,
                           Optional<Instant> firstOrderAt, Optional<Instant> lastOrderAt, Optional<Instant> memberSince,
                           Optional<Instant> lastPayment) {}

    private static Figures figures(MemberRecord record, MemberPolicy policy) {
        Purchases p = record.purchases();
        return new Figures(p.orderCount(), p.lifetimeSpendMinor(), p.refundCount(), p.refundedMinor(), p.points(),
                Optional.ofNullable(p.firstOrderAt()), Optional.ofNullable(p.lastOrderAt()),
                MemberSummary.memberSince(record, policy), p.lastPayment().map(pay -> pay.stamp().at()));
    }

    /** Every figure counted from every order's facts, merged from the events one by one. */
    private static Figures oracle(MemberPolicy policy, MemberRecord timeline, List<StoreEvent> events) {
        Map<String, OrderFacts> orders = new HashMap<>();
        for (StoreEvent event : events) {
            if (event instanceof OrderEvent order) {
                OrderFacts facts = orders.getOrDefault(order.orderId(), OrderFacts.NONE);
                orders.put(order.orderId(), switch (order) {
                    case OrderPaid p -> facts.withPayment(p.stamp(), p.amount().minor());
                    case OrderCancelled c -> facts.withCancellation(c.stamp());
                    case OrderRefunded r -> facts.withRefund(r.refundId(), r.stamp(), r.amount().minor());
                    default -> facts;
                });
            }
        }
        List<OrderFacts> paid = orders.values().stream().filter(OrderFacts::isPaid)
                .sorted(Comparator.comparing((OrderFacts o) -> o.payment().stamp())).toList();
        Optional<Instant> byOrders = Optional.empty();
        if (policy.enrolment() == Enrolment.FIRST_PAID_ORDER && !paid.isEmpty()) {
            byOrders = Optional.of(paid.getFirst().paidAt());
        } else if (policy.enrolment() == Enrolment.SPEND_THRESHOLD) {
            long gross = 0;
            for (OrderFacts order : paid) {
                gross += order.payment().amountMinor();
                if (gross >= policy.enrolmentSpendMinor()) {
                    byOrders = Optional.of(order.paidAt());
                    break;
                }
            }
        }
        Instant registeredAt = timeline.registered().at();
        Optional<Instant> since = Optional.of(byOrders.filter(o -> o.isBefore(registeredAt)).orElse(registeredAt));
        List<OrderFacts> counted = paid.stream().filter(OrderFacts::counts).toList();
        long points = 0;
        for (OrderFacts order : counted) {
            boolean active = MemberSummary.statusAt(timeline, since, order.paidAt()).earnsBenefits();
            points += active ? policy.pointsFor(order.netMinor()) * policy.birthdayBonus().multiplierFor(timeline,
                    order.paidAt()) : 0;
        }
        return new Figures(counted.size(), counted.stream().mapToLong(OrderFacts::netMinor).sum(),
                orders.values().stream().mapToLong(o -> o.refunds().size()).sum(),
                paid.stream().mapToLong(OrderFacts::countedRefundMinor).sum(), points,
                counted.stream().findFirst().map(o -> o.paidAt().truncatedTo(ChronoUnit.MILLIS)),
                counted.stream().reduce((a, b) -> b).map(o -> o.paidAt().truncatedTo(ChronoUnit.MILLIS)), since,
                paid.stream().reduce((a, b) -> b).map(OrderFacts::paidAt));
    }

    /** An order book that counts the orders and index entries it reads. */
    private static final class CountingBook extends OrdersInMemory {
        int finds;
        int keys;

        @Override
        public Optional<ArchivedOrder> find(String customerId, String orderId) {
            finds++;
            return super.find(customerId, orderId);
        }

        @Override
        public Stream<PaidKey> paid(String customerId, Instant from, Instant to, boolean newestFirst) {
            return super.paid(customerId, from, to, newestFirst).peek(o -> keys++);
        }
    }
}
