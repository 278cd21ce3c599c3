package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.SesEvents;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * E-mail addresses in one form: a bounce reported for an address in another case (or with a display
 * name) suppresses the member's plain address, and a message request naming anything but one plain
 * address is refused and kept, never mailed. Real SesFeedbackFunction and SenderFunction, local cloud.
 */
@ExtendWith(LocalCloudExtension.class)
class AddressFormIT {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private LocalFunctions functions;
    private DynamoDbSendLedger ledger;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.functions = cloud.functions(new SimulatedClock(NOW));
        this.ledger = new DynamoDbSendLedger(cloud.dynamoDb(), cloud.tableName("SendLedgerTable"),
                Duration.ofDays(400));
    }

    @Test
    void aHardBounceOfTheAddressInAnotherCaseOrFormSuppressesThePlainAddress() throws Exception {
        register("c-2001", "member.2001@example.com");
        bounce("\"Sample Member\" <Member.2001@EXAMPLE.com>", "ORDER#o-2000#follow-up");
        functions.drainAll();

        send(MessageRequest.transactional("ORDER#o-2001#follow-up", "order", new Recipient.Member("c-2001"),
                "order-follow-up", Map.of("orderId", "o-2001"), NOW));
        SendLedger.Entry entry = ledger.find("ORDER#o-2001#follow-up", true).orElseThrow();
        assertEquals("SUPPRESSED", entry.reason(),
                "the bounce of Member.2001@EXAMPLE.com stops member.2001@example.com");
        assertEquals(List.of(), cloud.sentMail());
        assertEquals(Map.of(), cloud.deadLetters());
    }

    @Test
    void aRequestToAnAddressThatIsNotOnePlainAddressIsRefusedAndKept() {
        for (String address : List.of("member.2002,member.2102@example.com", "Sample <member.2003@example.com>",
                "member.2004@example.com\r\nBcc: member.2104@example.com")) {
            send(MessageRequest.transactional("CART#" + address.hashCode() + "#reminder", "cart",
                    new Recipient.Address(address, Optional.empty(), Optional.of("en"), Optional.empty()),
                    "order-follow-up", Map.of("orderId", "o-2002"), NOW));
        }
        List<Map<String, AttributeValue>> rejects = cloud.dynamoDb()
                .scan(s -> s.tableName(cloud.tableName("RejectsTable"))
                .consistentRead(true)).items();
        assertEquals(3, rejects.size());
        for (Map<String, AttributeValue> reject : rejects) {
            assertEquals("INVALID_EMAIL_ADDRESS", reject.get("reason").s());
            assertEquals("sender", reject.get("consumer").s());
            assertTrue(!reject.get("detail").s().contains("example.com"), "the reason names no address");
        }
        assertEquals(List.of(), cloud.sentMail(), "nothing was mailed");
        assertEquals(0, cloud.queueDepth("OutboxDeadLetterQueue"));
    }

    private void send(MessageRequest request) {
        String body = MessageRequestJson.write(request);
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("OutboxQueue")).messageBody(body));
        functions.drainAll();
    }

    private void register(String customerId, String email) {
        cloud.eventBus().publish(Events.memberRegistered(customerId).at("2026-11-01T00:00:00Z").email(email)
                .withoutConsent().json(), "test", NOW);
        functions.drainAll();
    }

    /** SES's permanent bounce sample, for one of our messages, reporting the recipient as {@code reported}. */
    private void bounce(String reported, String businessKey) throws Exception {
        assertEquals(List.of("SesFeedbackQueue"), cloud.eventBus().publish(SesEvents.of("email-bounced-permanent.json")
                .configurationSet(cloud.template().arn("SesConfigurationSet")).businessKey(businessKey)
                .recipient(reported).node(), "default"));
    }
}
