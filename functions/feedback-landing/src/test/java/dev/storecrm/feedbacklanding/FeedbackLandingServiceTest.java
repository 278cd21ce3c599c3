package dev.storecrm.feedbacklanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.feedback.FeedbackAnswer.Via;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.messaging.LinkTokens.Subject;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.feedbacklanding.FeedbackLandingService.Result;
import dev.storecrm.fixtures.memory.InMemoryFeedbackAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Answers to the order follow-up with in-memory answers and a fixed clock: what is kept, what is refused. */
class FeedbackLandingServiceTest {

    private static final Instant ASKED = Instant.parse("2026-03-09T02:00:00Z");
    private static final byte[] KEY = "storecrm-test-link-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

    private final SimulatedClock clock = new SimulatedClock(ASKED);
    private final LinkTokens tokens = new LinkTokens(KEY, Duration.ofDays(60), clock);
    private final InMemoryFeedbackAnswers answers = new InMemoryFeedbackAnswers();
    private final FeedbackLandingService service = new FeedbackLandingService(tokens, answers, clock);
    private final String link = tokens.issue(Subject.orderFeedback("c-1", "o-1"));

    @Test
    void anAnswerNamesTheLinksMemberAndOrderAndALaterOneReplacesIt() {
        clock.set(ASKED.plus(Duration.ofDays(1)));
        service.answer(link, Map.of("met", "yes", "rating", "4"), Via.form);
        clock.set(ASKED.plus(Duration.ofDays(2)));
        Result.Answered second = assertInstanceOf(Result.Answered.class,
                service.answer(link, Map.of("met", "no", "comment", "  broke after a day  "), Via.form));
        FeedbackAnswer kept = answers.find("o-1").orElseThrow();
        assertEquals(second.answer(), kept);
        assertEquals("c-1", kept.customerId());
        assertEquals(false, kept.met());
        assertEquals(Optional.empty(), kept.rating(), "the second answer replaced the first whole");
        assertEquals(Optional.of("broke after a day"), kept.comment());
        assertEquals(ASKED.plus(Duration.ofDays(2)), kept.answeredAt());
        assertEquals(1, answers.size());
    }

    @Test
    void aOneClickAnswerNeverReplacesWhatTheMemberSentWithTheForm() {
        service.answer(link, Map.of("met", "no", "rating", "1"), Via.form);
        Result.Answered click = assertInstanceOf(Result.Answered.class,
                service.answer(link, Map.of("met", "yes"), Via.link));
        assertEquals(false, click.kept());
        assertEquals(false, answers.find("o-1").orElseThrow().met());
        String other = tokens.issue(Subject.orderFeedback("c-1", "o-2"));
        service.answer(other, Map.of("met", "yes"), Via.link);
        service.answer(other, Map.of("met", "no"), Via.link);
        assertEquals(false, answers.find("o-2").orElseThrow().met(), "a click replaces a click");
    }

    @Test
    void anAnswerThatIsNotOneIsRefusedWithWhatIsWrongAndStoresNothing() {
        assertEquals(new Result.Invalid("say whether the order met your need: met is yes or no"),
                service.answer(link, Map.of(), Via.form));
        assertEquals(new Result.Invalid("a rating is a whole number from 1 to 5"),
                service.answer(link, Map.of("met", "yes", "rating", "0"), Via.form));
        assertEquals(new Result.Invalid("a comment has at most 1000 characters"),
                service.answer(link, Map.of("met", "yes", "comment", "好".repeat(1001)), Via.form));
        assertInstanceOf(Result.Answered.class,
                service.answer(link, Map.of("met", "yes", "comment", "好".repeat(1000)), Via.form));
        assertEquals(1, answers.size());
    }

    @Test
    void forgedExpiredAndUnsubscribeLinksRecordNothing() {
        String otherKey = new LinkTokens("another key that is long enough to be used!".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(60), clock).issue(Subject.orderFeedback("c-1", "o-1"));
        assertEquals(new Result.Refused("signature does not match"),
                service.answer(otherKey, Map.of("met", "yes"), Via.link));
        assertEquals(new Result.Refused("token is for another purpose"),
                service.answer(tokens.issue(Subject.member("c-1")), Map.of("met", "yes"), Via.link));
        clock.set(ASKED.plus(Duration.ofDays(60)));
        assertEquals(new Result.Refused("token expired"), service.answer(link, Map.of("met", "yes"), Via.form));
        assertEquals(0, answers.size());
    }

    @Test
    void theFormBodyIsDecodedAndOnlyItsFirstValueOfAFieldCounts() {
        Map<String, String> fields = FeedbackLandingRoutes.form("met=yes&comment=%E5%A5%BD+%3Cb%3E&met=no&empty");
        assertEquals(Map.of("met", "yes", "comment", "好 <b>", "empty", ""), fields);
        assertTrue(FeedbackLandingRoutes.form("").isEmpty());
    }
}
