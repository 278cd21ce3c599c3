package dev.storecrm.sesfeedback;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.messaging.EngagementCounts;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.reputation.ReputationGuard;
import dev.storecrm.domain.reputation.SendingReputation.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one SES event (as EventBridge delivers it from the configuration set):
 * <ul>
 *   <li>Send: settles the message's business key as sent in the ledger, which closes the crash
 *       window between SES accepting a message and the sender recording it;</li>
 *   <li>Delivery: recorded on the ledger entry, for reports;</li>
 *   <li>Bounce, permanent: the address is suppressed for all mail at once;</li>
 *   <li>Bounce, transient (SES reports a soft bounce only after it gave up retrying): counted, and
 *       the address is suppressed once it soft-bounced {@code softBounceLimit} times in the window;</li>
 *   <li>Complaint: the address is suppressed for all mail at once;</li>
 *   <li>Reject (SES found a virus): recorded;</li>
 *   <li>Open, Click (only with the stack's engagement tracking on): counted for the message's journey.</li>
 * </ul>
 * Sends, hard bounces and complaints are also counted by the {@link ReputationGuard}, which pauses marketing
 * e-mail when a rate passes its threshold ({@code MARKETING_PAUSED}, the metric the stack's alarm watches); so
 * does an account reputation alarm (CloudWatch's "Alarm State Change" event for one of the stack's alarms on
 * SES's own {@code Reputation.BounceRate} and {@code Reputation.ComplaintRate}).
 * Every step is idempotent but the counts: SES's at-least-once events may repeat, and a repeated event counts
 * twice (rare, and it errs towards pausing early).
 */
public final class SesFeedbackService {

    /** What an event did. */
    public enum Outcome {
        CONFIRMED_SENT, DELIVERY_RECORDED, SUPPRESSED, SOFT_BOUNCE_COUNTED, REJECT_RECORDED, IGNORED,
        /** The event took a rate over its threshold, or an account alarm fired: marketing e-mail is paused. */
        MARKETING_PAUSED,
        /** An open or a click, counted for the message's journey. */
        OPEN_COUNTED, CLICK_COUNTED
    }

    private static final Logger LOG = LoggerFactory.getLogger(SesFeedbackService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SuppressionList suppressions;
    private final SendLedger ledger;
    private final int softBounceLimit;
    private final Duration softBounceWindow;
    private final ReputationGuard reputation;
    private final Map<String, ReputationGuard.Reason> accountAlarms;
    private final EngagementCounts engagement;

    /** {@code accountAlarms}: the names of the stack's account reputation alarms, and what each means. */
    public SesFeedbackService(SuppressionList suppressions, SendLedger ledger, int softBounceLimit,
                              Duration softBounceWindow, ReputationGuard reputation,
                              Map<String, ReputationGuard.Reason> accountAlarms, EngagementCounts engagement) {
        this.suppressions = suppressions;
        this.ledger = ledger;
        this.softBounceLimit = softBounceLimit;
        this.softBounceWindow = softBounceWindow;
        this.reputation = reputation;
        this.accountAlarms = Map.copyOf(accountAlarms);
        this.engagement = engagement;
    }

    public Outcome handle(String body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "SES event is not valid JSON");
        }
        if (event != null && "aws.cloudwatch".equals(event.path("source").asText())) {
            return alarm(event.path("detail"));
        }
        if (event == null || !"aws.ses".equals(event.path("source").asText())) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    "not an SES event (source is not aws.ses)");
        }
        JsonNode detail = event.path("detail");
        JsonNode mail = detail.path("mail");
        String messageId = mail.path("messageId").asText("");
        Optional<String> businessKey = businessKey(mail);
        String type = detail.path("eventType").asText("");
        return switch (type) {
            case "Send" -> {
                reputation.record(Event.SEND, instant(mail.path("timestamp")));
                businessKey.ifPresent(key -> ledger.confirmSent(key, messageId, instant(mail.path("timestamp"))));
                yield businessKey.isPresent() ? Outcome.CONFIRMED_SENT : Outcome.IGNORED;
            }
            case "Delivery" -> {
                businessKey.ifPresent(key ->
                        ledger.recordDelivery(key, instant(detail.path("delivery").path("timestamp"))));
                yield businessKey.isPresent() ? Outcome.DELIVERY_RECORDED : Outcome.IGNORED;
            }
            case "Bounce" -> bounce(detail.path("bounce"), businessKey);
            case "Complaint" -> {
                Instant at = instant(detail.path("complaint").path("timestamp"));
                for (String address : addresses(detail.path("complaint").path("complainedRecipients"))) {
                    suppressForAllMail(address, SuppressionList.Reason.COMPLAINT, at);
                    LOG.info("address suppressed after a complaint", entry("addressHash", AddressHash.of(address)));
                }
                yield paused(reputation.record(Event.COMPLAINT, at), Outcome.SUPPRESSED);
            }
            case "Reject" -> {
                businessKey.ifPresent(key -> LOG.warn("SES rejected a message", entry("businessKey", key)));
                yield Outcome.REJECT_RECORDED;
            }
            case "Open" -> engaged(mail, EngagementCounts.Kind.OPEN, detail.path("open"));
            case "Click" -> engaged(mail, EngagementCounts.Kind.CLICK, detail.path("click"));
            default -> Outcome.IGNORED;
        };
    }

    private Outcome bounce(JsonNode bounce, Optional<String> businessKey) {
        Instant at = instant(bounce.path("timestamp"));
        List<String> addresses = addresses(bounce.path("bouncedRecipients"));
        businessKey.ifPresent(key -> ledger.recordBounce(key, at));
        if ("Permanent".equals(bounce.path("bounceType").asText())) {
            for (String address : addresses) {
                suppressForAllMail(address, SuppressionList.Reason.HARD_BOUNCE, at);
                LOG.info("address suppressed after a hard bounce", entry("addressHash", AddressHash.of(address)));
            }
            return paused(reputation.record(Event.BOUNCE, at), Outcome.SUPPRESSED);
        }
        boolean suppressed = false;
        for (String address : addresses) {
            int count = suppressions.countSoftBounce(address, bounce.path("feedbackId").asText("unknown"), at,
                    softBounceWindow);
            if (count >= softBounceLimit) {
                suppressForAllMail(address, SuppressionList.Reason.SOFT_BOUNCES, at);
                LOG.info("address suppressed after repeated soft bounces",
                        entry("addressHash", AddressHash.of(address)), entry("softBounces", count));
                suppressed = true;
            }
        }
        return suppressed ? Outcome.SUPPRESSED : Outcome.SOFT_BOUNCE_COUNTED;
    }

    /** An open or a click of one of the sender's messages (it tags each with its journey), counted per day (UTC). */
    private Outcome engaged(JsonNode mail, EngagementCounts.Kind kind, JsonNode report) {
        JsonNode journey = mail.path("tags").path("journey");
        if (!journey.isArray() || journey.isEmpty() || journey.get(0).asText("").isBlank()) {
            return Outcome.IGNORED;
        }
        engagement.count(journey.get(0).asText(), kind,
                LocalDate.ofInstant(instant(report.path("timestamp")), ZoneOffset.UTC));
        return kind == EngagementCounts.Kind.OPEN ? Outcome.OPEN_COUNTED : Outcome.CLICK_COUNTED;
    }

    /** An account reputation alarm's state change: pauses marketing when one of the stack's alarms fires. */
    private Outcome alarm(JsonNode detail) {
        ReputationGuard.Reason reason = accountAlarms.get(detail.path("alarmName").asText(""));
        if (reason == null) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    "not one of the stack's account reputation alarms");
        }
        if (!"ALARM".equals(detail.path("state").path("value").asText(""))) {
            return Outcome.IGNORED;
        }
        return paused(reputation.accountAlarm(reason), Outcome.IGNORED);
    }

    private static Outcome paused(boolean paused, Outcome otherwise) {
        if (paused) {
            LOG.warn("marketing e-mail paused by the reputation guard");
        }
        return paused ? Outcome.MARKETING_PAUSED : otherwise;
    }

    private void suppressForAllMail(String address, SuppressionList.Reason reason, Instant at) {
        suppressions.suppressAddress(address, reason, SuppressionList.Scope.ALL, at);
    }

    /** The business key the sender put in the {@code bk} tag (base64url), if the message came from us. */
    private static Optional<String> businessKey(JsonNode mail) {
        JsonNode tag = mail.path("tags").path("bk");
        if (!tag.isArray() || tag.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(tag.get(0).asText()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "detail.mail.tags.bk is not base64url");
        }
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> addresses = new ArrayList<>();
        recipients.forEach(r -> addresses.add(r.path("emailAddress").asText()));
        if (addresses.isEmpty() || addresses.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "SES event names no recipient address");
        }
        return addresses;
    }

    private static Instant instant(JsonNode timestamp) {
        try {
            return Instant.parse(timestamp.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "SES event timestamp is not ISO-8601");
        }
    }
}
