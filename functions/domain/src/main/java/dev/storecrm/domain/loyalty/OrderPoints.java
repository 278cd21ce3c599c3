package dev.storecrm.domain.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.member.OrderFacts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the member archive tells the ledger each time it writes an order of a member: the order's
 * points as the archive priced them ({@code multiplier} and {@code points}, today's earning rule:
 * see {@code Pricing}), and its money facts, as of member revision {@code memberRevision}. The
 * archive sends the whole state, not a difference, so the ledger applies the latest revision it
 * sees and ignores older ones: duplicated and reordered messages converge.
 *
 * @param paidAt        when the order was paid (the points' earning date), if it was
 * @param refundedMinor refunds counted against the payment (at most the payment)
 * @param timeZone      the member's time zone, for local expiry dates
 * @param referrerId    who the member names as their referrer, if anyone (referral rewards)
 */
public record OrderPoints(String customerId, String orderId, long memberRevision, Optional<Instant> paidAt,
                          int multiplier, long points, long paidMinor, long refundedMinor, boolean cancelled,
                          Optional<ZoneId> timeZone, Optional<String> referrerId) {

    public static final String KIND = "order-points";
    private static final ObjectMapper JSON = new ObjectMapper();

    public OrderPoints {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(referrerId, "referrerId");
        if (multiplier < 0 || points < 0 || paidMinor < 0 || refundedMinor < 0 || memberRevision < 1
                || (multiplier == 0 && points > 0) || (multiplier > 0 && points % multiplier != 0)) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points of " + orderId
                    + " are inconsistent (multiplier " + multiplier + ", points " + points + ")");
        }
    }

    /** An order of a member who names no referrer. */
    public OrderPoints(String customerId, String orderId, long memberRevision, Optional<Instant> paidAt,
                       int multiplier, long points, long paidMinor, long refundedMinor, boolean cancelled,
                       Optional<ZoneId> timeZone) {
        this(customerId, orderId, memberRevision, paidAt, multiplier, points, paidMinor, refundedMinor, cancelled,
                timeZone, Optional.empty());
    }

    /** The order as the archive wrote it at {@code memberRevision}, of a member naming {@code referrerId}. */
    public static OrderPoints of(String customerId, ArchivedOrder order, long memberRevision, Optional<ZoneId> zone,
                                 Optional<String> referrerId) {
        OrderFacts facts = order.facts();
        Credit credit = order.credit().orElse(Credit.NONE);
        return new OrderPoints(customerId, order.orderId(), memberRevision,
                facts.isPaid() ? Optional.of(facts.paidAt()) : Optional.empty(), credit.multiplier(), credit.points(),
                facts.isPaid() ? facts.payment().amountMinor() : 0, facts.countedRefundMinor(),
                facts.cancelled() != null, zone, referrerId);
    }

    /** The points at the plain rate. */
    public long earned() {
        return multiplier == 0 ? 0 : points / multiplier;
    }

    /** The birthday bonus: what the multiplier adds to the plain points. */
    public long bonus() {
        return points - earned();
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("kind", KIND).put("customerId", customerId)
                .put("orderId", orderId).put("memberRevision", memberRevision).put("multiplier", multiplier)
                .put("points", points)
                .put("paidMinor", paidMinor).put("refundedMinor", refundedMinor).put("cancelled", cancelled);
        paidAt.ifPresent(at -> node.put("paidAt", at.toString()));
        timeZone.ifPresent(zone -> node.put("timeZone", zone.getId()));
        referrerId.ifPresent(id -> node.put("referrerId", id));
        return node.toString();
    }

    public static boolean isOne(JsonNode body) {
        return KIND.equals(body.path("kind").asText());
    }

    public static OrderPoints read(JsonNode body) {
        try {
            for (String field : new String[] {"customerId", "orderId", "memberRevision", "multiplier", "points",
                    "paidMinor", "refundedMinor", "cancelled"}) {
                if (body.path(field).isMissingNode() || body.path(field).isNull()) {
                    throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points lack " + field);
                }
            }
            return new OrderPoints(body.path("customerId").asText(), body.path("orderId").asText(),
                    body.path("memberRevision").asLong(), optional(body, "paidAt").map(Instant::parse),
                    body.path("multiplier").asInt(), body.path("points").asLong(), body.path("paidMinor").asLong(),
                    body.path("refundedMinor").asLong(), body.path("cancelled").asBoolean(),
                    optional(body, "timeZone").map(ZoneId::of), optional(body, "referrerId"));
        } catch (DateTimeException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points carry a bad time or zone");
        }
    }

    private static Optional<String> optional(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
