package dev.storecrm.domain.messaging;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a transactional e-mail joins a conversation in the customer's mail program: {@code In-Reply-To} and
 * {@code References} name the customer's message it answers (RFC 5322 section 3.6.4), and {@code Reply-To} is the
 * address their answer should go to (the care address with the conversation's token). It travels in a message
 * request's data under {@link #DATA_KEY}, so the outbox's format does not change; the sender turns it into headers.
 * Every value is checked here, on the way in and on the way out, so no header can be injected through it.
 *
 * @param inReplyTo the Message-ID answered, without angle brackets (none when it is not known)
 * @param replyTo   the address replies go to
 */
public record MailThreading(Optional<String> inReplyTo, String replyTo) {

    public static final String DATA_KEY = "mailThreading";

    private static final Pattern MESSAGE_ID = Pattern.compile("[!-;=?-~]{1,500}");
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}");

    public MailThreading {
        inReplyTo = inReplyTo.filter(id -> !id.isEmpty());
        if (inReplyTo.isPresent() && !MESSAGE_ID.matcher(inReplyTo.get()).matches()) {
            throw violation("inReplyTo must be a Message-ID without angle brackets");
        }
        if (replyTo == null || !ADDRESS.matcher(replyTo).matches()) {
            throw violation("replyTo must be a plain e-mail address");
        }
    }

    /** The form it takes in a request's data. */
    public Map<String, Object> toData() {
        return Map.of("inReplyTo", inReplyTo.orElse(""), "replyTo", replyTo);
    }

    /** The threading a request's data carries, if any. */
    public static Optional<MailThreading> in(Map<String, Object> data) {
        Object value = data.get(DATA_KEY);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("inReplyTo") instanceof String id)
                || !(map.get("replyTo") instanceof String replyTo)) {
            throw violation("must be an object with the strings inReplyTo and replyTo");
        }
        return Optional.of(new MailThreading(Optional.of(id), replyTo));
    }

    /** The headers, in order: {@code In-Reply-To} and {@code References} (when known), {@code Reply-To}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        inReplyTo.ifPresent(id -> {
            headers.put("In-Reply-To", "<" + id + ">");
            headers.put("References", "<" + id + ">");
        });
        headers.put("Reply-To", replyTo);
        return headers;
    }

    private static InvalidInputException violation(String detail) {
        return new InvalidInputException(RejectReason.SCHEMA_VIOLATION, DATA_KEY + ": " + detail);
    }
}
