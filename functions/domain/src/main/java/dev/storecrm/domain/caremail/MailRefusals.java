package dev.storecrm.domain.caremail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mail the intake takes but never answers, with the reason: what SES judged spam or a virus, and
 * automatic mail (RFC 3834 {@code Auto-Submitted}, the {@code X-Autoreply}/{@code X-Autorespond} headers,
 * {@code Precedence: bulk|junk|list|auto_reply}, out-of-office subjects in en and zh-CN, and bounces: an empty
 * {@code Return-Path}, a {@code multipart/report} delivery status, a sender such as {@code MAILER-DAEMON}).
 * Answering any of them would start a mail loop.
 */
public final class MailRefusals {

    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "(?iu)^\\s*(auto(matic)?[ -]?reply|auto[ -]?response|out of (the )?office|on vacation|away from"
                    + "|abwesenheit|自动回复|自動回覆|自动答复|休假|不在办公室)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(undeliver(able|ed)|delivery status notification|mail delivery failed|returned mail"
                    + "|退信|邮件投递失败|系统退信)");
    private static final List<String> DAEMONS = List.of("mailer-daemon@", "postmaster@", "mail-daemon@");

    private MailRefusals() {}

    /** Why SES's verdicts refuse the mail: {@code spam} or {@code virus} FAIL; empty for anything else. */
    public static Optional<String> byVerdicts(String spamVerdict, String virusVerdict) {
        if ("FAIL".equalsIgnoreCase(virusVerdict)) {
            return Optional.of("SES virus verdict FAIL");
        }
        if ("FAIL".equalsIgnoreCase(spamVerdict)) {
            return Optional.of("SES spam verdict FAIL");
        }
        return Optional.empty();
    }

    /** Why the mail is automatic (never to be answered), or empty for a person's mail. */
    public static Optional<String> automatic(InboundMail mail) {
        String autoSubmitted = mail.header("auto-submitted").orElse("no").strip().toLowerCase(Locale.ROOT);
        if (!autoSubmitted.startsWith("no")) {
            return Optional.of("auto-reply: Auto-Submitted " + autoSubmitted.split(";")[0]);
        }
        if (mail.header("x-autoreply").isPresent() || mail.header("x-autorespond").isPresent()) {
            return Optional.of("auto-reply: X-Autoreply header");
        }
        String precedence = mail.header("precedence").orElse("").strip().toLowerCase(Locale.ROOT);
        if (List.of("bulk", "junk", "list", "auto_reply").contains(precedence)) {
            return Optional.of("auto-reply: Precedence " + precedence);
        }
        if (isBounce(mail)) {
            return Optional.of("bounce: delivery status notification");
        }
        if (OUT_OF_OFFICE.matcher(mail.subject()).find()) {
            return Optional.of("auto-reply: out-of-office subject");
        }
        return Optional.empty();
    }

    private static boolean isBounce(InboundMail mail) {
        String returnPath = mail.header("return-path").orElse("x").replaceAll("\\s", "");
        String type = mail.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        return returnPath.equals("<>") || returnPath.isEmpty()
                || (type.startsWith("multipart/report") && type.contains("delivery-status"))
                || DAEMONS.stream().anyMatch(mail.from()::startsWith)
                || BOUNCE_SUBJECT.matcher(mail.subject()).find();
    }
}
