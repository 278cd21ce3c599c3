package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated store: a synthetic membership and what it does over the period (registering,
 * ordering, abandoning carts, paying, cancelling, asking refunds, opening disputes, changing
 * profiles, being frozen), and how members answer the mail they get (ordering because of it, as far as
 * the planted effects say, from a cart reminder's cart or with its coupon; unsubscribing). Everything is
 * drawn from one seed, so a run can be repeated.
 */
final class SyntheticStore {

    private static final Pattern COUPON = Pattern.compile("\\b(CART|WINB|BIRT|WEDD|MEMB)-[0-9A-Z]{10}\\b");
    private static final Pattern LINK_QUERY = Pattern.compile("<[^>?]*\\?([^>]+)>");

    private final SimulationOptions options;
    private final Instant start;
    private final Instant end;
    private final Random random;
    private final StoreEvents events;
    private final ImportDay importDay;
    private final SyntheticMembers newMembers;
    private final List<SimMember> members = new ArrayList<>();
    private final Map<String, SimMember> byEmail = new HashMap<>();
    private final Map<String, SimMember> byId = new HashMap<>();
    private final Map<String, Long> openCarts = new HashMap<>();
    private final Set<String> usedCoupons = new HashSet<>();
    private int carts;
    private int orders;
    private final SyntheticDisputes disputes;
    private final SyntheticFaults faults;
    private final PlantedAnswers planted;

    SyntheticStore(SimulationOptions options, String currency) {
        this.options = options;
        this.start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = start.plus(Duration.ofDays(options.days()));
        this.random = new Random(options.seed());
        this.events = new StoreEvents(currency);
        this.importDay = new ImportDay(options, random, events);
        this.newMembers = new SyntheticMembers(random, start, options.days());
        this.disputes = new SyntheticDisputes(random, events);
        this.faults = new SyntheticFaults(random, start, options.days());
        this.planted = new PlantedAnswers(options.effects(), end);
    }

    /** The store's past, imported when the run starts (go-live). */
    ImportDay importDay() {
        return importDay;
    }

    /** Events the fault mode delivers twice. */
    int duplicated() {
        return faults.duplicated();
    }

    /** Events the fault mode delivers late, after events that happened after them. */
    int delayed() {
        return faults.delayed();
    }

    List<SimMember> members() {
        return members;
    }

    Optional<SimMember> memberByEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase()));
    }

    Optional<SimMember> member(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The membership and everything it does on its own during the period, in no particular order. */
    List<Planned> plan() {
        List<Planned> plan = new ArrayList<>();
        for (int n = 1; n <= options.members(); n++) {
            SimMember member = newMembers.create(n);
            members.add(member);
            byEmail.put(member.email().toLowerCase(), member);
            byId.put(member.id(), member);
            Instant published = member.registeredAt().isBefore(start) ? start : member.registeredAt();
            plan.add(new Planned.Publish(published, events.registered(member), false));
            importDay.history(member, plan);
            ownOrders(member, plan);
            abandonedCarts(member, plan);
            profileChanges(member, plan);
        }
        if (options.faults()) {
            plan.addAll(faults.add(plan));
        }
        return plan;
    }

    private void ownOrders(SimMember member, List<Planned> plan) {
        Instant from = later(member.registeredAt(), start);
        for (Instant at = next(from, member.ordersPerDay()); at.isBefore(end); at = next(at, member.ordersPerDay())) {
            order(member, daytime(member, at), null, null, plan, true);
        }
    }

    private void abandonedCarts(SimMember member, List<Planned> plan) {
        double rate = member.ordersPerDay() * 1.5 + 0.004;
        Instant from = later(member.registeredAt(), start);
        for (Instant at = next(from, rate); at.isBefore(end); at = next(at, rate)) {
            Instant when = daytime(member, at);
            String cartId = "sim-cart-" + (++carts);
            long total = price();
            plan.add(new Planned.Publish(when, events.cart(cartId, member, total, 1 + random.nextInt(3), when), false));
            openCarts.put(cartId, total);
            if (random.nextInt(4) == 0) {
                // changed its mind a little later: the cart changes, and its sequence starts over
                Instant change = when.plus(Duration.ofMinutes(5 + random.nextInt(40)));
                long changed = total + price() / 3;
                plan.add(new Planned.Publish(change, events.cart(cartId, member, changed, 2, change), false));
                openCarts.put(cartId, changed);
            }
        }
    }

    private void profileChanges(SimMember member, List<Planned> plan) {
        Instant from = later(member.registeredAt(), start).plus(Duration.ofHours(1));
        if (!from.isBefore(end)) {
            return;
        }
        int roll = random.nextInt(1000);
        Instant at = between(from, end);
        ObjectNode event = events.memberUpdated(member, at);
        ObjectNode body = StoreEvents.body(event);
        if (roll < 65) {
            plan.add(new Planned.Publish(at, event, false));
        }
        if (roll < 10) {
            body.putObject("membership").put("status", "frozen").put("reason", "risk review");
            if (random.nextBoolean()) {
                Instant unfreeze = at.plus(Duration.ofDays(1 + random.nextInt(20)));
                ObjectNode back = events.memberUpdated(member, unfreeze);
                StoreEvents.body(back).putObject("membership").put("status", "active").put("reason", "review passed");
                plan.add(new Planned.Publish(unfreeze, back, false));
            }
        } else if (roll < 15) {
            body.putObject("membership").put("status", "cancelled").put("reason", "member asked to leave");
        } else if (roll < 35) {
            body.putObject("profile").putObject("marketingConsent").put("granted", false)
                    .put("at", event.get("occurredAt").asText()).put("source", "preference-centre");
        } else if (roll < 45) {
            body.putObject("profile").put("timeZone", newMembers.anyZone());
        } else if (roll < 55) {
            body.putObject("profile").put("birthday", "--" + LocalDate.ofYearDay(2001, 1 + random.nextInt(365))
                    .toString().substring(5));
        } else if (roll < 65) {
            StoreEvents.switchChannel(body, member);
        }
    }

    /**
     * An order: a cart (unless it comes from one), the order, checkout and payment a few minutes
     * later; a few are cancelled instead of paid, some partly refunded, some disputed. (The orders
     * of the store's past are the {@link ImportDay}'s.)
     */
    private void order(SimMember member, Instant at, String fromCart, String couponCode, List<Planned> plan,
                       boolean mayGoWrong) {
        String orderId = "sim-o-" + (++orders);
        String cartId = fromCart;
        long total;
        if (cartId == null) {
            cartId = "sim-cart-" + (++carts);
            total = price();
            Instant browsing = at.minus(Duration.ofMinutes(3 + random.nextInt(30)));
            plan.add(new Planned.Publish(browsing, events.cart(cartId, member, total, 1, browsing), false));
        } else {
            total = openCarts.getOrDefault(cartId, price());
        }
        openCarts.remove(cartId);
        plan.add(new Planned.Publish(at, events.orderPlaced(orderId, cartId, member, total, 1, couponCode, at), false));
        plan.add(new Planned.Publish(at, events.checkout(cartId, orderId, member, at), false));
        int fate = mayGoWrong ? random.nextInt(100) : 99;
        if (fate < 4) {
            Instant cancelled = at.plus(Duration.ofMinutes(10 + random.nextInt(120)));
            plan.add(new Planned.Publish(cancelled, events.orderCancelled(orderId, member, cancelled), false));
            return;
        }
        Instant paid = at.plus(Duration.ofMinutes(1 + random.nextInt(20)));
        plan.add(new Planned.Publish(paid, events.orderPaid(orderId, member, total, paid), false));
        planted.paid(member.id(), paid);
        if (fate < 10) {
            Instant refunded = paid.plus(Duration.ofDays(2 + random.nextInt(8)));
            plan.add(new Planned.Publish(refunded, events.orderRefunded(orderId, member, total / 3, refunded), false));
        } else if (fate < 14) {
            disputes.plan(member, orderId, total, paid.plus(Duration.ofDays(3 + random.nextInt(12))), plan);
        }
    }

    /**
     * How a member answers a mail: an order because of it, as the journey's {@link PlantedEffects} say (from the
     * cart its reminder leads back to, with the mail's coupon if it has one), now and then an unsubscribe. Mail
     * to addresses that are not members' (agents, escalation) gets no answer, transactional mail no order.
     *
     * @param cart    the store's cart the mail's recovery link leads back to (the link is the platform's)
     * @param sent    the marketing journey the mail is of and when it went, as the send ledger tells it
     */
    List<Planned> answer(SentMail mail, Optional<String> cart, Optional<MailJourneys.Sent> sent, Instant seenAt) {
        List<Planned> answers = new ArrayList<>();
        if (mail.to().isEmpty()) {
            return answers;
        }
        Optional<SimMember> recipient = memberByEmail(mail.to().getFirst());
        if (recipient.isEmpty() || !seenAt.isBefore(end)) {
            return answers;
        }
        SimMember member = recipient.get();
        Matcher coupon = COUPON.matcher(mail.html() == null ? "" : mail.html());
        Optional<String> code = coupon.find() ? Optional.of(coupon.group()) : Optional.empty();
        Optional<Instant> ordered = sent.flatMap(mailed -> planted.orderAt(member, mailed, seenAt, random));
        if (ordered.isPresent()) {
            String used = code.filter(usedCoupons::add).orElse(null);
            order(member, ordered.get(), cart.filter(openCarts::containsKey).orElse(null), used, answers, false);
        }
        String unsubscribe = mail.headers().get("List-Unsubscribe");
        if (unsubscribe != null && random.nextInt(1000) < 15) {
            Matcher query = LINK_QUERY.matcher(unsubscribe);
            if (query.find()) {
                answers.add(new Planned.Unsubscribe(seenAt.plus(Duration.ofMinutes(5 + random.nextInt(3 * 24 * 60))),
                        member.id(), query.group(1)));
            }
        }
        return answers;
    }

    /** The planted effects' bookkeeping: the mail members got and the orders it caused, per journey. */
    PlantedAnswers planted() {
        return planted;
    }

    // ------------------------------------------------------------------ randomness

    private Instant next(Instant from, double perDay) {
        double days = -Math.log(1 - random.nextDouble()) / perDay;
        return days > 100_000 ? Instant.MAX.minusSeconds(1_000_000_000)
                : from.plus(Duration.ofSeconds((long) (days * 86_400)));
    }

    /** The same day in the member's time zone, at a waking hour (08:00-23:00). */
    private Instant daytime(SimMember member, Instant at) {
        LocalDate day = at.atZone(member.zone()).toLocalDate();
        return day.atTime(LocalTime.of(8 + random.nextInt(15), random.nextInt(60))).atZone(member.zone()).toInstant();
    }

    private Instant between(Instant from, Instant to) {
        return from.plus(Duration.ofSeconds(random.nextLong(Math.max(1, Duration.between(from, to).toSeconds()))));
    }

    private long price() {
        return (30 + random.nextInt(770)) * 100L;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
