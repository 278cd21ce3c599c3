package dev.storecrm.domain.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow's request to send one message. The business key names the effect: at most one
 * message is ever sent per key, whatever the duplicates, retries and concurrent copies.
 *
 * @param journey   the campaign or workflow it belongs to, for caps and reports ({@code birthday})
 * @param data      the template's variables: strings, numbers, booleans, lists and maps
 * @param notBefore the earliest moment to send, if later than now
 * @param notAfter  the latest moment worth sending (a birthday greeting is pointless the next day);
 *                  a message that cannot go by then is skipped as expired
 * @param deferrals how many times the sender has put it off (caps, quiet hours, throttling)
 * @param heldOut   the recipient is in the journey's holdout group ({@link dev.storecrm.domain.campaign.Holdout}):
 *                  the sender records the key as held out, at the moment it would have gone, and sends nothing
 * @param capPriority the marketing kind whose priority it takes a cap slot with, when not its journey's own
 *                  ({@link MarketingKind#of}): a festival campaign's {@code capPriority}
 */
public record MessageRequest(String businessKey, String journey, Category category, Priority priority,
                             Recipient recipient, String templateId, Map<String, Object> data,
                             Optional<Instant> notBefore, Optional<Instant> notAfter,
                             Optional<ExitCondition> exitCondition, Instant requestedAt, int deferrals,
                             boolean heldOut, Optional<MarketingKind> capPriority) {

    public MessageRequest {
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        data = Map.copyOf(data);
        notBefore = Objects.requireNonNullElse(notBefore, Optional.empty());
        notAfter = Objects.requireNonNullElse(notAfter, Optional.empty());
        exitCondition = Objects.requireNonNullElse(exitCondition, Optional.empty());
        capPriority = Objects.requireNonNullElse(capPriority, Optional.empty());
    }

    /** A marketing message to a member, to go as soon as its rules allow. */
    public static MessageRequest marketing(String businessKey, String journey, String customerId, String templateId,
                                           Map<String, Object> data, Instant requestedAt) {
        return new MessageRequest(businessKey, journey, Category.marketing, Priority.normal,
                new Recipient.Member(customerId), templateId, data, Optional.empty(), Optional.empty(),
                Optional.empty(), requestedAt, 0, false, Optional.empty());
    }

    /** A marketing message to a member or a consenting guest, to go as soon as its rules allow. */
    public static MessageRequest marketing(String businessKey, String journey, Recipient recipient, String templateId,
                                           Map<String, Object> data, Instant requestedAt) {
        return new MessageRequest(businessKey, journey, Category.marketing, Priority.normal, recipient, templateId,
                data, Optional.empty(), Optional.empty(), Optional.empty(), requestedAt, 0, false, Optional.empty());
    }

    /** A transactional message to a member or an address. */
    public static MessageRequest transactional(String businessKey, String journey, Recipient recipient,
                                               String templateId, Map<String, Object> data, Instant requestedAt) {
        return new MessageRequest(businessKey, journey, Category.transactional, Priority.high, recipient, templateId,
                data, Optional.empty(), Optional.empty(), Optional.empty(), requestedAt, 0, false, Optional.empty());
    }

    public MessageRequest notBefore(Instant instant) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data,
                Optional.of(instant), notAfter, exitCondition, requestedAt, deferrals, heldOut, capPriority);
    }

    public MessageRequest notAfter(Instant instant) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data, notBefore,
                Optional.of(instant), exitCondition, requestedAt, deferrals, heldOut, capPriority);
    }

    public MessageRequest exitWhen(ExitCondition condition) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data, notBefore,
                notAfter, Optional.of(condition), requestedAt, deferrals, heldOut, capPriority);
    }

    public MessageRequest withPriority(Priority newPriority) {
        return new MessageRequest(businessKey, journey, category, newPriority, recipient, templateId, data, notBefore,
                notAfter, exitCondition, requestedAt, deferrals, heldOut, capPriority);
    }

    public MessageRequest toRecipient(Recipient newRecipient) {
        return new MessageRequest(businessKey, journey, category, priority, newRecipient, templateId, data, notBefore,
                notAfter, exitCondition, requestedAt, deferrals, heldOut, capPriority);
    }

    /** The same request, taking a cap slot with the priority of {@code kind} rather than its journey's. */
    public MessageRequest withCapPriority(MarketingKind kind) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data, notBefore,
                notAfter, exitCondition, requestedAt, deferrals, heldOut, Optional.of(kind));
    }

    /** The same request, put off until {@code until}. */
    public MessageRequest deferredTo(Instant until) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data,
                Optional.of(until), notAfter, exitCondition, requestedAt, deferrals + 1, heldOut, capPriority);
    }

    /**
     * The same request, put off until {@code until} while marketing is paused: not counted as a deferral, so a
     * pause of any length does not fail it as {@code TOO_MANY_DEFERRALS}.
     */
    public MessageRequest pausedTo(Instant until) {
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data,
                Optional.of(until), notAfter, exitCondition, requestedAt, deferrals, heldOut, capPriority);
    }

    /**
     * The same marketing request for a recipient in the journey's holdout group: recorded under its key when it
     * would have gone, never sent. Transactional mail is never held out.
     */
    public MessageRequest heldOutOf() {
        if (category != Category.marketing) {
            throw new IllegalStateException("transactional mail is never held out: " + businessKey);
        }
        return new MessageRequest(businessKey, journey, category, priority, recipient, templateId, data, notBefore,
                notAfter, exitCondition, requestedAt, deferrals, true, capPriority);
    }
}
