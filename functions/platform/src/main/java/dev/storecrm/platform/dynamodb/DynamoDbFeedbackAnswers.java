package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.feedback.FeedbackAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The follow-up answers in the FeedbackAnswersTable: partition key {@code orderId}, so an order keeps one answer
 * (a put replaces it); the index {@code ByMonth} (partition {@code month}, {@code 2026-11} in UTC; sort
 * {@code answeredKey}, the answer's time to the millisecond then {@code #orderId}) lists them by when they came:
 * a period is one query per month it touches, {@code met} a filter. Kept two years ({@code expiresAt}, TTL).
 */
public final class DynamoDbFeedbackAnswers implements FeedbackAnswers {

    static final String INDEX = "ByMonth";
    private static final Duration KEPT = Duration.ofDays(731);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFeedbackAnswers(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean record(FeedbackAnswer answer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(answer.orderId()));
        item.put("customerId", s(answer.customerId()));
        item.put("met", s(answer.met() ? "yes" : "no"));
        answer.rating().ifPresent(rating -> item.put("rating", n(rating)));
        answer.comment().ifPresent(comment -> item.put("comment", s(comment)));
        item.put("via", s(answer.via().name()));
        item.put("answeredAt", s(answer.answeredAt().toString()));
        item.put("month", s(month(answer.answeredAt())));
        item.put("answeredKey", s(MILLIS.format(answer.answeredAt()) + "#" + answer.orderId()));
        item.put("expiresAt", n(answer.answeredAt().plus(KEPT).getEpochSecond()));
        try {
            dynamoDb.putItem(p -> {
                p.tableName(tableName).item(item);
                if (answer.via() == FeedbackAnswer.Via.link) {
                    p.conditionExpression("attribute_not_exists(orderId) OR via = :link")
                            .expressionAttributeValues(Map.of(":link", s(FeedbackAnswer.Via.link.name())));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException formAnswerKept) {
            return false;
        }
    }

    @Override
    public Page between(Instant from, Instant to, Optional<Boolean> met, Optional<String> after, int limit) {
        Optional<Map<String, AttributeValue>> start = after.map(DynamoDbFeedbackAnswers::startKey);
        YearMonth first = YearMonth.parse(start.map(k -> k.get("month").s()).orElse(month(from)));
        YearMonth last = YearMonth.parse(month(to.minusMillis(1)));
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last) && rows.size() <= limit; month = month.plusMonths(1)) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).indexName(INDEX)
                    .keyConditionExpression("#month = :month AND answeredKey BETWEEN :from AND :to")
                    .limit(limit + 1);
            Map<String, String> names = new HashMap<>(Map.of("#month", "month"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":month", s(month.toString()),
                    ":from", s(MILLIS.format(from)), ":to", s(MILLIS.format(to.minusMillis(1)) + "#~")));
            met.ifPresent(yes -> {
                query.filterExpression("met = :met");
                values.put(":met", s(yes ? "yes" : "no"));
            });
            if (start.isPresent() && month.equals(first)) {
                query.exclusiveStartKey(start.get());
            }
            query.expressionAttributeNames(names).expressionAttributeValues(values);
            dynamoDb.queryPaginator(query.build()).items().stream().limit(limit + 1L - rows.size())
                    .forEach(rows::add);
        }
        List<FeedbackAnswer> answers = rows.stream().limit(limit).map(DynamoDbFeedbackAnswers::answer).toList();
        Optional<String> next = rows.size() > limit
                ? Optional.of(cursor(rows.get(limit - 1).get("answeredKey").s())) : Optional.empty();
        return new Page(answers, next);
    }

    private static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    private static String cursor(String answeredKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(answeredKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The index key a cursor names; an IllegalArgumentException for one no page gave. */
    private static Map<String, AttributeValue> startKey(String cursor) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("next must be the cursor a previous page gave");
        }
        int hash = key.indexOf('#');
        if (!key.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#.+") || hash < 0) {
            throw new IllegalArgumentException("next must be the cursor a previous page gave");
        }
        return Map.of("month", s(key.substring(0, 7)), "answeredKey", s(key), "orderId", s(key.substring(hash + 1)));
    }

    private static FeedbackAnswer answer(Map<String, AttributeValue> item) {
        return new FeedbackAnswer(item.get("orderId").s(), item.get("customerId").s(),
                "yes".equals(item.get("met").s()),
                Optional.ofNullable(item.get("rating")).map(r -> Integer.parseInt(r.n())),
                Optional.ofNullable(item.get("comment")).map(AttributeValue::s),
                FeedbackAnswer.Via.valueOf(item.get("via").s()), Instant.parse(item.get("answeredAt").s()));
    }
}
