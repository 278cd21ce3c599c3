package dev.storecrm.feedbacklanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An order from its payment to the staff's list, through the real functions in the local cloud (IAM enforced): the
 * member archive keeps the order, OrderFeedbackFunction asks a week later with a signed feedback link, the sender
 * mails it, the member answers on FeedbackLandingFunction's page, and the staff read the answers from
 * CareListsFunction's {@code GET /order-feedback}.
 */
class FeedbackLandingIT {

    /** 10:00 in Shanghai: the ask falls due at that local time, outside quiet hours. */
    private static final Instant PAID = Instant.parse("2026-03-02T02:00:00Z");
    private static final String LANDING = "FeedbackLandingFunction";
    private static final Pattern LINK = Pattern.compile(
            "https://feedbacklandingfunction\\.\\S+?\\?(token=[A-Za-z0-9_.-]+&lang=(en|zh-CN))&met=yes");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FORM = Map.of("content-type", "application/x-www-form-urlencoded");

    @RegisterExtension
    final LocalStore local = LocalStore.at(PAID.minus(Duration.ofDays(1))).with(Map.of("HOLDOUT_PERCENT", "0"));

    @Test
    void aPaidOrderIsAskedAboutAWeekLaterAndTheMembersAnswersReachTheStaffsList() throws Exception {
        member("c-ann", "en");
        member("c-li", "zh-CN");
        paid("c-ann", "o-ann", PAID);
        paid("c-li", "o-li", PAID.plus(Duration.ofHours(1)));
        walkTo(PAID.plus(Duration.ofDays(8)));
        String ann = link("c-ann");
        String li = link("c-li");
        assertTrue(li.endsWith("&lang=zh-CN"), "the Chinese mail's link opens the Chinese page: " + li);

        // One click on "no" in the mail, then the page's form with a rating and a comment.
        APIGatewayV2HTTPResponse clicked = local.functions().invokeUrl(LANDING, "GET", ann + "&met=no", Map.of(), null);
        assertEquals(200, clicked.getStatusCode());
        assertTrue(clicked.getBody().contains("Thank you") && clicked.getBody().contains("<textarea"),
                "the thanks offer the form to say more: " + clicked.getBody());
        local.clock().set(local.clock().instant().plus(Duration.ofMinutes(2)));
        APIGatewayV2HTTPResponse sent = local.functions().invokeUrl(LANDING, "POST", ann, FORM,
                "met=no&rating=2&comment=" + URLEncoder.encode("Too small <b>sadly</b>, 太小", StandardCharsets.UTF_8));
        assertEquals(200, sent.getStatusCode());
        assertTrue(sent.getBody().contains("has your answer: no"), sent.getBody());
        // The mail's "yes" clicked later (or opened by a link scanner) does not undo what the member wrote.
        assertEquals(200, local.functions().invokeUrl(LANDING, "GET", ann + "&met=yes", Map.of(),
                null).getStatusCode());
        APIGatewayV2HTTPResponse chinese = local.functions().invokeUrl(LANDING, "GET", li + "&met=yes&rating=5",
                Map.of(),
                null);
        assertTrue(chinese.getBody().contains("谢谢您") && chinese.getBody().contains("满足了"), chinese.getBody());

        // A third member sends the form as a browser does: the event as Lambda delivers it (the body in base64).
        member("c-wu", "zh-CN");
        paid("c-wu", "o-wu", local.clock().instant());
        walkTo(local.clock().instant().plus(Duration.ofDays(8)));
        String wu = link("c-wu");
        APIGatewayV2HTTPEvent form = FunctionUrlRequest.event("feedback-landing/answer-form-zh.json");
        form.setRawQueryString(wu);
        form.setQueryStringParameters(Map.of("token", wu.substring("token=".length(), wu.indexOf('&')),
                "lang", "zh-CN"));
        APIGatewayV2HTTPResponse browser = (APIGatewayV2HTTPResponse) local.functions().invoke(LANDING, form);
        assertEquals(200, browser.getStatusCode(), browser.getBody());
        assertEquals(403, local.functions().invokeUrl(LANDING,
                FunctionUrlRequest.sample("feedback-landing/one-click-yes-zh.json")).getStatusCode(),
                "the sample's token is signed with a placeholder key");

        JsonNode list = staffList("from=2026-03-01&to=2026-03-31&format=json");
        assertEquals(List.of("o-ann c-ann no 2 Too small <b>sadly</b>, 太小 form", "o-li c-li yes 5  link",
                "o-wu c-wu yes 5 茶很香，包装也好 form"), rows(list));
        assertEquals(List.of("o-li c-li yes 5  link", "o-wu c-wu yes 5 茶很香，包装也好 form"),
                rows(staffList("from=2026-03-01&to=2026-03-31&met=yes&format=json")));
        JsonNode first = staffList("from=2026-03-01&to=2026-03-31&limit=1&format=json");
        assertEquals(List.of("o-ann c-ann no 2 Too small <b>sadly</b>, 太小 form"), rows(first));
        JsonNode second = staffList("from=2026-03-01&to=2026-03-31&limit=2&format=json&next="
                + first.get("next").asText());
        assertEquals(List.of("o-li c-li yes 5  link", "o-wu c-wu yes 5 茶很香，包装也好 form"), rows(second));
        assertFalse(second.has("next"), "the last page");
        APIGatewayV2HTTPResponse csv = local.functions().invokeSignedUrl("CareListsFunction", "GET", "/order-feedback",
                "from=2026-03-01&to=2026-03-31", Map.of(), null);
        assertTrue(csv.getBody().startsWith("\uFEFFansweredAt,orderId,customerId,met,rating,comment,via\r\n"),
                csv.getBody());
        assertEquals(0, staffList("from=2026-02-01&to=2026-02-28&format=json").get("rows").size());
    }

    @Test
    void forgedExpiredMisdirectedAndOversizedAnswersAreRefusedAndStoreNothing() throws Exception {
        member("c-bob", "en");
        paid("c-bob", "o-bob", PAID);
        walkTo(PAID.plus(Duration.ofDays(8)));
        String link = link("c-bob");
        String token = link.substring("token=".length(), link.indexOf('&'));
        String otherOrder = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|f:c-bob,o-someone-else|1900000000".getBytes(StandardCharsets.UTF_8));
        String unsubscribe = unsubscribeToken("c-bob");

        assertEquals(403, status("GET", "token=" + otherOrder + token.substring(token.indexOf('.')) + "&met=yes"));
        assertEquals(403, status("GET", "token=" + unsubscribe + "&met=yes"), "an unsubscribe link answers nothing");
        assertEquals(400, status("GET", "token=not-a-token&met=yes"));
        assertEquals(400, status("GET", "met=yes"));
        assertEquals(400, local.functions().invokeUrl(LANDING, "POST", link, FORM, "met=maybe").getStatusCode());
        assertEquals(400, local.functions().invokeUrl(LANDING, "POST", link, FORM, "met=yes&rating=6").getStatusCode());
        assertEquals(400, local.functions().invokeUrl(LANDING, "POST", link, FORM,
                "met=yes&comment=" + "x".repeat(1001))
                .getStatusCode());
        assertEquals(413, local.functions().invokeUrl(LANDING, "POST", link, FORM,
                "met=yes&comment=" + "x".repeat(9000))
                .getStatusCode());
        assertEquals(405, local.functions().invokeUrl(LANDING, "DELETE", link, Map.of(), null).getStatusCode());
        APIGatewayV2HTTPResponse question = local.functions().invokeUrl(LANDING, "GET", link, Map.of(), null);
        assertEquals(200, question.getStatusCode());
        assertTrue(question.getBody().contains("Did the product meet your need?"), question.getBody());
        assertEquals(0, answersKept(), "refusals and the question store nothing");

        local.clock().set(PAID.plus(Duration.ofDays(7 + 60)).plusSeconds(3600));
        APIGatewayV2HTTPResponse expired = local.functions().invokeUrl(LANDING, "GET", link + "&met=yes", Map.of(),
                null);
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("This link is not valid"), expired.getBody());
        assertEquals(0, answersKept());
    }

    // ------------------------------------------------------------------ helpers

    private void member(String customerId, String locale) {
        publish(Events.memberRegistered(customerId).at("2025-06-01T00:00:00Z").name(customerId).locale(locale)
                .timeZone("Asia/Shanghai").json());
    }

    private void paid(String customerId, String orderId, Instant at) {
        if (at.isAfter(local.clock().instant())) {
            local.clock().set(at);
        }
        publish(Events.orderPaid(customerId, orderId).id("evt-" + orderId).at(at).json());
    }

    private void publish(String event) {
        local.publish(event);
        local.functions().drainAll();
    }

    private void walkTo(Instant end) {
        for (Instant day = local.clock().instant().plus(Duration.ofDays(1)); !day.isAfter(end);
             day = day.plus(Duration.ofDays(1))) {
            local.advanceTo(day.plusSeconds(60));
        }
    }

    /** The query of the follow-up's link in the member's one mail (its token and language, without the answer). */
    private String link(String customerId) {
        List<SentMail> mail = local.cloud().sentMailTo(customerId + "@example.com");
        assertEquals(1, mail.size(), "one follow-up");
        Matcher link = LINK.matcher(mail.getFirst().text());
        assertTrue(link.find(), mail.getFirst().text());
        assertTrue(mail.getFirst().html().contains("met=no"), "the HTML mail has the no link too");
        return link.group(1);
    }

    private String unsubscribeToken(String customerId) {
        String header = local.cloud().sentMailTo(customerId + "@example.com").getFirst().headers()
                .get("List-Unsubscribe");
        return header.substring(header.indexOf("token=") + "token=".length(), header.length() - 1);
    }

    private int status(String method, String query) {
        return local.functions().invokeUrl(LANDING, method, query, Map.of(), null).getStatusCode();
    }

    private JsonNode staffList(String query) throws Exception {
        APIGatewayV2HTTPResponse response = local.functions().invokeSignedUrl("CareListsFunction", "GET",
                "/order-feedback",
                query, Map.of(), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return JSON.readTree(response.getBody());
    }

    private static List<String> rows(JsonNode list) {
        List<String> rows = new ArrayList<>();
        list.get("rows").forEach(row -> rows.add(String.join(" ", row.get("orderId").asText(),
                row.get("customerId").asText(), row.get("met").asText(), row.get("rating").asText(),
                row.get("comment").asText(), row.get("via").asText())));
        return rows;
    }

    private int answersKept() {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("FeedbackAnswersTable"))).count();
    }
}
