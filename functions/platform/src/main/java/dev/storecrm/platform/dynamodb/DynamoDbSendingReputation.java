package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.reputation.SendingReputation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The reputation guard in the ReputationTable (partition key {@code pk}, sort key {@code sk}):
 * <ul>
 *   <li>{@code state/state}: {@code epoch}, {@code paused}, the last pause ({@code pausedAt}, {@code pauseReason}
 *       and its counts) and the last resume ({@code resumedAt}, {@code resumedBy});</li>
 *   <li>{@code epoch#<n>/<hour>}: the {@code sends}, {@code bounces} and {@code complaints} SES reported in that
 *       hour (UTC, ISO-8601), added to atomically; they expire a day after they leave the window.</li>
 * </ul>
 * A window is one Query over at most {@code window} hours of one epoch. A pause is a conditional write (only in
 * the epoch it judged, only if not paused); a resume one too (only if paused), and starts the next epoch.
 */
public final class DynamoDbSendingReputation implements SendingReputation {

    private static final Map<String, AttributeValue> STATE = Map.of("pk", s("state"), "sk", s("state"));

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration keep;

    public DynamoDbSendingReputation(DynamoDbClient dynamoDb, String tableName, Duration window) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.keep = window.plus(Duration.ofDays(1));
    }

    @Override
    public State state() {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName).key(STATE)).item();
        return item == null || item.isEmpty() ? State.FIRST : state(item);
    }

    @Override
    public void count(long epoch, Event event, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        dynamoDb.updateItem(u -> u.tableName(tableName)
                .key(Map.of("pk", s("epoch#" + epoch), "sk", s(hour.toString())))
                .updateExpression("ADD #count :one SET expiresAt = :expires")
                .expressionAttributeNames(Map.of("#count", event.name().toLowerCase(Locale.ROOT) + "s"))
                .expressionAttributeValues(Map.of(":one", n(1), ":expires",
                        n(hour.plus(keep).getEpochSecond()))));
    }

    @Override
    public Counts window(long epoch, Instant from, Instant to) {
        long sends = 0;
        long bounces = 0;
        long complaints = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(tableName).exclusiveStartKey(after)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s("epoch#" + epoch),
                            ":from", s(from.truncatedTo(ChronoUnit.HOURS).toString()),
                            ":to", s(to.truncatedTo(ChronoUnit.HOURS).toString()))));
            for (Map<String, AttributeValue> item : page.items()) {
                sends += Attributes.number(item, "sends", 0);
                bounces += Attributes.number(item, "bounces", 0);
                complaints += Attributes.number(item, "complaints", 0);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new Counts(sends, bounces, complaints);
    }

    @Override
    public boolean pause(long epoch, Pause pause) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":epoch", n(epoch), ":true", bool(true),
                ":false", bool(false), ":at", s(pause.at().toString()), ":reason", s(pause.reason()),
                ":sends", n(pause.counts().sends()), ":bounces", n(pause.counts().bounces()),
                ":complaints", n(pause.counts().complaints())));
        String sameEpoch = "(epoch = :epoch AND paused = :false)";
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(STATE)
                    .updateExpression("SET epoch = if_not_exists(epoch, :epoch), paused = :true, pausedAt = :at, "
                            + "pauseReason = :reason, pauseSends = :sends, pauseBounces = :bounces, "
                            + "pauseComplaints = :complaints")
                    .conditionExpression(epoch == 0 ? "attribute_not_exists(epoch) OR " + sameEpoch : sameEpoch)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException pausedOrResumed) {
            return false;
        }
    }

    @Override
    public Optional<State> resume(Resume resume) {
        try {
            return Optional.of(state(dynamoDb.updateItem(u -> u.tableName(tableName).key(STATE)
                    .updateExpression("SET paused = :false, resumedAt = :at, resumedBy = :by ADD epoch :one")
                    .conditionExpression("paused = :true")
                    .expressionAttributeValues(Map.of(":false", bool(false), ":true", bool(true),
                            ":at", s(resume.at().toString()), ":by", s(resume.by()), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException notPaused) {
            return Optional.empty();
        }
    }

    private static State state(Map<String, AttributeValue> item) {
        Optional<Pause> pause = Attributes.string(item, "pausedAt").map(at -> new Pause(Instant.parse(at),
                Attributes.string(item, "pauseReason").orElse(""), new Counts(Attributes.number(item, "pauseSends", 0),
                Attributes.number(item, "pauseBounces", 0), Attributes.number(item, "pauseComplaints", 0))));
        Optional<Resume> resume = Attributes.string(item, "resumedAt").map(at -> new Resume(Instant.parse(at),
                Attributes.string(item, "resumedBy").orElse("")));
        AttributeValue paused = item.get("paused");
        return new State(Attributes.number(item, "epoch", 0), paused != null && Boolean.TRUE.equals(paused.bool()),
                pause, resume);
    }
}
