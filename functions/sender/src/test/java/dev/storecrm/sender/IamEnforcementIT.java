package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.IamEnforcer;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The local cloud enforces each function's IAM policy as written in template.yaml, so a missing
 * grant cannot pass the suite unnoticed: with SenderFunction's statement on the SuppressionsTable
 * ({@code dynamodb:GetItem}, and {@code UpdateItem} for SMS opt-outs) removed from a copy of the
 * template (the grant whose absence once meant that no e-mail would leave after {@code sam deploy}),
 * every message is denied exactly as on AWS, retried by SQS and dead-lettered, and no mail is sent.
 * With the template as it is, the same message is sent.
 */
@ExtendWith(LocalCloudExtension.class)
class IamEnforcementIT {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-23T04:00:00Z");
    private static final String SUPPRESSIONS_GRANT = String.join("\n",
            "            # UpdateItem: a number End User Messaging SMS says opted out is suppressed for marketing "
                    + "(SMS consent).",
            "            - Effect: Allow",
            "              Action:",
            "                - dynamodb:GetItem",
            "                - dynamodb:UpdateItem",
            "              Resource: !GetAtt SuppressionsTable.Arn",
            "");

    private LocalCloud cloud;
    private SimulatedClock clock;

    @BeforeEach
    void reset(LocalCloud cloud) throws IOException {
        cloud.reset();
        this.cloud = cloud;
        this.clock = new SimulatedClock(NOON_IN_SHANGHAI);
        LocalFunctions setup = cloud.functions(clock);
        cloud.eventBus().publish(Files.readString(Template.projectRoot()
                .resolve("events/member-archive/01-member-registered.json")), "test", clock.instant());
        setup.drainAll();
    }

    @Test
    void withoutItsSuppressionsGrantTheSenderIsDeniedRetriedAndDeadLetteredAsOnAws(@TempDir Path dir)
            throws IOException {
        LocalFunctions functions = cloud.functions(clock, Map.of(), templateWithout(SUPPRESSIONS_GRANT, dir));
        outbox().enqueue(orderFollowUp("ORDER#o-iam-1#follow-up"));

        LocalFunctions.DrainReport report = functions.drain("SenderFunction");

        assertEquals(5, report.invocations().get("SenderFunction"), "SQS delivers it five times (maxReceiveCount)");
        assertEquals(5, report.failures().get("SenderFunction"), "every delivery fails");
        assertEquals(1, cloud.queueDepth("OutboxPriorityDeadLetterQueue"), "then the message is dead-lettered");
        assertEquals(0, cloud.sentMail().size(), "no e-mail leaves");
    }

    @Test
    void aDeniedCallFailsWithTheServicesAccessDeniedError(@TempDir Path dir) throws IOException {
        LocalFunctions functions = cloud.functions(clock, Map.of(), templateWithout(SUPPRESSIONS_GRANT, dir));
        String table = cloud.tableName("SuppressionsTable");

        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> IamEnforcer.actingAs(
                functions.policy("SenderFunction"), () -> cloud.dynamoDb().getItem(g -> g.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS("x"))))));

        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(400, denied.statusCode());
        assertTrue(denied.getMessage().contains("is not authorized to perform: dynamodb:GetItem on resource: "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/" + table), denied.getMessage());
    }

    @Test
    void withTheTemplateAsItIsTheSameMessageIsSent() {
        LocalFunctions functions = cloud.functions(clock);
        outbox().enqueue(orderFollowUp("ORDER#o-iam-2#follow-up"));

        LocalFunctions.DrainReport report = functions.drain("SenderFunction");

        assertEquals(0, report.failures().getOrDefault("SenderFunction", 0));
        assertEquals(1, cloud.sentMail().size());
        assertEquals(0, cloud.queueDepth("OutboxPriorityDeadLetterQueue"));
    }

    @Test
    void anSmsFromAnIdentityThePolicyDoesNotGrantIsDeniedByTheSmsEmulatorAndNoTextLeaves() {
        String pool = "arn:aws:sms-voice:us-east-1:000000000000:pool/pool-storecrm-sample";
        cloud.eventBus().publish(Events.memberRegistered("c-sms").at("2026-11-01T00:00:00Z").email("sms@example.com")
                .locale("zh-CN").timeZone("Asia/Shanghai").phone("+8613800138000").contactPreference("sms")
                .consent(true).json(), "test", clock.instant());
        cloud.functions(clock).drainAll();
        // The policies of a stack deployed without SmsOriginationIdentity (no sms-voice grant), with a sender that
        // was nevertheless given an identity: End User Messaging SMS refuses, as IAM would.
        Template noSms = Template.load(Template.projectRoot().resolve("template.yaml"), "us-east-1", Map.of());
        LocalFunctions functions = cloud.functions(clock, Map.of("SMS_ORIGINATION_IDENTITY", pool), noSms);
        outbox().enqueue(MessageRequest.marketing("NEWS#iam#c-sms", "news", "c-sms", "store-news",
                Map.of("headline", "春茶上新", "message", "明前龙井", "link", "https://shop.example.com"), clock.instant()));

        LocalFunctions.DrainReport report = functions.drain("SenderFunction");

        assertEquals(5, report.failures().get("SenderFunction"), "every delivery is denied");
        assertEquals(1, cloud.queueDepth("OutboxDeadLetterQueue"), "then the message is dead-lettered");
        assertEquals(5, cloud.sms().attempts(), "each delivery reached the service, which refused it");
        assertTrue(cloud.sms().sent().isEmpty(), "no text leaves");
    }

    /** A copy of template.yaml without one statement, which must be there exactly once. */
    private static Template templateWithout(String statement, Path dir) throws IOException {
        String original = Files.readString(Template.projectRoot().resolve("template.yaml"));
        int at = original.indexOf(statement);
        assertNotEquals(-1, at, "template.yaml no longer has the statement this test removes:\n" + statement);
        assertEquals(at, original.lastIndexOf(statement), "the statement to remove must be unique");
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, original.substring(0, at) + original.substring(at + statement.length()));
        return Template.load(copy, "us-east-1", Map.of());
    }

    private SqsMessageOutbox outbox() {
        return new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"), cloud.queueUrl("OutboxPriorityQueue"));
    }

    private MessageRequest orderFollowUp(String key) {
        return MessageRequest.transactional(key, "order", new Recipient.Member("c-1001"), "order-follow-up",
                Map.of("orderId", "o-iam"), clock.instant());
    }
}
