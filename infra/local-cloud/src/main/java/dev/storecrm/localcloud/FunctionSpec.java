package dev.storecrm.localcloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function of the template as the Lambda service would run it: handler, timeout, the
 * environment (SAM Globals merged with the function's own, intrinsics resolved) and its triggers.
 */
public record FunctionSpec(String logicalId, String handler, int timeoutSeconds, Map<String, String> environment,
                           List<SqsTrigger> sqsTriggers, List<Schedule> schedules, Map<String, Object> events) {

    /** An SQS event source mapping. */
    public record SqsTrigger(String eventName, String queueLogicalId, int batchSize, boolean reportBatchItemFailures) {}

    /** A schedule (EventBridge rule or Scheduler) that invokes the function. */
    public record Schedule(String eventName, String expression, String timeZone, boolean enabled, Object input) {}

    static List<FunctionSpec> all(Template template) {
        List<FunctionSpec> functions = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            functions.add(of(template, resource));
        }
        return functions;
    }

    static FunctionSpec of(Template template, Template.Resource resource) {
        Map<String, Object> globals = template.resolveMap(template.globals("Function"));
        Map<String, Object> own = template.resolveMap(resource.properties());
        Map<String, String> environment = new LinkedHashMap<>();
        variables(globals).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        variables(own).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        environment.put("AWS_REGION", template.region());
        environment.put("AWS_DEFAULT_REGION", template.region());

        Object timeout = own.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
        List<SqsTrigger> sqs = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        Map<String, Object> events = Template.map(own.get("Events"));
        events.forEach((name, body) -> {
            Map<String, Object> event = Template.map(body);
            Map<String, Object> p = Template.map(event.get("Properties"));
            switch (String.valueOf(event.get("Type"))) {
                case "SQS" -> sqs.add(new SqsTrigger(name, template.logicalIdOfArn(String.valueOf(p.get("Queue"))),
                        Integer.parseInt(String.valueOf(p.getOrDefault("BatchSize", 10))),
                        String.valueOf(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")));
                case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(name,
                        String.valueOf(p.get("Schedule") != null ? p.get("Schedule") : p.get("ScheduleExpression")),
                        (String) p.get("ScheduleExpressionTimezone"),
                        !"DISABLED".equals(p.get("State")) && !Boolean.FALSE.equals(p.get("Enabled")),
                        p.get("Input")));
                default -> { }
            }
        });
        return new FunctionSpec(resource.logicalId(), String.valueOf(own.get("Handler")),
                Integer.parseInt(String.valueOf(timeout)), Map.copyOf(environment), List.copyOf(sqs),
                List.copyOf(schedules), events);
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        return Template.map(Template.map(properties.get("Environment")).get("Variables"));
    }
}
