package dev.storecrm.smsoptout;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.PhoneNumber;
import dev.storecrm.domain.messaging.SuppressionList;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws a number's SMS consent. Two things arrive on SmsOptOutQueue:
 * <ul>
 *   <li>an inbound SMS, as End User Messaging SMS publishes it to the two-way SNS topic
 *       ({@code originationNumber}, {@code messageBody}, ...; raw delivery to the queue): a body that is one of
 *       the opt-out keywords ({@code STOP}, {@code 退订}, {@code R}, {@code REVOKE} by default; case, surrounding
 *       white space and a final full stop ignored) suppresses marketing to the sender's number;</li>
 *   <li>the service's own "Text Message Delivery Status Updated" event (EventBridge, source
 *       {@code aws.sms-voice}) whose {@code messageStatus} is {@code OPTED_OUT}: the destination number opted out
 *       on the service's side, and is suppressed the same way.</li>
 * </ul>
 * The suppression (the SuppressionsTable, by the number's hash, reason {@code UNSUBSCRIBED}, marketing only) is the
 * SMS channel's consent, read by the sender at send time: the next marketing SMS to that number is not sent.
 * Any other reply is ignored; a payload that is neither is rejected with its reason and kept. Idempotent.
 */
public final class SmsOptOutService {

    /** What a message did. */
    public enum Outcome { OPTED_OUT, IGNORED }

    static final String DEFAULT_KEYWORDS = "STOP,退订,R,REVOKE";

    private static final Logger LOG = LoggerFactory.getLogger(SmsOptOutService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SuppressionList suppressions;
    private final Set<String> keywords;
    private final Clock clock;

    public SmsOptOutService(SuppressionList suppressions, Set<String> keywords, Clock clock) {
        this.suppressions = suppressions;
        this.keywords = keywords;
        this.clock = clock;
    }

    /** The keywords of a comma-separated list, in the form replies are compared in. */
    static Set<String> keywords(String list) {
        return Arrays.stream(list.split(",")).map(SmsOptOutService::normalised).filter(k -> !k.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Outcome handle(String body) {
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "SMS opt-out input is not valid JSON");
        }
        if (message != null && message.has("originationNumber") && message.has("messageBody")) {
            String reply = normalised(message.path("messageBody").asText(""));
            return keywords.contains(reply) ? optOut(number(message.path("originationNumber")), "reply")
                    : Outcome.IGNORED;
        }
        if (message != null && "aws.sms-voice".equals(message.path("source").asText())) {
            JsonNode detail = message.path("detail");
            return "OPTED_OUT".equals(detail.path("messageStatus").asText())
                    ? optOut(number(detail.path("destinationPhoneNumber")), "service") : Outcome.IGNORED;
        }
        throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                "neither an inbound SMS nor an End User Messaging SMS event");
    }

    private Outcome optOut(String number, String how) {
        suppressions.suppressAddress(number, SuppressionList.Reason.UNSUBSCRIBED, SuppressionList.Scope.MARKETING,
                clock.instant());
        LOG.info("sms opt-out", entry("how", how));
        return Outcome.OPTED_OUT;
    }

    private static String number(JsonNode value) {
        String number = value.asText("");
        if (!PhoneNumber.isE164(number)) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "the phone number is not in E.164 form");
        }
        return number;
    }

    private static String normalised(String reply) {
        String trimmed = reply.strip();
        if (trimmed.endsWith(".") || trimmed.endsWith("。")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }
}
