package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every resource of template.yaml must be, checked on the file itself: functions on java21
 * and arm64 with SnapStart on published versions, SQS triggers reporting partial batch failures,
 * every work queue with a dead-letter queue, every dead-letter queue and every function alarmed to
 * the operators, schedules that keep what they cannot deliver, a dashboard that leaves nothing
 * out, IAM statements without wildcards, deployable artifacts from the Maven build.
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
            assertTrue(p.containsKey("AutoPublishAlias"),
                    function.logicalId() + " publishes versions (SnapStart needs them)");
        }
    }

    @Test
    void everyFunctionShipsTheArtifactItsMavenModuleBuilds() {
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            String codeUri = String.valueOf(function.properties().get("CodeUri"));
            assertTrue(codeUri.matches("functions/([a-z-]+)/target/lambda/\\1\\.jar"),
                    function.logicalId() + ": CodeUri " + codeUri
                            + " must be functions/<module>/target/lambda/<module>.jar");
            String module = codeUri.split("/")[1];
            Path pom = Template.projectRoot().resolve("functions/" + module + "/pom.xml");
            assertTrue(java.nio.file.Files.isRegularFile(pom),
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
    void everyDeadLetterQueueHasAnAlarmToTheOperators() {
        for (Template.Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (queue.logicalId().endsWith("DeadLetterQueue")) {
                assertTrue(alarmed("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                        template.physicalName(queue.logicalId())),
                        queue.logicalId() + " has no alarm to the operators");
            }
        }
    }

    @Test
    void everyFunctionHasAnErrorsAlarmToTheOperators() {
        List<Template.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (Template.Resource function : functions) {
            assertTrue(alarmed("AWS/Lambda", "Errors", "FunctionName", template.physicalName(function.logicalId())),
                    function.logicalId() + " has no Errors alarm to the operators: a failing run would be silent");
        }
    }

    @Test
    void aScheduledRunThatCannotBeDeliveredIsKeptAndItsRetriesAreChosen() {
        int schedules = 0;
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Object e : Template.map(function.properties().get("Events")).values()) {
                Map<String, Object> event = Template.map(e);
                if (!"ScheduleV2".equals(event.get("Type"))) {
                    continue;
                }
                schedules++;
                Map<String, Object> properties = Template.map(event.get("Properties"));
                Object dlq = Template.map(properties.get("DeadLetterConfig")).get("Arn");
                assertTrue(dlq != null
                                && template.logicalIdOfArn(template.resolveString(dlq)).endsWith("DeadLetterQueue"),
                        function.logicalId() + ": what Scheduler cannot deliver must go to a dead-letter queue");
                Map<String, Object> invokeConfig = Template.map(function.properties().get("EventInvokeConfig"));
                assertTrue(invokeConfig.containsKey("MaximumRetryAttempts"), function.logicalId()
                        + ": Lambda's retries of a failed scheduled run are chosen, not defaulted");
            }
        }
        assertEquals(4, schedules, "the timer sweep, the greeting run, the WooCommerce reconciliation and the"
                + " festival campaigns' daily run");
    }

    @Test
    void theDashboardShowsEveryFunctionAndEveryDeadLetterQueue() throws Exception {
        List<Template.Resource> dashboards = template.resourcesOfType("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        Object dashboardBody = dashboards.getFirst().properties().get("DashboardBody");
        JsonNode body = new ObjectMapper().readTree(template.resolveString(dashboardBody));
        List<List<String>> metrics = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (JsonNode widget : body.get("widgets")) {
            widget.path("properties").path("metrics").forEach(m -> {
                List<String> names = new ArrayList<>();
                m.forEach(part -> names.add(part.isTextual() ? part.asText() : ""));
                metrics.add(names);
            });
            if (widget.path("properties").has("query")) {
                queries.add(widget.path("properties").path("query").asText());
            }
        }
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            String name = template.physicalName(function.logicalId());
            for (String metric : List.of("Errors", "Duration")) {
                assertTrue(metrics.contains(List.of("AWS/Lambda", metric, "FunctionName", name, "")),
                        "the dashboard shows no " + metric + " of " + function.logicalId());
            }
        }
        for (FunctionSpec consumer : FunctionSpec.all(template)) {
            if (!consumer.sqsTriggers().isEmpty()) {
                String logGroup = "SOURCE '/aws/lambda/" + template.physicalName(consumer.logicalId()) + "'";
                assertTrue(queries.stream().anyMatch(q -> q.contains(logGroup) && q.contains("'message rejected'")),
                        "the dashboard's rejects by reason leave out " + consumer.logicalId());
            }
        }
        for (Template.Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (queue.logicalId().endsWith("DeadLetterQueue")) {
                assertTrue(metrics.contains(List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                        template.physicalName(queue.logicalId()), "")),
                        "the dashboard shows no depth of " + queue.logicalId());
            }
        }
    }

    /** Whether an alarm on this metric of this resource notifies the operators' topic. */
    private boolean alarmed(String namespace, String metric, String dimension, String value) {
        String topic = template.resolveString(Map.of("Ref", "OperatorAlarmTopic"));
        return template.resourcesOfType("AWS::CloudWatch::Alarm").stream().map(a -> template.resolveMap(a.properties()))
                .filter(a -> namespace.equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
                .filter(a -> ((List<?>) a.getOrDefault("Dimensions", List.of())).stream().map(Template::map)
                        .anyMatch(d -> dimension.equals(d.get("Name")) && value.equals(String.valueOf(d.get("Value")))))
                .anyMatch(a -> ((List<?>) a.getOrDefault("AlarmActions", List.of())).contains(topic));
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
                    String resource = String.valueOf(template.resolve(statement.get("Resource")));
                    assertFalse(resource.matches(".*(^|[\\[ ,])\\*.*"),
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
        assertEquals("FIRST_PAID_ORDER", archive.environment().get("MEMBERSHIP_ENROLMENT"),
                "parameters take their defaults");
        assertEquals("MemberArchiveQueue", archive.sqsTriggers().getFirst().queueLogicalId());
    }
}
