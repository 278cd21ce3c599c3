package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The store's past, published on the bus on the first simulated day as an import would: the store
 * goes live on the stack when the run starts ({@code GO_LIVE_AT}), and its history comes with it.
 * Members registered before then ordered before then (the last order begins a silence, some of them
 * a long one), some paid orders were partly refunded, some disputed (most disputes long closed, a few
 * opened days before go-live and still open), and carts were left behind: a few minutes before
 * go-live, most of them hours, days or months before.
 *
 * <p>Everything comes from the run's seed. The first one or two orders of a member (what the store
 * simulated before there was an import day) are drawn from the store's own random stream, as before;
 * the rest of the past from a stream of its own, so that the members and their future stay as they
 * were and a run with the go-live guard can be set against one without it.
 */
final class ImportDay {

    /** What was imported: shown in the report. */
    record Figures(int members, int orders, int refunds, int carts, int disputes, int disputesOpen) {}

    private static final Duration DAY = Duration.ofDays(1);

    private final Instant start;
    private final Random random;
    private final Random past;
    private final StoreEvents events;
    private int members;
    private int orders;
    private int refunds;
    private int carts;
    private int disputes;
    private int disputesOpen;

    /** @param random the store's own stream (the first orders of the past, as the store always drew them) */
    ImportDay(SimulationOptions options, Random random, StoreEvents events) {
        this.start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.random = random;
        this.past = new Random(options.seed() * 31 + 7);
        this.events = events;
    }

    /**
     * The environment the functions run with: the store goes live when the run starts, and SES's send
     * rate, paced in real time, is lifted (simulated days must not wait for it).
     */
    static Map<String, String> environment(Instant goLive) {
        return Map.of("SES_MAX_SEND_RATE", "100000", "GO_LIVE_AT", goLive.toString());
    }

    Figures figures() {
        return new Figures(members, orders, refunds, carts, disputes, disputesOpen);
    }

    /** A member's past, published at the start. Nothing for a member who registers during the run. */
    void history(SimMember member, List<Planned> plan) {
        if (!member.registeredAt().isBefore(start)) {
            return;
        }
        members++;
        abandonedCart(member, plan);
        if (random.nextInt(100) >= 80) {
            return;
        }
        Instant first = member.registeredAt().plus(Duration.ofMinutes(random.nextLong(60L * 24 * 60)));
        Instant last = start.minus(Duration.ofMinutes(1 + random.nextLong(200L * 24 * 60)));
        List<Instant> times = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        List<Integer> payDelays = new ArrayList<>();
        for (Instant at : first.isBefore(last) ? List.of(first, last) : List.of(last)) {
            if (at.isAfter(member.registeredAt())) {
                times.add(at);
                prices.add((30 + random.nextInt(770)) * 100L);
                payDelays.add(1 + random.nextInt(20));
            }
        }
        // Drawn from the past's own stream from here on: some members lapsed long ago, most ordered more often.
        if (past.nextInt(100) < 25 && !times.isEmpty()) {
            Instant lapsed = start.minus(DAY.multipliedBy(200 + past.nextInt(300)));
            if (lapsed.isAfter(member.registeredAt().plus(DAY)) && lapsed.isAfter(times.getFirst())) {
                times.set(times.size() - 1, lapsed);
            }
        }
        for (int i = 0; i < times.size(); i++) {
            order(member, times.get(i), prices.get(i), payDelays.get(i), plan);
        }
        if (times.size() == 2) {
            for (int extra = past.nextInt(4); extra > 0; extra--) {
                Instant at = times.get(0).plus(Duration.ofMinutes(past.nextLong(
                        Math.max(1, Duration.between(times.get(0), times.get(1)).toMinutes()))));
                order(member, at, (30 + past.nextInt(770)) * 100L, 1 + past.nextInt(20), plan);
            }
        }
    }

    /** A paid order of the past, now and then partly refunded or disputed. */
    private void order(SimMember member, Instant at, long total, int payDelay, List<Planned> plan) {
        String orderId = "sim-past-o-" + (++orders);
        plan.add(new Planned.Publish(start, events.orderPlaced(orderId, null, member, total, 1, null, at), false));
        Instant paid = at.plus(Duration.ofMinutes(payDelay));
        plan.add(new Planned.Publish(start, events.orderPaid(orderId, member, total, paid), false));
        int fate = past.nextInt(100);
        if (fate < 8) {
            Instant refunded = paid.plus(DAY.multipliedBy(2 + past.nextInt(8)));
            if (refunded.isBefore(start)) {
                refunds++;
                plan.add(new Planned.Publish(start, events.orderRefunded(orderId, member, total / 3, refunded), false));
            }
        } else if (fate < 14) {
            dispute(member, orderId, total, paid, plan);
        }
    }

    /** A dispute of the past: closed long ago, or opened in the days before go-live and still open. */
    private void dispute(SimMember member, String orderId, long amount, Instant paidAt, List<Planned> plan) {
        // A quarter come late: opened in the days before go-live, about an older order.
        Instant late = start.minus(Duration.ofHours(12 + past.nextInt(8 * 24)));
        Instant usual = paidAt.plus(DAY.multipliedBy(3 + past.nextInt(10)));
        Instant opened = past.nextInt(4) == 0 && late.isAfter(paidAt) ? late : usual;
        if (!opened.isBefore(start.minus(Duration.ofHours(1)))) {
            return;
        }
        String disputeId = "sim-past-d-" + (++disputes);
        int channel = past.nextInt(4);
        String[] channels = {"aliexpress", "stripe", "store", "shopify"};
        String[] reasons = {"not_received", "other", "not_as_described", "other"};
        Instant evidence = channel == 1 || channel == 3 ? opened.plus(DAY.multipliedBy(10)) : null;
        plan.add(new Planned.Publish(start, events.disputeOpened(disputeId, orderId, member, channels[channel],
                reasons[channel], amount, evidence, opened), false));
        Instant resolved = opened.plus(Duration.ofHours(6 + past.nextInt(24 * 10)));
        boolean recent = opened.isAfter(start.minus(DAY.multipliedBy(12)));
        if (resolved.isBefore(start) && !(recent && past.nextBoolean())) {
            String[] resolutions = {"refunded", "rejected", "withdrawn"};
            plan.add(new Planned.Publish(start, events.disputeUpdated(disputeId, "resolved",
                    resolutions[past.nextInt(resolutions.length)], resolved), false));
        } else {
            disputesOpen++;
        }
    }

    /** A cart left before go-live: a few minutes before it, or (most) hours, days or months before. */
    private void abandonedCart(SimMember member, List<Planned> plan) {
        if (past.nextInt(100) >= 40) {
            return;
        }
        int age = past.nextInt(100);
        Duration before = age < 8 ? Duration.ofMinutes(1 + past.nextInt(55))
                : age < 25 ? Duration.ofMinutes(90 + past.nextInt(21 * 60))
                : DAY.plus(Duration.ofMinutes(past.nextLong(400L * 24 * 60)));
        Instant at = start.minus(before);
        if (!at.isAfter(member.registeredAt())) {
            return;
        }
        carts++;
        String cartId = "sim-past-cart-" + carts;
        plan.add(new Planned.Publish(start, events.cart(cartId, member, (30 + past.nextInt(770)) * 100L,
                1 + past.nextInt(3), at), false));
    }
}
