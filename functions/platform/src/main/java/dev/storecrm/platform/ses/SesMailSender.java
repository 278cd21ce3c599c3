package dev.storecrm.platform.ses;

import dev.storecrm.domain.messaging.MailSender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends through SES v2 {@code SendEmail} (simple content: subject, HTML and text in UTF-8, extra
 * headers such as {@code List-Unsubscribe}, {@code In-Reply-To} and {@code References}; a {@code Reply-To} goes as
 * SES's {@code ReplyToAddresses}), with the stack's configuration set so that SES
 * publishes send, delivery, bounce and complaint events, and the message's tags on them.
 *
 * <p>Throttling, a reached sending quota and paused sending are {@link ThrottledException}s (try
 * again later); a rejected message or an unverified sender is a {@link RejectedException}.
 */
public final class SesMailSender implements MailSender {

    /** Goes as SES's own {@code ReplyToAddresses}, not as a custom header. */
    static final String REPLY_TO = "Reply-To";

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;

    public SesMailSender(SesV2Client ses, String fromName, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.fromAddress = fromHeader(fromName, fromAddress);
        this.configurationSet = configurationSet;
    }

    /**
     * The From header: {@code "Name" <address>}, with a name outside printable ASCII written as an
     * RFC 2047 encoded-word ({@code =?UTF-8?B?...?=}), as SES requires.
     */
    static String fromHeader(String name, String address) {
        if (name == null || name.isBlank()) {
            return address;
        }
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String display = ascii
                ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        return display + " <" + address + ">";
    }

    @Override
    public String send(OutgoingMail mail) {
        List<MessageHeader> headers = mail.headers().entrySet().stream().filter(h -> !h.getKey().equals(REPLY_TO))
                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build()).toList();
        List<String> replyTo = mail.headers().containsKey(REPLY_TO) ? List.of(mail.headers().get(REPLY_TO))
                : List.of();
        List<MessageTag> tags = mail.tags().entrySet().stream()
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList();
        try {
            return ses.sendEmail(e -> e.fromEmailAddress(fromAddress)
                    .destination(d -> d.toAddresses(mail.to()))
                    .replyToAddresses(replyTo)
                    .configurationSetName(configurationSet)
                    .emailTags(tags)
                    .content(EmailContent.builder().simple(m -> m
                            .subject(s -> s.data(mail.subject()).charset("UTF-8"))
                            .body(Body.builder()
                                    .html(h -> h.data(mail.html()).charset("UTF-8"))
                                    .text(t -> t.data(mail.text()).charset("UTF-8")).build())
                            .headers(headers)).build())).messageId();
        } catch (TooManyRequestsException | LimitExceededException | SendingPausedException
                 | AccountSuspendedException throttled) {
            throw new ThrottledException(throttled.getClass().getSimpleName(), throttled);
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | BadRequestException rejected) {
            throw new RejectedException(rejected.getClass().getSimpleName(), rejected);
        }
    }
}
