package dev.storecrm.domain.messaging;

import java.util.Map;

/** The mail provider (SES). */
public interface MailSender {

    /** A message as the provider receives it; {@code tags} travel to the provider's delivery events. */
    record OutgoingMail(String to, String subject, String html, String text, Map<String, String> headers,
                        Map<String, String> tags) {}

    /** Sends and returns the provider's message id. */
    String send(OutgoingMail mail);

    /** The provider is throttling us: try this message again later; it is not a failure of the message. */
    final class ThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ThrottledException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused this message for good (e.g. the address is invalid). */
    final class RejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
