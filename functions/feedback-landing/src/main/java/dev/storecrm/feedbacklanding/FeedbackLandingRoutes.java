package dev.storecrm.feedbacklanding;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.messaging.LinkTokens.Verification;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.PublicRequest;
import dev.storecrm.platform.metrics.MetricUnit;
import dev.storecrm.platform.metrics.Metrics;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the follow-up link's URL answers:
 * <ul>
 *   <li>{@code GET ?token=…}: the question (yes/no, an optional rating and comment), recording nothing;</li>
 *   <li>{@code GET ?token=…&met=yes|no[&rating=1-5]}: the mail's one-click answer, recorded at once, then the
 *       thanks with the form to add a rating and a comment;</li>
 *   <li>{@code POST ?token=…} with the form ({@code met}, {@code rating}, {@code comment}): recorded, then the
 *       thanks. A body over {@value #MAX_BODY_BYTES} bytes gets 413; an answer that is not one (no yes or no, a
 *       rating outside 1-5, a comment over 1,000 characters) gets 400 and the question again.</li>
 * </ul>
 * A forged or altered token (or another link's) gets 403, an expired one 410, a malformed or missing one 400; none
 * records anything. Pages are in the mail's language ({@code lang}), else the browser's (Accept-Language).
 */
final class FeedbackLandingRoutes {

    static final int MAX_BODY_BYTES = 8 * 1024;

    private final FeedbackLandingService service;
    private final String storeName;
    private final Metrics metrics;

    FeedbackLandingRoutes(FeedbackLandingService service, String storeName, Metrics metrics) {
        this.service = service;
        this.storeName = storeName;
        this.metrics = metrics;
    }

    HttpAnswer answer(PublicRequest request) {
        boolean chinese = request.query("lang").map(lang -> lang.toLowerCase(Locale.ROOT).startsWith("zh"))
                .orElseGet(() -> request.header("accept-language")
                        .map(l -> l.toLowerCase(Locale.ROOT).startsWith("zh")).orElse(false));
        String token = request.query("token").orElse(null);
        return switch (request.method()) {
            case "GET", "HEAD" -> {
                if (service.check(token) instanceof Verification.Invalid invalid) {
                    yield refused(invalid.reason(), chinese);
                }
                if (request.query("met").isEmpty()) {
                    yield FeedbackLandingPages.question(200, storeName, token, chinese, Optional.empty(), false);
                }
                Map<String, String> oneClick = new HashMap<>();
                request.query("met").ifPresent(met -> oneClick.put("met", met));
                request.query("rating").ifPresent(rating -> oneClick.put("rating", rating));
                yield answered(service.answer(token, oneClick, FeedbackAnswer.Via.link), token, chinese);
            }
            case "POST" -> post(request, token, chinese);
            default -> FeedbackLandingPages.methodNotAllowed();
        };
    }

    private HttpAnswer post(PublicRequest request, String token, boolean chinese) {
        String body = request.body() == null ? "" : request.body();
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            metrics.addMetric("FeedbackRefused", 1, MetricUnit.COUNT);
            return FeedbackLandingPages.tooLarge(chinese);
        }
        Map<String, String> fields;
        try {
            fields = form(body);
        } catch (IllegalArgumentException malformed) {
            return service.check(token) instanceof Verification.Invalid invalid ? refused(invalid.reason(), chinese)
                    : FeedbackLandingPages.question(400, storeName, token, chinese, Optional.empty(), true);
        }
        return answered(service.answer(token, fields, FeedbackAnswer.Via.form), token, chinese);
    }

    private HttpAnswer answered(FeedbackLandingService.Result result, String token, boolean chinese) {
        return switch (result) {
            case FeedbackLandingService.Result.Refused refused -> refused(refused.reason(), chinese);
            case FeedbackLandingService.Result.Invalid invalid ->
                    FeedbackLandingPages.question(400, storeName, token, chinese, Optional.empty(), true);
            // Answers are counted in FeedbackAnswersTable, not as a metric (one more series billed monthly).
            case FeedbackLandingService.Result.Answered answered -> FeedbackLandingPages.thanks(storeName, token,
                    chinese, answered.answer(), answered.answer().via() == FeedbackAnswer.Via.link);
        };
    }

    /** An {@code application/x-www-form-urlencoded} body; the first value of a repeated field. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private HttpAnswer refused(String reason, boolean chinese) {
        metrics.addMetric("FeedbackRefused", 1, MetricUnit.COUNT);
        int status = reason.contains("expired") ? 410
                : reason.contains("signature") || reason.contains("purpose") ? 403 : 400;
        return FeedbackLandingPages.refused(status, chinese);
    }
}
