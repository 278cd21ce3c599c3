package dev.storecrm.unsubscribe;

import dev.storecrm.domain.messaging.LinkTokens.Verification;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.PublicRequest;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.metrics.Metrics;
import java.util.Locale;

/**
 * What the unsubscribe URL answers. RFC 8058 one-click: a {@code POST} with a valid token
 * unsubscribes at once (mail clients send {@code List-Unsubscribe=One-Click}); a {@code GET} only
 * shows a confirmation page with a button that makes that POST, so that link scanners and
 * prefetching change nothing. Forged or altered tokens get 403, expired ones 410, malformed ones
 * 400; none changes anything. Pages are in Chinese or English by the browser's Accept-Language.
 */
final class UnsubscribeRoutes {

    private final UnsubscribeService service;
    private final String storeName;
    private final Metrics metrics;

    UnsubscribeRoutes(UnsubscribeService service, String storeName, Metrics metrics) {
        this.service = service;
        this.storeName = storeName;
        this.metrics = metrics;
    }

    HttpAnswer answer(PublicRequest request) {
        boolean chinese = request.header("accept-language")
                .map(l -> l.toLowerCase(Locale.ROOT).startsWith("zh")).orElse(false);
        String token = request.query("token").orElse(null);
        switch (request.method()) {
            case "GET", "HEAD" -> {
                if (service.check(token) instanceof Verification.Invalid invalid) {
                    return refused(invalid.reason(), chinese);
                }
                return UnsubscribePages.confirm(storeName, token, chinese);
            }
            case "POST" -> {
                if (service.unsubscribe(token) instanceof UnsubscribeService.Result.Refused refused) {
                    return refused(refused.reason(), chinese);
                }
                metrics.addMetric("Unsubscribed", 1, MetricUnit.COUNT);
                return UnsubscribePages.done(storeName, chinese);
            }
            default -> {
                return UnsubscribePages.methodNotAllowed();
            }
        }
    }

    private HttpAnswer refused(String reason, boolean chinese) {
        metrics.addMetric("UnsubscribeRefused", 1, MetricUnit.COUNT);
        int status = reason.contains("expired") ? 410 : reason.contains("signature") ? 403 : 400;
        return UnsubscribePages.refused(status, chinese);
    }
}
