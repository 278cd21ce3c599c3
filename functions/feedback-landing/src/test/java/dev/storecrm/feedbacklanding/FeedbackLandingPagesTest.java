package dev.storecrm.feedbacklanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.platform.http.HttpAnswer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The landing's pages: what the member sees, in their language, with every typed character escaped. */
class FeedbackLandingPagesTest {

    private static final FeedbackAnswer TYPED = new FeedbackAnswer("o-1", "c-1", true, Optional.of(4),
            Optional.of("</textarea><script>alert(1)</script>"), FeedbackAnswer.Via.link,
            Instant.parse("2026-03-09T02:00:00Z"));

    @Test
    void whatTheMemberTypedAndTheStoreNameAreEscaped() {
        HttpAnswer page = FeedbackLandingPages.thanks("Tea & <Co>", "tok\"en", false, TYPED, true);
        assertFalse(page.body().contains("<script>"), page.body());
        assertTrue(page.body().contains("&lt;/textarea&gt;&lt;script&gt;"), page.body());
        assertTrue(page.body().contains("Tea &amp; &lt;Co&gt;"), page.body());
        assertTrue(page.body().contains("action=\"?token=tok&quot;en&amp;lang=en\""), page.body());
        assertTrue(page.body().contains("value=\"4\" checked"), "the one-click answer's rating is kept");
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
                page.headers().get("Content-Security-Policy"));
    }

    @Test
    void theQuestionIsAskedInTheMembersLanguage() {
        HttpAnswer chinese = FeedbackLandingPages.question(200, "茶舍", "t", true, Optional.empty(), false);
        assertTrue(chinese.body().contains("lang=\"zh-CN\"") && chinese.body().contains("您的订单是否满足了您的需要"));
        HttpAnswer english = FeedbackLandingPages.question(400, "Tea", "t", false, Optional.empty(), true);
        assertEquals(400, english.status());
        assertTrue(english.body().contains("Please choose yes or no"), english.body());
    }
}
