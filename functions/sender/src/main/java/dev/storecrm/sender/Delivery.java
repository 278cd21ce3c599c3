package dev.storecrm.sender;

import dev.storecrm.domain.messaging.MailSender;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.platform.messaging.Pacer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a message goes out: rendered from its template, by e-mail with a signed unsubscribe link for marketing,
 * at this instance's pace, through the mail sender (SES); or by SMS through the SMS channel.
 */
record Delivery(MessageRenderer renderer, MailSender mail, LinkTokens tokens, Pacer pacer, SmsChannel sms) {

    /**
     * Tags travel with SES's events for this message: the business key lets the feedback function settle the
     * ledger.
     */
    static Map<String, String> tags(MessageRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("bk", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(request.businessKey().getBytes(StandardCharsets.UTF_8)));
        tags.put("journey", request.journey());
        tags.put("category", request.category().name());
        tags.put("template", request.templateId());
        return tags;
    }
}
