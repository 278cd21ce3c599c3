package dev.storecrm.orderfeedback;

import dev.storecrm.domain.messaging.LinkTokens;

/**
 * The short feedback link of an order's follow-up: the landing's URL (FeedbackLandingFunction's function URL) with
 * a signed token that names the member and the order ({@link LinkTokens.Subject#orderFeedback}), valid for the
 * tokens' validity (the template's {@code FeedbackLinkDays}).
 */
record FeedbackLinks(String landingUrl, LinkTokens tokens) {

    FeedbackLinks {
        landingUrl = landingUrl.endsWith("/") ? landingUrl : landingUrl + "/";
    }

    String of(String customerId, String orderId) {
        return landingUrl + "?token=" + tokens.issue(LinkTokens.Subject.orderFeedback(customerId, orderId));
    }
}
