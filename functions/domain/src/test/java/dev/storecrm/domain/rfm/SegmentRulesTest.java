package dev.storecrm.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final SegmentRules SEGMENTS = SegmentRules.defaultSegments();
    private static final SegmentRules AUDIENCES = SegmentRules.defaultAudiences();

    private static RfmInputs member(long daysAgo, long orders, int tierRank, int recent, int withCoupon) {
        return new RfmInputs(NOW.minus(Duration.ofDays(daysAgo)), orders, 10_000, tierRank, recent, withCoupon);
    }

    private static String segment(int r, int f, int m, long orders) {
        return SEGMENTS.matching(new RfmScores(r, f, m), member(1, orders, 0, 1, 0), NOW).getFirst();
    }

    @Test
    void theEightDefaultSegmentsCoverEveryScore() {
        assertEquals(List.of("champions", "cant-lose", "at-risk", "loyal", "new", "potential", "hibernating", "lost"),
                SEGMENTS.names());
        assertEquals("champions", segment(5, 5, 1, 9));
        assertEquals("cant-lose", segment(1, 5, 5, 9));
        assertEquals("at-risk", segment(2, 4, 1, 9));
        assertEquals("loyal", segment(3, 3, 3, 3));
        assertEquals("new", segment(5, 1, 1, 1));
        assertEquals("potential", segment(5, 2, 1, 2));
        assertEquals("hibernating", segment(2, 1, 1, 1));
        assertEquals("lost", segment(1, 1, 5, 1));
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertEquals(1, SEGMENTS.matching(new RfmScores(r, f, m), member(1, 2, 0, 1, 0), NOW).size());
                }
            }
        }
    }

    @Test
    void theMarketplaceAudiencesOverlap() {
        RfmScores top = new RfmScores(5, 5, 5);
        assertEquals(List.of("bought-360d", "vip1-plus", "high-value", "discount-sensitive"),
                AUDIENCES.matching(top, member(359, 4, 1, 3, 2), NOW));
        assertEquals(List.of("no-order-360d"), AUDIENCES.matching(new RfmScores(1, 1, 3), member(360, 1, 0, 3, 1), NOW),
                "360 days without an order; one coupon in three is not most");
    }

    @Test
    void theNextDaysRuleChangeIsWhenTheSilenceReaches360Days() {
        Instant last = NOW.minus(Duration.ofDays(100));
        assertEquals(Optional.of(last.plus(Duration.ofDays(360))), AUDIENCES.nextDaysChange(last, NOW));
        assertEquals(Optional.empty(), AUDIENCES.nextDaysChange(NOW.minus(Duration.ofDays(400)), NOW));
    }

    @Test
    void rulesGivenAsAParameterReplaceTheDefaults() {
        SegmentRules custom = SegmentRules.parse("vip: M5 orders>=3; rest: *", "RFM_SEGMENTS", true);
        assertEquals("vip", custom.matching(new RfmScores(1, 1, 5), member(1, 3, 0, 1, 0), NOW).getFirst());
        assertEquals("rest", custom.matching(new RfmScores(1, 1, 5), member(1, 2, 0, 1, 0), NOW).getFirst());
    }

    @Test
    void invalidRulesAreRefusedWithWhatIsWrong() {
        assertMessage("RFM_SEGMENTS: 'x': unknown condition 'Q4'", "x: Q4; y: *", true);
        assertMessage("RFM_SEGMENTS: the last segment ('x') must be '*'", "x: R5", true);
        assertMessage("RFM_SEGMENTS: 'x' is defined twice", "x: R5; x: *", true);
        assertMessage("RFM_AUDIENCES: 'x': 'R5-3' is an empty range", "x: R5-3", false);
        assertMessage("RFM_AUDIENCES: 'Big Spenders: M5' is not 'name: conditions'", "Big Spenders: M5", false);
        assertMessage("RFM_AUDIENCES: needs 1 to 20 rules, has 0", " ; ", false);
    }

    private static void assertMessage(String start, String text, boolean exclusive) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SegmentRules.parse(text, exclusive ? "RFM_SEGMENTS" : "RFM_AUDIENCES", exclusive));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
