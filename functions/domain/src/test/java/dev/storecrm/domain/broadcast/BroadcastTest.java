package dev.storecrm.domain.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.messaging.MarketingKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BroadcastTest {

    static final String DEFINITION = """
            {"campaignId": "spring-teas", "name": "Spring teas", "audience": {"segment": "champions"},
             "variants": [{"name": "A", "share": 30, "content": {"en": {"headline": "Spring", "message": "New"},
                                                               "zh-CN": {"headline": "春茶", "message": "上新"}}},
                          {"name": "B", "template": "store-news", "share": 70,
                           "content": {"en": {"headline": "Teas", "message": "Fresh"}}}],
             "window": {"start": "2027-03-10T10:00", "end": "2027-03-10T20:00"},
             "coupon": {"value": "CNY:1000", "validDays": 14}, "holdoutPercent": "10"}""";

    private static final Broadcast SPRING = BroadcastJson.read(DEFINITION, Holdout.NONE);

    @Test
    void variantsTakeTheirShareStablyAndIndependentlyOfTheHoldout() {
        Map<String, Integer> variants = new HashMap<>();
        Map<String, Integer> heldOut = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String member = "c-" + i;
            String variant = SPRING.variantOf(member).name();
            assertEquals(variant, SPRING.variantOf(member).name(), "the same member, the same variant");
            variants.merge(variant, 1, Integer::sum);
            if (SPRING.holdsOut(member)) {
                heldOut.merge(variant, 1, Integer::sum);
            }
        }
        assertEquals(0.30, variants.get("A") / 20_000.0, 0.015, "A's share: " + variants);
        assertEquals(0.10, heldOut.get("A") / (double) variants.get("A"), 0.015, "A's held out: " + heldOut);
        assertEquals(0.10, heldOut.get("B") / (double) variants.get("B"), 0.015, "B's held out: " + heldOut);
    }

    @Test
    void anotherCampaignDrawsAnotherHoldoutAndSplit() {
        Broadcast other = BroadcastJson.read(DEFINITION.replace("spring-teas", "autumn-teas"), Holdout.NONE);
        long bothHeld = IntStream.range(0, 20_000).mapToObj(i -> "c-" + i)
                .filter(m -> SPRING.holdsOut(m) && other.holdsOut(m)).count();
        assertEquals(0.01, bothHeld / 20_000.0, 0.004, "10 % of 10 %, as chance predicts");
        long sameVariant = IntStream.range(0, 20_000).mapToObj(i -> "c-" + i)
                .filter(m -> SPRING.variantOf(m).name().equals(other.variantOf(m).name())).count();
        assertEquals(0.3 * 0.3 + 0.7 * 0.7, sameVariant / 20_000.0, 0.015);
    }

    @Test
    void theWindowIsReadInEachMembersTimeZone() {
        assertEquals(Instant.parse("2027-03-10T02:00:00Z"), SPRING.window().startIn(ZoneId.of("Asia/Shanghai")));
        assertEquals(Instant.parse("2027-03-10T15:00:00Z"), SPRING.window().startIn(ZoneId.of("America/New_York")));
        assertEquals(Instant.parse("2027-03-09T20:00:00Z"), SPRING.window().opensFirst(), "10:00 at UTC+14");
        assertEquals("BROADCAST#spring-teas#c-1", SPRING.businessKey("c-1"));
    }

    @Test
    void theDefinitionReadsBackAsWritten() {
        Broadcast again = BroadcastJson.read(BroadcastJson.write(SPRING), Holdout.NONE);
        assertEquals(SPRING, again);
        assertEquals("broadcast", SPRING.variants().getFirst().templateId(), "the bundled template by default");
        assertEquals("en", SPRING.variants().getFirst().content().keySet().iterator().next(), "locales keep order");
        Broadcast members = BroadcastJson.read(DEFINITION.replace("{\"segment\": \"champions\"}",
                "{\"members\": [\"c-2\", \"c-1\", \"c-2\"]}").replace(", \"holdoutPercent\": \"10\"", ""),
                Holdout.percent("5"));
        assertEquals(new BroadcastAudience.Members(java.util.List.of("c-1", "c-2")), members.audience());
        assertEquals(Holdout.percent("5"), members.holdout(), "the store's holdout when none is given");
        assertEquals(members, BroadcastJson.read(BroadcastJson.write(members), Holdout.NONE));
    }

    @Test
    void aCapPriorityOfItsOwnReadsBackAndAnUnknownOneIsRefused() {
        Broadcast urgent = BroadcastJson.read(DEFINITION.replace("\"holdoutPercent\"", "\"capPriority\": "
                + "\"cart-coupon\", \"holdoutPercent\""), Holdout.NONE);
        assertEquals(Optional.of(MarketingKind.CART_COUPON), urgent.capPriority());
        assertEquals(urgent, BroadcastJson.read(BroadcastJson.write(urgent), Holdout.NONE));
        assertEquals(Optional.empty(), SPRING.capPriority(), "the broadcast kind's by default");
        assertFalse(BroadcastJson.write(SPRING).contains("capPriority"));
        assertTrue(refusal(DEFINITION.replace("\"holdoutPercent\"", "\"capPriority\": \"first\", "
                + "\"holdoutPercent\"")).startsWith("capPriority must be one of greeting, cart-coupon"));
    }

    @Test
    void aBadDefinitionIsRefusedNamingTheFieldAndTheRule() {
        String ids = IntStream.range(0, 1_001).mapToObj(i -> "\"c-" + i + "\"").collect(Collectors.joining(","));
        assertEquals("audience.members names at most 1000 members (1001 given): use a segment or an audience for"
                + " more", refusal(DEFINITION.replace("{\"segment\": \"champions\"}", "{\"members\": [" + ids + "]}")));
        assertEquals("the variants' shares must add up to 100", refusal(DEFINITION.replace("\"share\": 70",
                "\"share\": 60")));
        assertEquals("window.start must be a local date-time such as 2027-03-10T10:00 (no offset: it is read in each"
                + " member's time zone)", refusal(DEFINITION.replace("2027-03-10T10:00", "2027-03-10T10:00+08:00")));
        assertEquals("the window must end after it starts", refusal(DEFINITION.replace("T20:00", "T09:00")));
        assertEquals("coupon.value must be a coupon value such as CNY:1000 or 10%", refusal(DEFINITION.replace(
                "CNY:1000", "ten")));
        assertTrue(refusal(DEFINITION.replace("\"message\": \"Fresh\"", "\"coupon\": \"x\"")).startsWith(
                "variants[1].content.en.coupon is not a variable a broadcast may set"));
        assertTrue(refusal(DEFINITION.replace("\"holdoutPercent\": \"10\"", "\"holdoutPercent\": \"60\""))
                .contains("between 0 and 50"));
        assertFalse(refusal("{\"campaignId\": \"Spring!\"}").isEmpty());
    }

    private static String refusal(String json) {
        return assertThrows(InvalidInputException.class, () -> BroadcastJson.read(json, Holdout.NONE)).detail();
    }
}
