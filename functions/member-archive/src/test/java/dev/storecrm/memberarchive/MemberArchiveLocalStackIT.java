package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The member archive scenario against LocalStack (DynamoDB and SQS in a container), provisioned
 * from the same template. Runs where Docker is; skipped cleanly where it is not. To run every
 * integration test against LocalStack instead: {@code ./dev test -Dstorecrm.cloud=localstack}.
 */
@Testcontainers(disabledWithoutDocker = true)
class MemberArchiveLocalStackIT {

    @Test
    void theSampleEventsBuildTheSameArchiveInLocalStack() throws Exception {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        try (LocalCloud cloud = LocalCloud.startLocalStack().provision()) {
            LocalFunctions functions = cloud.functions(new SimulatedClock(now));
            try (Stream<Path> samples = Files.list(Template.projectRoot().resolve("events/member-archive"))) {
                for (Path sample : samples.sorted().toList()) {
                    cloud.eventBus().publish(Files.readString(sample), "storefront", now);
                }
            }
            functions.drainAll();
            Map<String, AttributeValue> item = cloud.dynamoDb()
                    .getItem(g -> g.tableName(cloud.tableName("MembersTable"))
                    .key(Map.of("customerId", AttributeValue.fromS("c-1001"))).consistentRead(true)).item();
            var policy = MemberPolicySettings.from(new Settings(functions.spec("MemberArchiveFunction").environment()));
            MemberSummary summary = MemberSummary.of(MemberItemMapper.fromItem(item).value(), policy, now);
            assertEquals(1_498, summary.points());
            assertEquals(0, cloud.queueDepth("MemberArchiveDeadLetterQueue"));
        }
    }
}
