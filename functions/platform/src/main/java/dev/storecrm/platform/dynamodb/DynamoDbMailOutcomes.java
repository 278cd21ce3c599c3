package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.messaging.MailOutcomes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The messages' outcomes in the ReputationTable (the sending statistics): partition {@code mail-outcomes}, sort key
 * {@code <day>#<journey>#<outcome>}, the counter {@code messages} added to atomically (one small write per settled
 * message), kept 400 days. A period is one Query ({@code sk BETWEEN}), a page per 1 MB of counters.
 */
public final class DynamoDbMailOutcomes implements MailOutcomes {

    private static final String PARTITION = "mail-outcomes";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbMailOutcomes(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void count(LocalDate day, String journey, String outcome) {
        DailyCounters.add(dynamoDb, tableName, PARTITION, day, journey + "#" + outcome,
                "ADD messages :one SET journey = :journey, outcome = :outcome",
                Map.of(":one", n(1), ":journey", s(journey), ":outcome", s(outcome)));
    }

    @Override
    public List<Count> between(LocalDate from, LocalDate to) {
        List<Count> counts = new ArrayList<>();
        for (Map<String, AttributeValue> item : DailyCounters.between(dynamoDb, tableName, PARTITION, from, to)) {
            counts.add(new Count(DailyCounters.dayOf(item),
                    Attributes.string(item, "journey").orElse("?"), Attributes.string(item, "outcome").orElse("?"),
                    Attributes.number(item, "messages", 0)));
        }
        return counts;
    }
}
