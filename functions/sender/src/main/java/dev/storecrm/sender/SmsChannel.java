package dev.storecrm.sender;

import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MailSender;
import dev.storecrm.domain.messaging.ChinaSmsNight;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.messaging.RenderedSms;
import dev.storecrm.domain.messaging.SmsSegments;
import dev.storecrm.domain.messaging.SmsSender;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.platform.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS channel's policy and provider, from SenderFunction's environment (template parameters):
 *
 * @param sender      End User Messaging SMS, or empty when the stack has no origination identity (SMS not set up)
 * @param night       no promotional SMS to China in its night (20:00-08:00), put off to its end
 * @param cap         at most one marketing SMS per member in this window (its own slot, apart from e-mail's)
 * @param maxParts    a text over this many parts ({@link SmsSegments}) is refused, not sent
 * @param optOutTexts the line every marketing SMS ends with, by language ({@code zh}: 拒收请回复R)
 */
record SmsChannel(Optional<SmsSender> sender, ChinaSmsNight night, Duration cap, int maxParts,
                  Map<String, String> optOutTexts) {

    static final String DEFAULT_OPT_OUT = "zh=拒收请回复R|en=Reply STOP to opt out";

    static SmsChannel from(Settings env, Optional<SmsSender> sender) {
        int maxParts = (int) env.longValue("SMS_MAX_PARTS", 3);
        if (maxParts < 1) {
            throw new IllegalStateException("SMS_MAX_PARTS must be at least 1");
        }
        return new SmsChannel(sender,
                new ChinaSmsNight(QuietHours.parse(env.optional("SMS_CHINA_NIGHT", ChinaSmsNight.DEFAULT))),
                Duration.ofHours(env.longValue("SMS_MARKETING_CAP_HOURS", 72)), maxParts,
                parseOptOut(env.optional("SMS_OPT_OUT_TEXTS", DEFAULT_OPT_OUT)));
    }

    /** The text that goes: the rendered one, and for marketing the opt-out line of its language. */
    String compose(RenderedSms rendered, Category category) {
        if (category != Category.marketing) {
            return rendered.text();
        }
        String language = Locale.forLanguageTag(rendered.locale()).getLanguage();
        String optOut = optOutTexts.get(language);
        return optOut == null || rendered.text().endsWith(optOut) ? rendered.text() : rendered.text() + " " + optOut;
    }

    /**
     * Sends the text. A number the provider says opted out loses its SMS consent here and now, as a STOP reply
     * makes it lose it (a marketing suppression of the number, which SmsOptOutFunction writes too), and the send
     * fails as rejected: nothing else goes by SMS to a number that said stop to the provider.
     */
    String send(SmsSender.OutgoingSms sms, SuppressionList suppressions, Instant now) {
        try {
            return sender.orElseThrow().send(sms);
        } catch (SmsSender.OptedOutException optedOut) {
            suppressions.suppressAddress(sms.to(), SuppressionList.Reason.UNSUBSCRIBED,
                    SuppressionList.Scope.MARKETING, now);
            throw new MailSender.RejectedException(optedOut.getMessage(), optedOut);
        }
    }

    /** Why the text may not go (too many parts), or empty. */
    Optional<String> refusal(String text) {
        SmsSegments.Count count = SmsSegments.count(text);
        return count.parts() <= maxParts ? Optional.empty() : Optional.of("SMS_TOO_LONG: " + count.parts() + " parts ("
                + count.encoding() + ", " + count.units() + " units), at most " + maxParts);
    }

    private static Map<String, String> parseOptOut(String spec) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String pair : spec.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("SMS_OPT_OUT_TEXTS looks like zh=拒收请回复R|en=Reply STOP to opt out");
            }
            texts.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Map.copyOf(texts);
    }
}
