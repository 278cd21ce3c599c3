package dev.storecrm.woocommerceadapter;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.Payload;
import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.adapter.WebhookRequest;
import dev.storecrm.platform.adapter.WebhookSignatures;
import dev.storecrm.platform.http.HttpAnswer;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WooCommerce adapter behind its function URL. A delivery is authentic when
 * {@code X-WC-Webhook-Signature} is the base64 HMAC-SHA256 of the raw body under the webhook secret
 * (compared in constant time); anything else gets 401 and is not kept (it is not the store's data).
 * The ping WooCommerce sends when a webhook is created (a form body {@code webhook_id=<n>}, unsigned)
 * gets 200 and nothing else. A signed delivery that cannot be mapped is kept in the RejectsTable and
 * answered 4xx with its reason (400 for a body that is not JSON, 422 otherwise); a mapped one is
 * published and answered 200 with the canonical ids.
 */
public final class WooCommerceAdapterService {

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceAdapterService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final WooCommerceOrders orders;
    private final WooCommerceCustomers customers = new WooCommerceCustomers();
    private final AdapterPublisher publisher;
    private final AdapterRejects rejects;

    public WooCommerceAdapterService(byte[] secret, Amounts amounts, StoreBus bus, AdapterRejects rejects) {
        this.secret = secret.clone();
        this.orders = new WooCommerceOrders(amounts);
        this.publisher = new AdapterPublisher(bus, OrderOwners.NONE, rejects.clock());
        this.rejects = rejects;
    }

    public HttpAnswer handle(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return answer(405, JSON.createObjectNode().put("error", "method not allowed"));
        }
        Optional<String> signature = request.header(WebhookSignatures.WOOCOMMERCE_SIGNATURE);
        if (signature.isEmpty() && request.body().trim().matches("webhook_id=\\d{1,20}")) {
            String webhookId = request.body().trim().substring("webhook_id=".length());
            LOG.info("woocommerce ping answered", entry("webhookId", webhookId));
            return answer(200, JSON.createObjectNode().put("status", "ping received"));
        }
        if (!authentic(signature, request.rawBody())) {
            LOG.warn("woocommerce delivery refused: signature missing or wrong",
                    entry("requestId", request.requestId()));
            return answer(401, JSON.createObjectNode().put("error", "unauthorized")
                    .put("detail", "X-WC-Webhook-Signature is missing or does not match the body"));
        }
        String topic = request.header("X-WC-Webhook-Topic").orElse("");
        String deliveryId = request.header("X-WC-Webhook-Delivery-ID").filter(id -> id.matches("[A-Za-z0-9-]{1,64}"))
                .orElse(request.requestId());
        Mapping mapping;
        List<String> published;
        try {
            mapping = map(topic, Payload.parse(request.body(), "payload"));
            published = publisher.publish(mapping);
        } catch (InvalidInputException refused) {
            InvalidInputException named = new InvalidInputException(refused.reason(), "WooCommerce " + topic
                    + " delivery " + deliveryId + ": " + refused.detail());
            rejects.refused(deliveryId, Optional.of(deliveryId), Optional.of(topic).filter(t -> !t.isEmpty()), named,
                    request.body());
            return answer(refused.reason() == RejectReason.MALFORMED_JSON ? 400 : 422, JSON.createObjectNode()
                    .put("error", refused.reason().name()).put("detail", named.detail()));
        }
        mapping.alsoKept().ifPresent(part -> rejects.keptInPart(deliveryId, Optional.of(deliveryId), Optional.of(topic),
                part, request.body()));
        LOG.info("woocommerce delivery mapped", entry("topic", topic), entry("deliveryId", deliveryId),
                entry("outcome", mapping.outcome()), entry("published", published));
        ObjectNode body = JSON.createObjectNode().put("outcome", mapping.outcome());
        published.forEach(body.putArray("published")::add);
        return answer(200, body);
    }

    private Mapping map(String topic, Payload payload) {
        return switch (topic) {
            case "order.created", "order.updated" -> orders.map(payload);
            case "customer.created" -> customers.created(payload);
            case "customer.updated" -> customers.updated(payload);
            case "customer.deleted" -> customers.deleted(payload, rejects.clock().instant().atOffset(ZoneOffset.UTC));
            default -> throw new InvalidInputException(RejectReason.UNSUPPORTED_TOPIC, "StoreCRM does not read this"
                    + " topic; point only order.created, order.updated, customer.created, customer.updated and"
                    + " customer.deleted here");
        };
    }

    private boolean authentic(Optional<String> signature, byte[] body) {
        if (signature.isEmpty()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.get().trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return WebhookSignatures.same(WebhookSignatures.hmacSha256(secret, body), given);
    }

    private static HttpAnswer answer(int status, ObjectNode body) {
        return HttpAnswer.json(status, body.toString());
    }
}
