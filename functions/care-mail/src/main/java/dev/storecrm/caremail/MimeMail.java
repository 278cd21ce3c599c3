package dev.storecrm.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.InboundMail;
import dev.storecrm.domain.messaging.EmailAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A raw MIME message read with Apache James mime4j: the headers (RFC 2047 encoded words in any charset Java
 * knows, GB2312 and GBK included), the text part (else the HTML part's text), the transfer encodings
 * (quoted-printable, base64) undone, attachments kept as references (part path, name, type, size), a forwarded
 * message ({@code message/rfc822}) as an attachment whose text is appended, and the ids it replies to.
 */
final class MimeMail {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,500})>");
    private static final Pattern TAG = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>|<[^>]+>");
    private static final List<String> SIGNALS = List.of("auto-submitted", "x-autoreply", "x-autorespond",
            "precedence", "return-path", "content-type");

    private MimeMail() {}

    static InboundMail read(byte[] raw, SesReceipt receipt) {
        Message message = parse(new ByteArrayInputStream(raw));
        String from = Optional.ofNullable(message.getFrom()).filter(list -> !list.isEmpty())
                .map(list -> list.get(0).getAddress()).orElse(receipt.source());
        if (!EmailAddress.isPlain(from)) {
            throw new InvalidInputException(RejectReason.INVALID_EMAIL_ADDRESS,
                    "the mail's From (and SES's envelope sender) is not one plain address");
        }
        Optional<String> name = Optional.ofNullable(message.getFrom()).filter(list -> !list.isEmpty())
                .map(list -> list.get(0)).map(Mailbox::getName).filter(n -> !n.isBlank());
        Map<String, String> headers = new HashMap<>();
        for (String signal : SIGNALS) {
            Optional.ofNullable(message.getHeader().getField(signal)).map(Field::getBody)
                    .ifPresent(value -> headers.put(signal, value));
        }
        Parts parts = new Parts();
        parts.walk(message, "1");
        String messageId = Optional.ofNullable(message.getMessageId()).map(MimeMail::bare).filter(s -> !s.isBlank())
                .orElse(receipt.sesMessageId());
        return new InboundMail(messageId, EmailAddress.normalised(from), name, receipt.recipients(),
                Optional.ofNullable(message.getSubject()).orElse("").strip(), parts.text(), parts.html != null,
                parts.attachments, threadIds(message), headers, receipt.receivedAt(), receipt.objectKey());
    }

    private static Message parse(InputStream in) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            return builder.parseMessage(in);
        } catch (MimeIOException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "the raw mail is not MIME: "
                    + e.getClass().getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In-Reply-To first, then References from the nearest back. */
    private static List<String> threadIds(Message message) {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(message.getHeader().getField("In-Reply-To")).map(Field::getBody).ifPresent(v -> ids(v,
                ids));
        List<String> references = new ArrayList<>();
        Optional.ofNullable(message.getHeader().getField("References")).map(Field::getBody).ifPresent(v -> ids(v,
                references));
        for (int i = references.size() - 1; i >= 0 && ids.size() < 20; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }

    private static void ids(String value, List<String> into) {
        Matcher matcher = ID.matcher(value);
        while (matcher.find() && into.size() < 20) {
            into.add(matcher.group(1));
        }
    }

    private static String bare(String id) {
        String value = id.strip();
        return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
    }

    /** The walk over the parts: the first text and HTML parts, the attachments, forwarded messages. */
    private static final class Parts {
        private String plain;
        private String html;
        private final StringBuilder forwarded = new StringBuilder();
        private final List<InboundMail.Attachment> attachments = new ArrayList<>();

        void walk(Entity entity, String path) {
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                List<Entity> children = multipart.getBodyParts();
                for (int i = 0; i < children.size(); i++) {
                    walk(children.get(i), path + "." + (i + 1));
                }
                return;
            }
            String type = entity.getMimeType().toLowerCase(Locale.ROOT);
            boolean attached = "attachment".equalsIgnoreCase(entity.getDispositionType())
                    || entity.getFilename() != null;
            if (body instanceof Message inner) {
                attachments.add(new InboundMail.Attachment(path, Optional.ofNullable(inner.getSubject())
                        .orElse("forwarded") + ".eml", type, -1));
                Parts nested = new Parts();
                nested.walk(inner, path);
                forwarded.append("\n\n[forwarded] ").append(nested.text());
                return;
            }
            if (!attached && body instanceof TextBody text && type.equals("text/plain") && plain == null) {
                plain = read(text);
            } else if (!attached && body instanceof TextBody text && type.equals("text/html") && html == null) {
                html = read(text);
            } else if (entity.getParent() != null || attached) {
                attachments.add(new InboundMail.Attachment(path, Optional.ofNullable(entity.getFilename())
                        .orElse("part-" + path), type, size(body)));
            }
        }

        String text() {
            String main = plain != null ? plain : html != null ? TAG.matcher(html).replaceAll(" ")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replaceAll("[ \\t]+", " ") : "";
            return (main.strip() + forwarded).strip();
        }

        private static String read(TextBody body) {
            try (Reader reader = body.getReader()) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n = reader.read(buffer); n >= 0 && text.length() < 2 * InboundMail.MAX_TEXT;
                     n = reader.read(buffer)) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long size(Body body) {
            try (InputStream in = body instanceof BinaryBody binary ? binary.getInputStream()
                    : body instanceof TextBody text ? text.getInputStream() : InputStream.nullInputStream()) {
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
