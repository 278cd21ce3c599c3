package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.member.OrderFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * @param multiplier    the payment's multiplier: 0, 1, the birthday's, or a member day's (may have decimals)
 * @param referrerId    who the member names as their referrer, if anyone (referral rewards)
 * @param memberDay     whether the multiplier is a member day's: its extra points are a {@code member_day_bonus}
 */
public record OrderPoints(String customerId, String orderId, long memberRevision, Optional<Instant> paidAt,
                          BigDecimal multiplier, long points, long paidMinor, long refundedMinor, boolean cancelled,
                          Optional<ZoneId> timeZone, Optional<String> referrerId, boolean memberDay) {

    public static final String KIND = "order-points";
    private static final ObjectMapper JSON = new ObjectMapper();

    public OrderPoints {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(multiplier, "multiplier");
        if (multiplier.signum() < 0 || points < 0 || paidMinor < 0 || refundedMinor < 0 || memberRevision < 1
                || (multiplier.signum() == 0 && points > 0)
                || (multiplier.signum() > 0 && !priced(plain(points, multiplier), multiplier).equals(points))) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points of " + orderId
                    + " are inconsistent (multiplier " + multiplier + ", points " + points + ")");
        }
    }

    /** An order of a member who names no referrer, at a whole multiplier (the plain rate or the birthday's). */
    public OrderPoints(String customerId, String orderId, long memberRevision, Optional<Instant> paidAt,
                       int multiplier, long points, long paidMinor, long refundedMinor, boolean cancelled,
                       Optional<ZoneId> timeZone) {
        this(customerId, orderId, memberRevision, paidAt, multiplier, points, paidMinor, refundedMinor, cancelled,
                timeZone, Optional.empty());
    }

    /** An order at a whole multiplier (the plain rate or the birthday's). */
    public OrderPoints(String customerId, String orderId, long memberRevision, Optional<Instant> paidAt,
                       int multiplier, long points, long paidMinor, long refundedMinor, boolean cancelled,
                       Optional<ZoneId> timeZone, Optional<String> referrerId) {
        this(customerId, orderId, memberRevision, paidAt, BigDecimal.valueOf(multiplier), points, paidMinor,
                refundedMinor, cancelled, timeZone, referrerId, false);
    }

    /** The order as the archive wrote it at {@code memberRevision}, of a member naming {@code referrerId}. */
    public static OrderPoints of(String customerId, ArchivedOrder order, long memberRevision, Optional<ZoneId> zone,
                                 Optional<String> referrerId) {
        OrderFacts facts = order.facts();
        Credit credit = order.credit().orElse(Credit.NONE);
        return new OrderPoints(customerId, order.orderId(), memberRevision,
                facts.isPaid() ? Optional.of(facts.paidAt()) : Optional.empty(), credit.multiplier(), credit.points(),
                facts.isPaid() ? facts.payment().amountMinor() : 0, facts.countedRefundMinor(),
                facts.cancelled() != null, zone, referrerId, credit.memberDay());
    }

    /** The points at the plain rate. */
    public long earned() {
        return multiplier.signum() == 0 ? 0 : plain(points, multiplier);
    }

    /** The bonus (the birthday's or the member day's): what the multiplier adds to the plain points. */
    public long bonus() {
        return points - earned();
    }

    /** The entry kind of the bonus. */
    public EntryKind bonusKind() {
        return memberDay ? EntryKind.MEMBER_DAY_BONUS : EntryKind.BIRTHDAY_BONUS;
    }

    /**
     * The plain points that, times {@code multiplier} (at least 1) and rounded down, make {@code points}: the
     * smallest whole number at least {@code points / multiplier} (exact for a whole multiplier).
     */
    private static long plain(long points, BigDecimal multiplier) {
        return multiplier.compareTo(BigDecimal.ONE) < 0 ? points
                : BigDecimal.valueOf(points).divide(multiplier, 0, RoundingMode.CEILING).longValueExact();
    }

    private static Long priced(long plain, BigDecimal multiplier) {
        return BigDecimal.valueOf(plain).multiply(multiplier).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("kind", KIND).put("customerId", customerId)
                .put("orderId", orderId).put("memberRevision", memberRevision).put("multiplier", multiplier)
                .put("points", points)
                .put("paidMinor", paidMinor).put("refundedMinor", refundedMinor).put("cancelled", cancelled);
        paidAt.ifPresent(at -> node.put("paidAt", at.toString()));
        timeZone.ifPresent(zone -> node.put("timeZone", zone.getId()));
        if (memberDay) {
            node.put("memberDay", true);
        }
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
                    multiplier(body), body.path("points").asLong(), body.path("paidMinor").asLong(),
                    body.path("refundedMinor").asLong(), body.path("cancelled").asBoolean(),
                    optional(body, "timeZone").map(ZoneId::of), optional(body, "referrerId"),
                    body.path("memberDay").asBoolean(false));
        } catch (DateTimeException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points carry a bad time or zone");
        }
    }

    private static BigDecimal multiplier(JsonNode body) {
        JsonNode value = body.path("multiplier");
        if (!value.isNumber()) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "order points carry a multiplier that is "
                    + "not a number");
        }
        return value.decimalValue();
    }

    private static Optional<String> optional(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
