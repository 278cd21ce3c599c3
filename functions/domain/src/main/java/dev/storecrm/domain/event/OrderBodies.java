package dev.storecrm.domain.event;

import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.ProfileChanges;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The bodies of the order events, and the lines orders and carts share. */
final class OrderBodies {

    private static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private OrderBodies() {}

    static OrderPlaced orderPlaced(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "total", "lines", "cartId", "couponCodes"));
        return new OrderPlaced(meta, body.identifier("orderId"), body.identifier("customerId"), body.money("total"),
                lines(body, 1), body.optionalIdentifier("cartId").orElse(null),
                body.strings("couponCodes", COUPON_CODE, "a coupon code of 1 to 64 letters, digits, _ or -", 20));
    }

    static OrderPaid orderPaid(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "amount", "customer"));
        ProfileChanges contact = body.optionalObject("customer").map(MemberBodies::contactChanges)
                .orElse(ProfileChanges.NONE);
        return new OrderPaid(meta, body.identifier("orderId"), body.identifier("customerId"), body.money("amount"),
                contact);
    }

    static OrderCancelled orderCancelled(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "reason"));
        return new OrderCancelled(meta, body.identifier("orderId"), body.identifier("customerId"),
                body.optionalString("reason", 500).orElse(null));
    }

    static OrderRefunded orderRefunded(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "refundId", "amount", "reason"));
        return new OrderRefunded(meta, body.identifier("orderId"), body.identifier("customerId"),
                body.identifier("refundId"), body.money("amount"), body.optionalString("reason", 500).orElse(null));
    }

    static List<Line> lines(JsonFields body, int minItems) {
        return body.objects("lines", minItems, 500).stream().map(line -> {
            line.allowOnly(Set.of("sku", "name", "quantity", "unitPrice", "imageUrl"));
            return new Line(line.identifier("sku"), line.string("name", 300),
                    (int) line.integer("quantity", 1, 10_000), line.money("unitPrice"),
                    line.optionalMatching("imageUrl", ContractFields.HTTPS_URL, "an https URL").orElse(null));
        }).toList();
    }
}
