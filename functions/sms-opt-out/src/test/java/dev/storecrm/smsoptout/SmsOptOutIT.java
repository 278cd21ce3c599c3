package dev.storecrm.smsoptout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SmsOptOutFunction in the local cloud: replies played by the SMS emulator reach it as SNS delivers them from
 * the two-way topic (the template's subscription), and a payload it cannot read is kept with its reason.
 */
@ExtendWith(LocalCloudExtension.class)
class SmsOptOutIT {

    private static final String NUMBER = "+8613800138000";

    private LocalCloud cloud;
    private LocalFunctions functions;
    private DynamoDbSuppressionList suppressions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.functions = cloud.functions(new SimulatedClock(Instant.parse("2027-01-04T02:00:00Z")));
        this.suppressions = new DynamoDbSuppressionList(cloud.dynamoDb(), cloud.tableName("SuppressionsTable"));
    }

    @Test
    void aStopReplyOnTheTwoWayTopicSuppressesTheNumberAndAThankYouDoesNot() {
        cloud.sms().reply("+8613900000001", "Thank you!");
        cloud.sms().reply(NUMBER, "STOP");
        functions.drainAll();
        SuppressionList.Suppression stop = suppressions.find(NUMBER, Optional.empty()).orElseThrow();
        assertEquals(SuppressionList.Reason.UNSUBSCRIBED, stop.reason());
        assertEquals(Instant.parse("2027-01-04T02:00:00Z"), stop.since(), "at the function's clock");
        assertTrue(suppressions.find("+8613900000001", Optional.empty()).isEmpty());
        assertEquals(0, cloud.queueDepth("SmsOptOutDeadLetterQueue"));
    }

    @Test
    void aPayloadThatIsNeitherIsKeptWithItsReasonAndBlocksNothing() {
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("SmsOptOutQueue")).messageBody("{\"hello\":1}"));
        cloud.sms().reply(NUMBER, "退订");
        functions.drainAll();
        List<Map<String, AttributeValue>> rejects = cloud.dynamoDb()
                .scan(s -> s.tableName(cloud.tableName("RejectsTable"))).items();
        assertEquals(1, rejects.size());
        assertEquals("NOT_FOR_THIS_CONSUMER", rejects.getFirst().get("reason").s());
        assertTrue(suppressions.find(NUMBER, Optional.empty()).isPresent(), "the good reply in the batch counts");
        assertEquals(0, cloud.queueDepth("SmsOptOutDeadLetterQueue"), "kept as a reject, not dead-lettered");
    }
}
