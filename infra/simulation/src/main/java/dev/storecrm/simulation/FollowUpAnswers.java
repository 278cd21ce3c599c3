package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Members answering the post-purchase follow-up through its link, as a browser would call FeedbackLandingFunction:
 * about three in five answer, some hours after the mail; most with one click on "yes" or "no", one in three with
 * the page's form and a rating. Who answers what is drawn from the mail (its recipient and subject), so a run
 * repeats. The report reads the answers back as the staff do ({@code GET /order-feedback} on CareListsFunction,
 * signed) and the invariant holds that every answer the landing took is on the staff's list, once.
 */
final class FollowUpAnswers {

    static final String FUNCTION = "FeedbackLandingFunction";
    static final String KEPT = "every follow-up answer the landing took is on the staff's list, once";
    private static final Pattern LINK =
            Pattern.compile("https://\\S+?\\?(token=[A-Za-z0-9_.-]+&lang=(?:en|zh-CN))&met=yes");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunctions functions;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Set<String> answered = new TreeSet<>();

    FollowUpAnswers(LocalFunctions functions) {
        this.functions = functions;
    }

    /** The member's answer to a follow-up mail, if they answer; nothing for any other mail. */
    List<Planned> answer(SentMail mail, Instant now) {
        Matcher link = mail.text() == null ? null : LINK.matcher(mail.text());
        if (link == null || !link.find()) {
            return List.of();
        }
        int draw = Math.floorMod((String.join(",", mail.to()) + "|" + mail.subject()).hashCode(), 100);
        if (draw >= 60) {
            return List.of();
        }
        boolean met = draw < 45;
        String query = link.group(1);
        String order = mail.subject();
        return List.of(new Planned.Call(now.plus(Duration.ofHours(1 + draw % 20)), FUNCTION, () -> {
            APIGatewayV2HTTPResponse response = draw % 3 == 0
                    ? functions.invokeUrl(FUNCTION, "POST", query,
                            Map.of("content-type", "application/x-www-form-urlencoded"),
                            "met=" + (met ? "yes" : "no") + "&rating=" + (met ? 4 + draw % 2 : 1 + draw % 3))
                    : functions.invokeUrl(FUNCTION, "GET", query + "&met=" + (met ? "yes" : "no"), Map.of(), null);
            statuses.merge(response.getStatusCode(), 1, Integer::sum);
            if (response.getStatusCode() == 200) {
                answered.add(order);
            }
            return 1;
        }));
    }

    /** The answers as the staff's list gives them: by answer and way, with the ratings; judged against the clicks. */
    String report(Instant start, Instant end, Invariants invariants) {
        invariants.list(KEPT);
        Map<String, int[]> rows = new TreeMap<>();
        int listed = 0;
        String next = "";
        do {
            JsonNode page = page(start, end, next);
            for (JsonNode row : page.get("rows")) {
                int[] counts = rows.computeIfAbsent(row.get("met").asText() + " " + row.get("via").asText(),
                        k -> new int[3]);
                counts[0]++;
                if (!row.get("rating").asText().isEmpty()) {
                    counts[1]++;
                    counts[2] += row.get("rating").asInt();
                }
                listed++;
            }
            next = page.has("next") ? page.get("next").asText() : "";
        } while (!next.isEmpty());
        invariants.checked(KEPT);
        if (listed != answered.size()) {
            invariants.violation(KEPT, "the landing took " + answered.size() + " answers, the staff's list has "
                    + listed);
        }
        TextTable table = new TextTable("met", "via", "answers", "rated", "mean rating");
        rows.forEach((key, counts) -> table.row(key.split(" ")[0], key.split(" ")[1], counts[0], counts[1],
                counts[1] == 0 ? "-" : String.format("%.1f", (double) counts[2] / counts[1])));
        String landing = "  landing answered: " + statuses + " (HTTP status: answers)\n";
        return table.isEmpty() ? landing + "  (no answers)\n" : landing + table.render();
    }

    private JsonNode page(Instant start, Instant end, String next) {
        LocalDate to = end.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        LocalDate from = start.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        from = from.isBefore(to.minusDays(365)) ? to.minusDays(365) : from; // the list's longest period
        String raw = "from=" + from + "&to=" + to + "&limit=1000&format=json" + (next.isEmpty() ? "" : "&next=" + next);
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/order-feedback",
                raw, Map.of(), null);
        try {
            return JSON.readTree(response.getBody());
        } catch (dev.storecrm.domain.json.tree.JsonProcessingException e) {
            throw new UncheckedIOException("GET /order-feedback answered " + response.getStatusCode(), e);
        }
    }
}
