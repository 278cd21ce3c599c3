package dev.storecrm.smsoptout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SmsOptOutFunction in the local cloud: replies played by the SMS emulator reach it as SNS delivers them from
 * the two-way topic (the template's subscription), and a payload it cannot read is kept with its reason.
 */
class SmsOptOutIT {

    private static final String NUMBER = "+8613800138000";

    private DynamoDbSuppressionList suppressions;

    @RegisterExtension
    final LocalStore local = LocalStore.at(Instant.parse("2027-01-04T02:00:00Z"));

    @BeforeEach
    void setUp() {
        this.suppressions = new DynamoDbSuppressionList(local.cloud().dynamoDb(),
                local.cloud().tableName("SuppressionsTable"));
    }

    @Test
    void aStopReplyOnTheTwoWayTopicSuppressesTheNumberAndAThankYouDoesNot() {
        local.cloud().sms().reply("+8613900000001", "Thank you!");
        local.cloud().sms().reply(NUMBER, "STOP");
        local.functions().drainAll();
        SuppressionList.Suppression stop = suppressions.find(NUMBER, Optional.empty()).orElseThrow();
        assertEquals(SuppressionList.Reason.UNSUBSCRIBED, stop.reason());
        assertEquals(Instant.parse("2027-01-04T02:00:00Z"), stop.since(), "at the function's clock");
        assertTrue(suppressions.find("+8613900000001", Optional.empty()).isEmpty());
        assertEquals(0, local.cloud().queueDepth("SmsOptOutDeadLetterQueue"));
    }

    @Test
    void aPayloadThatIsNeitherIsKeptWithItsReasonAndBlocksNothing() {
        local.cloud().sqs().sendMessage(m -> m.queueUrl(local.cloud().queueUrl("SmsOptOutQueue"))
                .messageBody("{\"hello\":1}"));
        local.cloud().sms().reply(NUMBER, "退订");
        local.functions().drainAll();
        List<Map<String, AttributeValue>> rejects = local.cloud().dynamoDb()
                .scan(s -> s.tableName(local.cloud().tableName("RejectsTable"))).items();
        assertEquals(1, rejects.size());
        assertEquals("NOT_FOR_THIS_CONSUMER", rejects.getFirst().get("reason").s());
        assertTrue(suppressions.find(NUMBER, Optional.empty()).isPresent(), "the good reply in the batch counts");
        assertEquals(0, local.cloud().queueDepth("SmsOptOutDeadLetterQueue"), "kept as a reject, not dead-lettered");
    }
}
