package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.time.AnnualDate;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the system was told, and when: the simulation's own record of every event it published and
 * link it clicked, against which the invariants judge the mail that went. A fact counts from the
 * moment it was published (that is when the handlers processed it), and, like the member archive,
 * a field takes the value of the latest event by {@code occurredAt} among those published so far,
 * so late and duplicated deliveries are judged as the system should treat them.
 */
final class GroundTruth {

    /** One value of a field, with when it happened and when the system heard of it. */
    private record Fact<V>(Instant occurredAt, Instant publishedAt, V value) {}

    /** A field's history. */
    static final class Field<V> {
        private final List<Fact<V>> facts = new ArrayList<>();

        void add(Instant occurredAt, Instant publishedAt, V value) {
            facts.add(new Fact<>(occurredAt, publishedAt, value));
        }

        /** The value the system held at {@code at}. */
        Optional<V> at(Instant at) {
            Fact<V> latest = null;
            for (Fact<V> fact : facts) {
                boolean newer = latest == null || fact.occurredAt().isAfter(latest.occurredAt());
                if (!fact.publishedAt().isAfter(at) && newer) {
                    latest = fact;
                }
            }
            return latest == null ? Optional.empty() : Optional.ofNullable(latest.value());
        }

        /** The value in effect at {@code at} as the whole run told it: the latest that happened by then. */
        Optional<V> inEffectAt(Instant at) {
            return facts.stream().filter(f -> !f.occurredAt().isAfter(at))
                    .max(java.util.Comparator.comparing(Fact::occurredAt))
                    .map(Fact::value);
        }
    }

    /** What is known of a member. */
    static final class Member {
        final Field<ZoneId> zone = new Field<>();
        final Field<RecurringDate> birthday = new Field<>();
        final Field<LunarDate> birthdayLunar = new Field<>();
        final Field<RecurringDate> wedding = new Field<>();
        final Field<Boolean> consent = new Field<>();
        final Field<String> preference = new Field<>();
        final Field<String> status = new Field<>();
        Instant registeredAt;
        Instant unsubscribedAt;
        Instant firstPaidAt;
        final List<PaidOrder> paidOrders = new ArrayList<>();
        final java.util.Set<String> paidOrderIds = new java.util.TreeSet<>();

        /** The birthday the system greets by at {@code at}: the lunar one while it is given, else the Gregorian. */
        Optional<AnnualDate> birthdayAt(Instant at) {
            Optional<AnnualDate> lunar = birthdayLunar.at(at).map(AnnualDate.class::cast);
            return lunar.isPresent() ? lunar : birthday.at(at).map(AnnualDate.class::cast);
        }
    }

    /** A dispute's open span as the system knew it, and when it opened and was resolved at the platform. */
    static final class Dispute {
        String customerId;
        Instant openedPublishedAt;
        Instant resolvedPublishedAt;
        Instant openedAt;
        Instant resolvedAt;
    }

    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, Dispute> disputes = new HashMap<>();
    private final Map<String, Instant> cartsClosed = new HashMap<>();
    private final Map<String, Instant> ordersSpoiled = new HashMap<>();
    private final Map<String, Instant> cartActivity = new HashMap<>();
    private final Map<String, Integer> published = new HashMap<>();

    /** Every member the store told the system of, by customer id. */
    Map<String, Member> members() {
        return members;
    }

    Member member(String customerId) {
        return members.computeIfAbsent(customerId, id -> new Member());
    }

    Map<String, Dispute> disputes() {
        return disputes;
    }

    Optional<Instant> cartClosedAt(String cartId) {
        return Optional.ofNullable(cartsClosed.get(cartId));
    }

    /** When the cart last changed (its newest CartUpdated), as far as the store told. */
    Map<String, Instant> cartActivity() {
        return cartActivity;
    }

    Map<String, Integer> publishedByType() {
        return published;
    }

    /** Records an event the simulation published at {@code now}. */
    void published(JsonNode event, Instant now) {
        String type = event.path("type").asText();
        published.merge(type, 1, Integer::sum);
        Instant occurred = Instant.parse(event.path("occurredAt").asText());
        JsonNode body = event.path("body");
        switch (type) {
            case "MemberRegistered", "MemberUpdated" -> profile(body, occurred, now, type.equals("MemberRegistered"));
            case "OrderPlaced", "CheckoutCompleted" -> {
                if (body.hasNonNull("cartId")) {
                    cartsClosed.merge(body.get("cartId").asText(), now, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            case "OrderPaid" -> {
                Member member = member(body.path("customerId").asText());
                member.paidOrders.add(new PaidOrder(body.path("orderId").asText(), occurred, now));
                member.paidOrderIds.add(body.path("orderId").asText());
                if (member.firstPaidAt == null || occurred.isBefore(member.firstPaidAt)) {
                    member.firstPaidAt = occurred;
                }
            }
            case "OrderRefunded", "OrderCancelled" -> spoiled(body.path("orderId").asText(), now);
            case "DisputeOpened" -> {
                spoiled(body.path("orderId").asText(), now);
                Dispute dispute = disputes.computeIfAbsent(body.path("disputeId").asText(), id -> new Dispute());
                dispute.customerId = body.path("customerId").asText();
                if (dispute.openedPublishedAt == null) {
                    dispute.openedPublishedAt = now;
                    dispute.openedAt = occurred;
                }
            }
            case "DisputeUpdated" -> {
                String status = body.path("status").asText();
                if (status.equals("resolved") || status.equals("closed")) {
                    Dispute dispute = disputes.computeIfAbsent(body.path("disputeId").asText(), id -> new Dispute());
                    if (dispute.resolvedPublishedAt == null) {
                        dispute.resolvedPublishedAt = now;
                        dispute.resolvedAt = occurred;
                    }
                }
            }
            case "CartUpdated" -> cartActivity.merge(body.path("cartId").asText(), occurred,
                    (a, b) -> a.isAfter(b) ? a : b);
            // An erased member is no longer the archive's to hold (ErasureRequests judges the erasure).
            case "CustomerErasureRequested" -> members.remove(body.path("subject").path("customerId").asText());
            default -> {
                // other events change nothing the invariants judge
            }
        }
    }

    private void spoiled(String orderId, Instant now) {
        ordersSpoiled.merge(orderId, now, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** When the system was first told that the order was cancelled, refunded (in part) or disputed, if ever. */
    Optional<Instant> orderSpoiledAt(String orderId) {
        return Optional.ofNullable(ordersSpoiled.get(orderId));
    }

    void unsubscribed(String customerId, Instant at) {
        Member member = member(customerId);
        if (member.unsubscribedAt == null) {
            member.unsubscribedAt = at;
        }
    }

    /** Whether the customer had a dispute open (opened and not yet resolved, as the system knew) at {@code at}. */
    boolean disputeOpen(String customerId, Instant at) {
        for (Dispute dispute : disputes.values()) {
            if (customerId.equals(dispute.customerId) && dispute.openedPublishedAt != null
                    && !dispute.openedPublishedAt.isAfter(at)
                    && (dispute.resolvedPublishedAt == null || dispute.resolvedPublishedAt.isAfter(at))
                    && (dispute.resolvedPublishedAt == null
                            || dispute.resolvedPublishedAt.isAfter(dispute.openedPublishedAt))) {
                return true;
            }
        }
        return false;
    }

    /** An order's payment as published: when it happened, and when the system was told. */
    record PaidOrder(String orderId, Instant occurred, Instant told) {}

    /**
     * A paid order that happened after {@code after} and that the system was told of before {@code at}, if
     * any. A payment told in the same step as a send does not count, as for a cart's order: the archive's
     * queue and the outbox run side by side, and neither waits for the other.
     */
    Optional<PaidOrder> paidSince(String customerId, Instant after, Instant at) {
        return member(customerId).paidOrders.stream()
                .filter(o -> o.occurred().isAfter(after) && o.told().isBefore(at)).findFirst();
    }

    private void profile(JsonNode body, Instant occurred, Instant now, boolean registration) {
        Member member = member(body.path("customerId").asText());
        if (registration && (member.registeredAt == null || occurred.isBefore(member.registeredAt))) {
            member.registeredAt = occurred;
        }
        JsonNode profile = body.path("profile");
        if (profile.has("timeZone")) {
            member.zone.add(occurred, now, ZoneId.of(profile.get("timeZone").asText()));
        }
        if (profile.has("birthday")) {
            member.birthday.add(occurred, now, profile.get("birthday").isNull() ? null
                    : RecurringDate.parse(profile.get("birthday").asText()));
        }
        if (profile.has("birthdayLunar")) {
            JsonNode lunar = profile.get("birthdayLunar");
            member.birthdayLunar.add(occurred, now, lunar.isNull() ? null : new LunarDate(lunar.get("month").asInt(),
                    lunar.get("day").asInt(), lunar.path("leapMonth").asBoolean(false)));
        }
        if (profile.path("anniversaries").has("wedding")) {
            String wedding = profile.path("anniversaries").get("wedding").asText();
            member.wedding.add(occurred, now, RecurringDate.parse(wedding));
        }
        if (profile.has("contactPreference")) {
            JsonNode preference = profile.get("contactPreference");
            member.preference.add(occurred, now, preference.isNull() ? null : preference.asText());
        }
        if (profile.has("marketingConsent")) {
            member.consent.add(occurred, now, profile.get("marketingConsent").path("granted").asBoolean());
        }
        if (body.has("membership")) {
            member.status.add(occurred, now, body.get("membership").path("status").asText());
        }
    }
}
