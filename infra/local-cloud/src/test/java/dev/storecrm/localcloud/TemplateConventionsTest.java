package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every resource of template.yaml must be, checked on the file itself: functions on java21
 * and arm64 with SnapStart on published versions, SQS triggers reporting partial batch failures,
 * every work queue with a dead-letter queue, IAM statements without wildcards, deployable
 * artifacts from the Maven build.
 */
class TemplateConventionsTest {

    private final Template template = Template.ofProject("us-east-1");

    private Map<String, Object> functionProperties(Template.Resource function) {
        Map<String, Object> merged = new java.util.HashMap<>(template.resolveMap(template.globals("Function")));
        merged.putAll(template.resolveMap(function.properties()));
        return merged;
    }

    @Test
    void everyFunctionRunsJava21OnArm64WithSnapStartOnPublishedVersions() {
        List<Template.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (Template.Resource function : functions) {
            Map<String, Object> p = functionProperties(function);
            assertEquals("java21", p.get("Runtime"), function.logicalId());
            assertEquals(List.of("arm64"), p.get("Architectures"), function.logicalId());
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart"), function.logicalId());
            assertTrue(p.containsKey("AutoPublishAlias"), function.logicalId() + " publishes versions (SnapStart needs them)");
        }
    }

    @Test
    void everyFunctionShipsTheArtifactItsMavenModuleBuilds() {
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            String codeUri = String.valueOf(function.properties().get("CodeUri"));
            assertTrue(codeUri.matches("functions/([a-z-]+)/target/lambda/\\1\\.jar"),
                    function.logicalId() + ": CodeUri " + codeUri + " must be functions/<module>/target/lambda/<module>.jar");
            String module = codeUri.split("/")[1];
            assertTrue(java.nio.file.Files.isRegularFile(Template.projectRoot().resolve("functions/" + module + "/pom.xml")),
                    function.logicalId() + ": no Maven module functions/" + module);
        }
    }

    @Test
    void everySqsTriggerReportsPartialBatchFailures() {
        for (FunctionSpec function : FunctionSpec.all(template)) {
            for (FunctionSpec.SqsTrigger trigger : function.sqsTriggers()) {
                assertTrue(trigger.reportBatchItemFailures(), function.logicalId() + "." + trigger.eventName());
            }
        }
    }

    @Test
    void everyQueueThatIsNotADeadLetterQueueRedrivesToOne() {
        List<Template.Resource> queues = template.resourcesOfType("AWS::SQS::Queue");
        for (Template.Resource queue : queues) {
            if (queue.logicalId().endsWith("DeadLetterQueue")) {
                assertFalse(queue.properties().containsKey("RedrivePolicy"), queue.logicalId());
                continue;
            }
            Map<String, Object> redrive = template.resolveMap(queue.properties().get("RedrivePolicy"));
            assertFalse(redrive.isEmpty(), queue.logicalId() + " has no dead-letter queue");
            String dlq = template.logicalIdOfArn(String.valueOf(redrive.get("deadLetterTargetArn")));
            assertTrue(dlq.endsWith("DeadLetterQueue"), queue.logicalId() + " redrives to " + dlq);
            int maxReceiveCount = Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount")));
            assertTrue(maxReceiveCount >= 3, queue.logicalId() + ": throttling must be retried before the DLQ");
        }
    }

    @Test
    void everyDeadLetterQueueHasAnAlarm() {
        List<String> alarmed = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .flatMap(a -> ((List<?>) a.properties().getOrDefault("Dimensions", List.of())).stream())
                .map(d -> template.resolveString(Template.map(d).get("Value")))
                .toList();
        for (Template.Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (queue.logicalId().endsWith("DeadLetterQueue")) {
                assertTrue(alarmed.contains(template.physicalName(queue.logicalId())), queue.logicalId() + " has no alarm");
            }
        }
    }

    @Test
    void iamStatementsNameTheirActionsAndResources() {
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Object policies = function.properties().get("Policies");
            for (Object policy : policies instanceof List<?> list ? list : List.of()) {
                for (Object s : (List<?>) Template.map(policy).getOrDefault("Statement", List.of())) {
                    Map<String, Object> statement = Template.map(s);
                    String text = String.valueOf(statement.get("Action")) + statement.get("Resource");
                    assertFalse(String.valueOf(statement.get("Action")).contains("*"),
                            function.logicalId() + " grants a wildcard action: " + text);
                    assertFalse(String.valueOf(template.resolve(statement.get("Resource"))).matches(".*(^|[\\[ ,])\\*.*"),
                            function.logicalId() + " grants on every resource: " + text);
                }
            }
        }
    }

    /**
     * The local cloud enforces every function's policy ({@link IamEnforcer}); it can do so only for
     * inline statements with Effect, Action and Resource. SAM policy templates (DynamoDBCrudPolicy and
     * the like), managed policies, a Role of its own, NotAction, NotResource and Condition are
     * refused here, so that nothing reaches AWS that the local cloud did not evaluate.
     */
    @Test
    void everyFunctionsPolicyIsOneTheLocalCloudEvaluates() {
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            IamPolicy policy = IamPolicy.of(template, function.logicalId());
            assertFalse(policy.grants().isEmpty(), function.logicalId() + " has no grants at all");
        }
    }

    @Test
    void functionEnvironmentsResolveFromTheTemplate() {
        FunctionSpec archive = FunctionSpec.of(template, template.resource("MemberArchiveFunction"));
        assertEquals("MembersTable", archive.environment().get("MEMBERS_TABLE"));
        assertEquals("CNY", archive.environment().get("STORE_CURRENCY"), "Globals are merged in");
        assertEquals("FIRST_PAID_ORDER", archive.environment().get("MEMBERSHIP_ENROLMENT"), "parameters take their defaults");
        assertEquals("MemberArchiveQueue", archive.sqsTriggers().getFirst().queueLogicalId());
    }
}
