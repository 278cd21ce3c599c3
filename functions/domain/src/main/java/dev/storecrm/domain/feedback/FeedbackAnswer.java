package dev.storecrm.domain.feedback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's answer to the follow-up of an order: did the product meet the need (yes or no), an optional rating
 * from 1 to 5, an optional comment of at most {@value #MAX_COMMENT} characters, how it came ({@link Via}) and
 * when. One answer is kept per order: a later one replaces it.
 */
public record FeedbackAnswer(String orderId, String customerId, boolean met, Optional<Integer> rating,
                             Optional<String> comment, Via via, Instant answeredAt) {

    /** The longest comment kept, in characters (code points). */
    public static final int MAX_COMMENT = 1000;

    /**
     * How an answer came: {@code link}, one click on a yes/no link of the mail (a GET, which a mail scanner
     * opening every link could also make), or {@code form}, the landing's form sent by the member (a POST).
     */
    public enum Via { link, form }

    public FeedbackAnswer {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (rating.filter(r -> r < 1 || r > 5).isPresent()) {
            throw new IllegalArgumentException("a rating is a whole number from 1 to 5");
        }
        comment = comment.map(String::strip).filter(c -> !c.isEmpty());
        if (comment.filter(c -> c.codePointCount(0, c.length()) > MAX_COMMENT).isPresent()) {
            throw new IllegalArgumentException("a comment has at most " + MAX_COMMENT + " characters");
        }
    }
}
