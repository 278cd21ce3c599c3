package dev.storecrm.domain.caremail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer e-mail as the intake read it from the raw MIME message SES stored.
 *
 * @param messageId   the {@code Message-ID} without angle brackets (SES's own id when the mail has none)
 * @param from        the sender's address, normalised; {@code fromName} the display name, decoded
 * @param recipients  the envelope recipients SES received it for (a plus-addressed reply token lives there)
 * @param subject     decoded (RFC 2047, any charset Java knows: GB2312, GBK, UTF-8 ...)
 * @param text        the text part, or the HTML part's text, decoded, at most {@link #MAX_TEXT} characters
 * @param html        whether the mail had an HTML part (kept in the raw object, not copied)
 * @param attachments the attachments, by reference to the raw object
 * @param threadIds   the ids of {@code In-Reply-To} and {@code References}, nearest first
 * @param headers     the headers that tell an automatic mail (lower-case names): {@code auto-submitted},
 *                    {@code x-autoreply}, {@code x-autorespond}, {@code precedence}, {@code return-path},
 *                    {@code content-type}
 * @param rawKey      the S3 key of the raw message
 */
public record InboundMail(String messageId, String from, Optional<String> fromName, List<String> recipients,
                         String subject, String text, boolean html, List<Attachment> attachments,
                         List<String> threadIds, Map<String, String> headers, Instant receivedAt, String rawKey) {

    public static final int MAX_TEXT = 8_000;
    public static final int MAX_SUBJECT = 300;

    /** An attachment: where it is in the raw object (part path such as {@code 1.2}), its name, type and size. */
    public record Attachment(String part, String filename, String contentType, long bytes) {
        public Attachment {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    public InboundMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromName, "fromName");
        recipients = List.copyOf(recipients);
        subject = cut(Objects.requireNonNullElse(subject, ""), MAX_SUBJECT);
        text = cut(Objects.requireNonNullElse(text, ""), MAX_TEXT);
        attachments = List.copyOf(attachments);
        threadIds = List.copyOf(threadIds);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rawKey, "rawKey");
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
