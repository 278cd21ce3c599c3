package dev.storecrm.domain.messaging;

import java.util.Map;

/**
 * The SMS provider (AWS End User Messaging SMS). It fails as {@link MailSender} does: a
 * {@link MailSender.ThrottledException} when the provider is throttling us (try again later, not a failure of
 * the message), a {@link MailSender.RejectedException} when it refuses the message for good (an invalid
 * number), an {@link OptedOutException} when the number opted out on the provider's side.
 */
public interface SmsSender {

    /** TRANSACTIONAL for what the customer is waiting for; PROMOTIONAL for marketing. */
    enum Type { TRANSACTIONAL, PROMOTIONAL }

    /** A text as the provider receives it: an E.164 number; {@code context} travels to the provider's events. */
    record OutgoingSms(String to, String body, Type type, Map<String, String> context) {}

    /** Sends and returns the provider's message id. */
    String send(OutgoingSms sms);

    /** The provider refuses the text for good because the destination number opted out with it. */
    final class OptedOutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OptedOutException(String message) {
            super(message);
        }
    }
}
