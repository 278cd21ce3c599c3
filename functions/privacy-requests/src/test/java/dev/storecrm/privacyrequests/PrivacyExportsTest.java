package dev.storecrm.privacyrequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.privacy.PersonalData.Part;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export's shape and bounds, and its page: every part named, long histories truncated and said so, escaped. */
class PrivacyExportsTest {

    private static final Instant AT = Instant.parse("2026-11-23T00:00:00Z");

    private final InMemoryPrivacy privacy = new InMemoryPrivacy();
    private final PrivacyExports exports = new PrivacyExports(privacy);

    @Test
    void everyPartIsThereAndALongHistoryIsCutAtTheRecordLimitWithAMarker() {
        privacy.add("c-1", Part.PROFILE, Map.of("customerId", "c-1", "name", "Ann Lee"));
        for (int i = 0; i < PrivacyExports.RECORDS + 5; i++) {
            privacy.add("c-1", Part.ORDERS, Map.of("orderId", "o-" + i));
        }

        JsonNode export = exports.export("c-1", AT);

        assertTrue(export.path("found").asBoolean());
        assertEquals(List.of("profile", "orders", "orderFeedback", "points", "coupons", "carts", "mail", "disputes",
                "occasions", "winBack", "suppression"), fieldNames(export.path("parts")));
        assertEquals(PrivacyExports.RECORDS, export.path("parts").path("orders").path("records").size());
        assertTrue(export.path("parts").path("orders").path("truncated").asBoolean());
        assertFalse(export.path("parts").path("profile").path("truncated").asBoolean());
        assertEquals("Ann Lee", export.path("parts").path("profile").path("records").get(0).path("name").asText());
    }

    @Test
    void bigRecordsAreCutAtTheByteBudgetSoOneExportStaysBounded() {
        privacy.add("c-1", Part.PROFILE, Map.of("customerId", "c-1"));
        for (int i = 0; i < 50; i++) {
            privacy.add("c-1", Part.DISPUTES, Map.of("disputeId", "d-" + i, "history", "x".repeat(4_000)));
        }

        JsonNode export = exports.export("c-1", AT);

        JsonNode disputes = export.path("parts").path("disputes");
        assertTrue(disputes.path("truncated").asBoolean());
        assertTrue(disputes.path("records").toString().length() <= PrivacyExports.BYTES, "within the part's budget");
        assertEquals(8, disputes.path("records").size());
    }

    @Test
    void everyPartFullToItsByteBudgetStillFitsOneDynamoDbItem() {
        for (Part part : Part.values()) {
            for (int i = 0; i < PrivacyExports.RECORDS; i++) {
                privacy.add("c-1", part, Map.of("customerId", "c-1", "comment", "评".repeat(300) + i));
            }
        }

        JsonNode export = exports.export("c-1", AT);

        for (Part part : Part.values()) {
            assertTrue(export.path("parts").path(PrivacyExports.name(part)).path("truncated").asBoolean(), part.name());
        }
        int bytes = export.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 400 * 1024 - 4 * 1024, "kept with its request in one item (400 KB): " + bytes);
    }

    @Test
    void thePageEscapesWhatTheMemberTypedAndSaysWhereItIsTruncated() {
        privacy.add("c-1", Part.PROFILE, Map.of("customerId", "c-1", "name", "<script>alert(1)</script>"));
        for (int i = 0; i <= PrivacyExports.RECORDS; i++) {
            privacy.add("c-1", Part.MAIL, Map.of("businessKey", "CART#k" + i));
        }

        String page = PrivacyExports.html(exports.export("c-1", AT));

        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("<h2>mail (200)</h2>\n<p class=\"truncated\">Truncated"), page);
        assertTrue(page.contains("<dt>businessKey</dt><dd>CART#k0</dd>"));
    }

    @Test
    void aMemberTheArchiveDoesNotHoldIsNotFound() {
        assertFalse(exports.export("c-none", AT).path("found").asBoolean());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
