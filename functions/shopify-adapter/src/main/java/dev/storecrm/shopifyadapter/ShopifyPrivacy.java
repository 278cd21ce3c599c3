package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.EmailAddress;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify's mandatory compliance topics about a customer (contract version 2): {@code customers/data_request}
 * becomes CustomerDataRequested, {@code customers/redact} CustomerErasureRequested. The subject is the payload's
 * {@code customer} ({@code shopify:<id>}, the e-mail address, the phone in E.164), the requester the customer
 * through Shopify (a store owner passes a customer's request on in the Shopify admin), the orders those it lists
 * ({@code orders_requested}, {@code orders_to_redact}). Shopify requires the request to be carried out within
 * {@link #DEADLINE} of receiving it, so that is the deadline. Request ids: {@code shopify:data-request:<id>} (the
 * payload's {@code data_request.id}) and {@code shopify:redact:<X-Shopify-Event-Id>} (a redact names no request);
 * a redact with an address also erases the guest of that address ({@code shopify:redact:<id>:guest}).
 *
 * <p>{@code shop/redact} (the whole shop's data, 48 hours after the app is uninstalled) is not a customer's
 * request: it stays kept as {@code NOT_YET_MAPPED} ({@link ShopifyTopics}).
 */
final class ShopifyPrivacy {

    /** How long Shopify gives an app to carry out a customer's data or erasure request. */
    static final Duration DEADLINE = Duration.ofDays(30);
    /** The contract's most order ids on a request; a customer with more is found by customer id anyway. */
    private static final int MAX_ORDER_IDS = 1000;

    Mapping dataRequest(ShopifyDelivery delivery) {
        Payload payload = delivery.payload();
        String requestId = "shopify:data-request:" + payload.object("data_request").id("id");
        String type = "CustomerDataRequested";
        return Mapping.publish(request(delivery, delivery.canonicalId(type), type, requestId,
                customerId(payload.object("customer")), "orders_requested"));
    }

    /**
     * The customer's erasure request and, where the payload gives a plain address, a second one for the guest of
     * that address ({@code shopify:guest:<hash>}, {@link CustomerIds#guest}): orders placed without an account are
     * archived under it, and Shopify's {@code orders_to_redact} lists them with the customer's own.
     */
    Mapping redact(ShopifyDelivery delivery) {
        String requestId = "shopify:redact:" + delivery.eventId();
        String type = "CustomerErasureRequested";
        Payload customer = delivery.payload().object("customer");
        List<CanonicalEvent> requests = new ArrayList<>(List.of(request(delivery, delivery.canonicalId(type), type,
                requestId, customerId(customer), "orders_to_redact")));
        email(customer).ifPresent(email -> requests.add(request(delivery, delivery.canonicalId(type) + ":guest",
                type, requestId + ":guest", Optional.of(CustomerIds.guest("shopify", email)), "orders_to_redact")));
        return Mapping.publish(requests);
    }

    private static Optional<String> customerId(Payload customer) {
        return customer.optionalId("id").map(id -> "shopify:" + id);
    }

    private static Optional<String> email(Payload customer) {
        return customer.optionalText("email").filter(EmailAddress::isPlain);
    }

    private static CanonicalEvent request(ShopifyDelivery delivery, String eventId, String type, String requestId,
                                          Optional<String> customerId, String ordersField) {
        Payload payload = delivery.payload();
        Payload customer = payload.object("customer");
        OffsetDateTime at = delivery.at(Optional.empty());
        CanonicalEvent event = CanonicalEvent.of(eventId, type, at, ShopifyDelivery.SOURCE)
                .put("requestId", requestId);
        ObjectNode subject = event.body().putObject("subject");
        customerId.ifPresent(id -> subject.put("customerId", id));
        email(customer).ifPresent(email -> subject.put("email", email));
        ContractValues.phone(customer.optionalText("phone")).ifPresent(phone -> subject.put("phone", phone));
        event.body().putObject("requester").put("party", "subject").put("via", "shopify");
        event.put("deadline", CanonicalEvent.time(at.plus(DEADLINE)));
        List<String> orderIds = payload.ids(ordersField);
        if (!orderIds.isEmpty()) {
            ArrayNode orders = event.body().putArray("orderIds");
            orderIds.stream().limit(MAX_ORDER_IDS).forEach(id -> orders.add("shopify:" + id));
        }
        return event;
    }
}
