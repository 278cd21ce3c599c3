package dev.storecrm.domain.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the follow-up answers are kept: one per order, and listed by when they were given. */
public interface FeedbackAnswers {

    /**
     * Keeps an answer in place of the order's previous one, except that a one-click answer
     * ({@link FeedbackAnswer.Via#link}) never replaces one the member sent with the form; false when it did not.
     */
    boolean record(FeedbackAnswer answer);

    /**
     * The answers given from {@code from} (inclusive) to {@code to} (exclusive), oldest first, only those whose
     * {@code met} is as asked if it is, at most {@code limit} after the cursor {@code after}.
     */
    Page between(Instant from, Instant to, Optional<Boolean> met, Optional<String> after, int limit);

    /** Some answers and, if more follow, the cursor of the next page. */
    record Page(List<FeedbackAnswer> answers, Optional<String> next) {}
}
