package dev.storecrm.sender;

import dev.storecrm.domain.messaging.MailSender;
import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.UnsubscribeTokens;
import dev.storecrm.platform.messaging.Pacer;

/**
 * How a message goes out: rendered from its template, by e-mail with a signed unsubscribe link for marketing,
 * at this instance's pace, through the mail sender (SES); or by SMS through the SMS channel.
 */
record Delivery(MessageRenderer renderer, MailSender mail, UnsubscribeTokens tokens, Pacer pacer, SmsChannel sms) {}
