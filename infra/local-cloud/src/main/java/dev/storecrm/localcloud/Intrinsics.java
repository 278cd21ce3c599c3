package dev.storecrm.localcloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intrinsic functions of a {@link Template} ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::If}
 * and the others CloudFormation offers) and its conditions, resolved the way CloudFormation would resolve them for
 * a local stack: parameters to their values, resources to their local physical names, ARNs and queue URLs.
 */
final class Intrinsics {

    /** What {@code AWS::NoValue} resolves to: the property or list item is left out. */
    static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Template template;
    private final Map<String, String> parameters;
    private final Map<String, Object> conditions;

    Intrinsics(Template template, Map<String, String> parameters, Map<String, Object> conditions) {
        this.template = template;
        this.parameters = parameters;
        this.conditions = conditions;
    }

    /** The value with its intrinsic functions resolved; {@link #NO_VALUE} where {@code AWS::NoValue} removes it. */
    Object resolveValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = map.keySet().iterator().next().toString();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return intrinsic(key, map.get(key));
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolveValue(v);
                if (r != NO_VALUE) {
                    resolved.put(k.toString(), r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object r = resolveValue(item);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object intrinsic(String function, Object argument) {
        return switch (function) {
            case "Ref" -> ref(argument.toString());
            case "Fn::GetAtt" -> {
                List<?> parts = argument instanceof List<?> l ? l : List.of(argument.toString().split("\\.", 2));
                yield getAtt(resolveValue(parts.get(0)).toString(), resolveValue(parts.get(1)).toString());
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<?> args = (List<?>) argument;
                List<?> items = (List<?>) resolveValue(args.get(1));
                yield String.join(args.get(0).toString(), items.stream().map(String::valueOf).toList());
            }
            case "Fn::Select" -> {
                List<?> args = (List<?>) argument;
                yield ((List<?>) resolveValue(args.get(1))).get(Integer.parseInt(resolveValue(args.get(0)).toString()));
            }
            case "Fn::Split" -> {
                List<?> args = (List<?>) argument;
                yield List.of(resolveValue(args.get(1)).toString().split(Pattern.quote(args.get(0).toString()), -1));
            }
            case "Fn::If" -> {
                List<?> args = (List<?>) argument;
                yield resolveValue(condition(args.get(0).toString(), new LinkedHashMap<>())
                        ? args.get(1) : args.get(2));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
                    evaluate(Map.of(function, argument), new LinkedHashMap<>());
            default -> throw new UnsupportedOperationException(
                    function + " is not supported by the local cloud; extend Intrinsics.intrinsic");
        };
    }

    private Object ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return switch (name) {
            case "AWS::Region" -> template.region();
            case "AWS::AccountId" -> Template.ACCOUNT_ID;
            case "AWS::StackName" -> Template.STACK_NAME;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::NoValue" -> NO_VALUE;
            default -> {
                Template.Resource resource = template.resource(name);
                yield switch (resource.type()) {
                    case "AWS::SQS::Queue" -> template.queueUrl(name);
                    case "AWS::SNS::Topic", "AWS::SecretsManager::Secret" -> template.arn(name);
                    default -> template.physicalName(name);
                };
            }
        };
    }

    private Object getAtt(String logicalId, String attribute) {
        if (attribute.equals("FunctionUrl") && logicalId.endsWith("Url") && !template.has(logicalId)) {
            // SAM's <Function>Url of a FunctionUrlConfig: a placeholder LocalFunctions.invokeUrl answers.
            String function = logicalId.substring(0, logicalId.length() - "Url".length());
            return template.functionUrl(function);
        }
        Template.Resource resource = template.resource(logicalId);
        return switch (attribute) {
            case "Arn" -> template.arn(logicalId);
            case "QueueName", "Name", "TopicName" -> template.physicalName(logicalId);
            case "QueueUrl" -> template.queueUrl(logicalId);
            case "StreamArn" -> template.arn(logicalId) + "/stream/local";
            default -> throw new UnsupportedOperationException(
                    "GetAtt " + logicalId + "." + attribute + " (" + resource.type() + ") is not supported locally");
        };
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = list.get(0).toString();
            variables = Template.map(list.get(1));
        } else {
            text = argument.toString();
        }
        Map<String, Object> vars = variables;
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (vars.containsKey(name)) {
                replacement = String.valueOf(resolveValue(vars.get(name)));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = String.valueOf(getAtt(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                replacement = String.valueOf(ref(name));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Evaluates the template's condition of this name. */
    boolean condition(String name, Map<String, Object> evaluating) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return evaluate(definition, evaluating);
    }

    private boolean evaluate(Object expression, Map<String, Object> evaluating) {
        Map<String, Object> fn = Template.map(expression);
        String name = fn.keySet().iterator().next();
        Object args = fn.get(name);
        return switch (name) {
            case "Fn::Equals" -> {
                List<?> pair = (List<?>) args;
                yield String.valueOf(resolveValue(pair.get(0))).equals(String.valueOf(resolveValue(pair.get(1))));
            }
            case "Fn::Not" -> !evaluate(((List<?>) args).get(0), evaluating);
            case "Fn::And" -> ((List<?>) args).stream().allMatch(a -> evaluate(a, evaluating));
            case "Fn::Or" -> ((List<?>) args).stream().anyMatch(a -> evaluate(a, evaluating));
            case "Condition" -> condition(args.toString(), evaluating);
            default -> throw new UnsupportedOperationException(name + " is not a condition function");
        };
    }
}
