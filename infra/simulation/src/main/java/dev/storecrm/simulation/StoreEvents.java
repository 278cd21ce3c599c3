package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The canonical events (version 1) a store's adapter would publish, as JSON. */
final class StoreEvents {

    static final String SOURCE = "simulated-store";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String currency;
    private int sequence;

    StoreEvents(String currency) {
        this.currency = currency;
    }

    /** A new event envelope; the caller fills its body. */
    ObjectNode envelope(String type, Instant occurredAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "sim-" + type.toLowerCase() + "-" + (++sequence));
        event.put("type", type);
        event.put("version", 1);
        event.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(occurredAt.truncatedTo(ChronoUnit.SECONDS)));
        event.put("source", SOURCE);
        event.putObject("body");
        return event;
    }

    ObjectNode money(ObjectNode parent, String field, long minor) {
        return parent.putObject(field).put("amount", minor).put("currency", currency);
    }

    ObjectNode registered(SimMember member) {
        ObjectNode event = envelope("MemberRegistered", member.registeredAt());
        ObjectNode profile = body(event).put("customerId", member.id()).putObject("profile");
        profile.put("name", member.name()).put("email", member.email()).put("locale", member.locale())
                .put("timeZone", member.zone().getId()).put("country", member.country())
                .put("contactPreference", member.contactPreference());
        if (member.phone() != null) {
            profile.put("phone", member.phone());
        }
        if (member.birthday() != null) {
            profile.put("birthday", member.birthday());
        }
        member.birthdayLunar().ifPresent(lunar -> profile.putObject("birthdayLunar").put("month", lunar.month())
                .put("day", lunar.day()).put("leapMonth", lunar.leapMonth()));
        if (member.wedding() != null) {
            profile.putObject("anniversaries").put("wedding", member.wedding());
        }
        if (member.referrerId() != null) {
            profile.put("referrerId", member.referrerId());
        }
        profile.putObject("marketingConsent").put("granted", member.consent())
                .put("at", event.get("occurredAt").asText()).put("source", "registration");
        return event;
    }

    ObjectNode cart(String cartId, SimMember member, long totalMinor, int quantity, Instant at) {
        ObjectNode event = envelope("CartUpdated", at);
        ObjectNode body = body(event).put("cartId", cartId).put("customerId", member.id())
                .put("locale", member.locale()).put("timeZone", member.zone().getId())
                .put("recoveryUrl", "https://shop.example.com/cart/recover/" + cartId);
        money(body, "total", totalMinor);
        ObjectNode line = body.putArray("lines").addObject().put("sku", "SKU-" + (totalMinor % 97))
                .put("name", "Sample tea " + (totalMinor % 97)).put("quantity", quantity);
        money(line, "unitPrice", totalMinor / quantity);
        return event;
    }

    ObjectNode orderPlaced(String orderId, String cartId, SimMember member, long totalMinor, int quantity,
                           String couponCode, Instant at) {
        ObjectNode event = envelope("OrderPlaced", at);
        ObjectNode body = body(event).put("orderId", orderId).put("customerId", member.id());
        if (cartId != null) {
            body.put("cartId", cartId);
        }
        money(body, "total", totalMinor);
        ObjectNode line = body.putArray("lines").addObject().put("sku", "SKU-" + (totalMinor % 97))
                .put("name", "Sample tea " + (totalMinor % 97)).put("quantity", quantity);
        money(line, "unitPrice", totalMinor / quantity);
        if (couponCode != null) {
            body.putArray("couponCodes").add(couponCode);
        }
        return event;
    }

    ObjectNode checkout(String cartId, String orderId, SimMember member, Instant at) {
        ObjectNode event = envelope("CheckoutCompleted", at);
        body(event).put("cartId", cartId).put("orderId", orderId).put("customerId", member.id());
        return event;
    }

    ObjectNode orderPaid(String orderId, SimMember member, long amountMinor, Instant at) {
        ObjectNode event = envelope("OrderPaid", at);
        money(body(event).put("orderId", orderId).put("customerId", member.id()), "amount", amountMinor);
        return event;
    }

    ObjectNode orderCancelled(String orderId, SimMember member, Instant at) {
        ObjectNode event = envelope("OrderCancelled", at);
        body(event).put("orderId", orderId).put("customerId", member.id()).put("reason", "customer changed their mind");
        return event;
    }

    ObjectNode orderRefunded(String orderId, SimMember member, long amountMinor, Instant at) {
        ObjectNode event = envelope("OrderRefunded", at);
        ObjectNode body = body(event).put("orderId", orderId).put("customerId", member.id())
                .put("refundId", "r-" + orderId).put("reason", "one item damaged");
        money(body, "amount", amountMinor);
        return event;
    }

    /** A MemberUpdated with an empty profile and no membership: the caller adds what changed. */
    ObjectNode memberUpdated(SimMember member, Instant at) {
        ObjectNode event = envelope("MemberUpdated", at);
        body(event).put("customerId", member.id());
        return event;
    }

    ObjectNode disputeOpened(String disputeId, String orderId, SimMember member, String channel, String reason,
                             long amountMinor, Instant evidenceDueBy, Instant at) {
        ObjectNode event = envelope("DisputeOpened", at);
        ObjectNode body = body(event).put("disputeId", disputeId).put("orderId", orderId).put("customerId", member.id())
                .put("channel", channel).put("reason", reason).put("status", "awaiting_seller_confirmation");
        money(body, "amount", amountMinor);
        if (evidenceDueBy != null) {
            String due = DateTimeFormatter.ISO_INSTANT.format(evidenceDueBy.truncatedTo(ChronoUnit.SECONDS));
            body.put("evidenceDueBy", due);
        }
        ObjectNode proposal = body.putObject("buyerProposal").put("party", "buyer")
                .put("returnGoods", reason.equals("not_as_described")).put("text", "Sample buyer request");
        money(proposal, "refund", amountMinor);
        return event;
    }

    ObjectNode disputeUpdated(String disputeId, String status, String resolution, Instant at) {
        ObjectNode event = envelope("DisputeUpdated", at);
        ObjectNode body = body(event).put("disputeId", disputeId).put("status", status);
        if (resolution != null) {
            body.put("resolution", resolution);
        }
        if (status.equals("awaiting_return_receipt")) {
            body.put("returnTrackingNumber", "SF" + Math.abs(disputeId.hashCode()));
        }
        body.put("note", "Sample update: " + status);
        return event;
    }

    static ObjectNode body(ObjectNode event) {
        return (ObjectNode) event.get("body");
    }

    /** A MemberUpdated body: the member changes how to be reached (e-mail becomes SMS, anything else e-mail). */
    static void switchChannel(ObjectNode body, SimMember member) {
        String now = member.contactPreference().equals("email") ? "sms" : "email";
        body.putObject("profile").put("contactPreference", now);
    }
}
