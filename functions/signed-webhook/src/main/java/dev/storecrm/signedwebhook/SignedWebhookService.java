package dev.storecrm.signedwebhook;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.ContractEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.SeenEvents;
import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.adapter.WebhookRequest;
import dev.storecrm.platform.adapter.WebhookSignatures;
import dev.storecrm.platform.http.HttpAnswer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed webhook: a store's backend, or a bridge from a platform StoreCRM has no adapter for,
 * POSTs one canonical event (of contract version 1 or 2, store activity or a privacy request) per request, signed
 * with the webhook's secret, and needs no AWS credentials.
 *
 * <ul>
 *   <li>{@code X-StoreCRM-Timestamp}: the Unix time in seconds when the request was signed;</li>
 *   <li>{@code X-StoreCRM-Signature}: {@code v1=} and the lower-case hex HMAC-SHA256, under the secret,
 *       of the timestamp, a full stop and the raw body (several {@code v1=} values, comma-separated,
 *       are accepted while a key is rotated).</li>
 * </ul>
 *
 * Answers: 401 (nothing kept) for a missing or wrong signature or a timestamp more than the
 * tolerance (5 minutes) from now; 409 (nothing kept) for an event id published before, so a
 * captured request cannot be replayed; 400 or 422 with the contract's reason for an event the
 * contract refuses, which is kept in the RejectsTable; 200 with the event id once published.
 */
public final class SignedWebhookService {

    static final String TIMESTAMP = WebhookSignatures.STORECRM_TIMESTAMP;
    static final String SIGNATURE = WebhookSignatures.STORECRM_SIGNATURE;
    private static final Logger LOG = LoggerFactory.getLogger(SignedWebhookService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestSignature signature;
    private final SeenEvents seen;
    private final StoreBus bus;
    private final AdapterRejects rejects;
    private final Clock clock;

    public SignedWebhookService(byte[] secret, Duration tolerance, SeenEvents seen, StoreBus bus,
                                AdapterRejects rejects, Clock clock) {
        this.signature = new RequestSignature(secret, tolerance, clock);
        this.seen = seen;
        this.bus = bus;
        this.rejects = rejects;
        this.clock = clock;
    }

    public HttpAnswer handle(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return answer(405, "METHOD_NOT_ALLOWED", "POST one signed canonical event");
        }
        Optional<String> refusal = signature.check(request.header(TIMESTAMP), request.header(SIGNATURE),
                request.rawBody());
        if (refusal.isPresent()) {
            LOG.warn("signed webhook refused", entry("requestId", request.requestId()), entry("reason", refusal.get()));
            return answer(401, "UNAUTHORIZED", refusal.get());
        }
        ContractEvent event;
        try {
            event = EventParser.read(request.body(), clock);
        } catch (InvalidInputException refused) {
            String messageId = eventId(request.body()).orElse(request.requestId());
            rejects.refused(messageId, eventId(request.body()), Optional.empty(), refused, request.body());
            return answer(refused.reason() == RejectReason.MALFORMED_JSON ? 400 : 422, refused.reason().name(),
                    refused.detail());
        }
        String id = event.meta().id();
        if (seen.seen(id)) {
            LOG.warn("signed webhook refused a replay", entry("eventId", id), entry("requestId", request.requestId()));
            return answer(409, "REPLAYED", "event " + id + " was received and published before");
        }
        bus.publish(List.of(request.body()));
        seen.remember(id);
        LOG.info("signed webhook published", entry("eventId", id), entry("type", event.meta().type().name()));
        return HttpAnswer.json(200, JSON.createObjectNode().put("published", id).toString());
    }

    private static Optional<String> eventId(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body)).map(root -> root.path("id"))
                    .filter(id -> id.isTextual() && id.asText().matches("[A-Za-z0-9._:/#@+=-]{1,128}"))
                    .map(id -> id.asText());
        } catch (Exception notJson) {
            return Optional.empty(); // Kept under the request's id instead.
        }
    }

    private static HttpAnswer answer(int status, String error, String detail) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("detail", detail);
        return HttpAnswer.json(status, body.toString());
    }
}
