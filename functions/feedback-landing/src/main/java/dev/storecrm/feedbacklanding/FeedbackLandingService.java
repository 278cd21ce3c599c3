package dev.storecrm.feedbacklanding;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.feedback.FeedbackAnswers;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.messaging.LinkTokens.Verification;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a member's answer to the follow-up of an order. The link's signed token is the only authority: it names
 * the member and the order, so nobody answers for another order, and a forged, altered, expired or unsubscribe
 * token records nothing. The answer's fields come as the form (or the link's query) sends them: {@code met}
 * ({@code yes} or {@code no}, required), {@code rating} (1 to 5) and {@code comment} (at most 1,000 characters),
 * both optional. One answer is kept per order: a later one replaces it, except that a one-click answer of the link
 * never replaces an answer sent with the form. Logs name the order and the member, never what they wrote.
 */
public final class FeedbackLandingService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLandingService.class);

    /** What a request came to. */
    public sealed interface Result {
        /** Kept (or, for a link's one click after a form answer, {@code kept} false: the form's answer stands). */
        record Answered(FeedbackAnswer answer, boolean kept) implements Result {}

        /** The link is not valid: nothing recorded. */
        record Refused(String reason) implements Result {}

        /** The link is valid but the answer is not: what is wrong, for the member to correct. */
        record Invalid(String reason) implements Result {}
    }

    private final LinkTokens tokens;
    private final FeedbackAnswers answers;
    private final Clock clock;

    public FeedbackLandingService(LinkTokens tokens, FeedbackAnswers answers, Clock clock) {
        this.tokens = tokens;
        this.answers = answers;
        this.clock = clock;
    }

    /** Checks a link without recording anything (the page a GET without an answer shows). */
    public Verification check(String token) {
        return tokens.verify(token, LinkTokens.Purpose.ORDER_FEEDBACK);
    }

    public Result answer(String token, Map<String, String> fields, FeedbackAnswer.Via via) {
        if (check(token) instanceof Verification.Invalid invalid) {
            LOG.warn("order feedback refused", entry("reason", invalid.reason()));
            return new Result.Refused(invalid.reason());
        }
        LinkTokens.Subject subject = ((Verification.Valid) check(token)).subject();
        FeedbackAnswer answer;
        try {
            answer = new FeedbackAnswer(subject.orderId(), subject.id(), met(fields.get("met")),
                    rating(fields.get("rating")), Optional.ofNullable(fields.get("comment")), via, clock.instant());
        } catch (IllegalArgumentException bad) {
            return new Result.Invalid(bad.getMessage());
        }
        boolean kept = answers.record(answer);
        LOG.info("order feedback", entry("customerId", answer.customerId()), entry("orderId", answer.orderId()),
                entry("met", answer.met()), entry("via", via.name()), entry("kept", kept));
        return new Result.Answered(answer, kept);
    }

    private static boolean met(String value) {
        return switch (value == null ? "" : value.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("say whether the order met your need: met is yes or no");
        };
    }

    private static Optional<Integer> rating(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.strip().matches("[1-5]")) {
            throw new IllegalArgumentException("a rating is a whole number from 1 to 5");
        }
        return Optional.of(Integer.parseInt(value.strip()));
    }
}
