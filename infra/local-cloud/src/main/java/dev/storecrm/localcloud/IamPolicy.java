package dev.storecrm.localcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A function's identity-based policy as {@code template.yaml} writes it: the inline statements of
 * its {@code Policies}, with {@code !GetAtt}, {@code !Sub} and {@code !Ref} resolved to the local
 * physical names. It is evaluated as IAM evaluates one identity policy: an explicit {@code Deny}
 * wins, else an {@code Allow} whose action and resource patterns both match ({@code *} and
 * {@code ?} wildcards; actions ignore case, resources do not), else the call is implicitly denied.
 *
 * <p>Only what this evaluator understands is accepted: a SAM policy template, a managed policy, a
 * {@code Role}, {@code NotAction}, {@code NotResource} or a {@code Condition} is refused by name,
 * so that nothing the local cloud cannot evaluate is quietly allowed.
 */
public final class IamPolicy {

    /** One action and one resource pattern of an {@code Allow} statement: the unit the usage report counts. */
    public record Grant(String function, int statement, String action, String resource) {
        @Override
        public String toString() {
            return function + " " + action + " " + resource;
        }
    }

    /** The answer for one action on one resource; {@code grant} is the allowing grant, if any. */
    public record Decision(Effect effect, Grant grant) {
        public boolean allowed() {
            return effect == Effect.ALLOW;
        }
    }

    /** What decided: an allowing statement, an explicit deny, or no statement at all. */
    public enum Effect { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private record Statement(int index, boolean allow, List<String> actions, List<String> resources) {}

    private static final Map<List<String>, Pattern> WILDCARDS = new ConcurrentHashMap<>();
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "Resource");

    private final String function;
    private final String roleArn;
    private final List<Statement> statements;

    private IamPolicy(String function, String roleArn, List<Statement> statements) {
        this.function = function;
        this.roleArn = roleArn;
        this.statements = List.copyOf(statements);
    }

    /** The policy of a function of the template. */
    public static IamPolicy of(Template template, String functionLogicalId) {
        Template.Resource resource = template.resource(functionLogicalId);
        if (resource.properties().containsKey("Role")) {
            throw new IllegalStateException(functionLogicalId + ": a Role of its own cannot be evaluated locally; "
                    + "write the function's permissions as inline Policies statements");
        }
        List<Statement> statements = new ArrayList<>();
        Object policies = template.resolve(resource.properties().get("Policies"));
        for (Object policy : policies == null ? List.of() : asList(policies)) {
            if (!(policy instanceof Map<?, ?> document) || !document.containsKey("Statement") || document.size() > 2
                    || (document.size() == 2 && !document.containsKey("Version"))) {
                throw new IllegalStateException(functionLogicalId + ": policy " + policy + " is a SAM policy template "
                        + "or a managed policy, which the local cloud cannot evaluate; write inline statements");
            }
            for (Object s : asList(document.get("Statement"))) {
                statements.add(statement(functionLogicalId, statements.size(), Template.map(s)));
            }
        }
        String roleArn = "arn:aws:sts::" + Template.ACCOUNT_ID + ":assumed-role/" + functionLogicalId + "Role/"
                + template.physicalName(functionLogicalId);
        return new IamPolicy(functionLogicalId, roleArn, statements);
    }

    private static Statement statement(String function, int index, Map<String, Object> s) {
        for (String key : s.keySet()) {
            if (!STATEMENT_KEYS.contains(key)) {
                throw new IllegalStateException(function + ": statement " + index + " uses " + key
                        + ", which the local cloud does not evaluate");
            }
        }
        String effect = String.valueOf(s.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalStateException(function + ": statement " + index + " has Effect " + effect);
        }
        List<String> actions = asList(s.get("Action")).stream().map(String::valueOf).toList();
        List<String> resources = asList(s.get("Resource")).stream().map(String::valueOf).toList();
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalStateException(function + ": statement " + index + " needs Action and Resource");
        }
        return new Statement(index, effect.equals("Allow"), actions, resources);
    }

    public String function() {
        return function;
    }

    /** The principal AWS would name in its refusal: the function's execution role, assumed. */
    public String principal() {
        return roleArn;
    }

    /** Every action-resource pair the policy allows, the unit of the unused-grants report. */
    public List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.allow()) {
                for (String action : statement.actions()) {
                    for (String resource : statement.resources()) {
                        grants.add(new Grant(function, statement.index(), action, resource));
                    }
                }
            }
        }
        return grants;
    }

    /** How IAM decides this action on this resource for the function. */
    public Decision decide(String action, String resource) {
        Grant allowing = null;
        for (Statement statement : statements) {
            String matchedAction = first(statement.actions(), action, true);
            String matchedResource = matchedAction == null ? null : first(statement.resources(), resource, false);
            if (matchedResource == null) {
                continue;
            }
            if (!statement.allow()) {
                return new Decision(Effect.EXPLICIT_DENY, null);
            }
            if (allowing == null) {
                allowing = new Grant(function, statement.index(), matchedAction, matchedResource);
            }
        }
        return allowing != null ? new Decision(Effect.ALLOW, allowing) : new Decision(Effect.IMPLICIT_DENY, null);
    }

    private static String first(List<String> patterns, String value, boolean ignoreCase) {
        for (String pattern : patterns) {
            if (matches(pattern, value, ignoreCase)) {
                return pattern;
            }
        }
        return null;
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        Pattern compiled = WILDCARDS.computeIfAbsent(List.of(pattern, String.valueOf(ignoreCase)),
                k -> wildcard(pattern, ignoreCase));
        return compiled.matcher(value).matches();
    }

    private static Pattern wildcard(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(regex.toString(), flags);
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    @Override
    public String toString() {
        return function.toLowerCase(Locale.ROOT) + " policy, " + statements.size() + " statements";
    }
}
