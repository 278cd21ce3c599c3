package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.time.SimulatedClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The template's functions, run in this JVM the way Lambda runs them: each handler is the class
 * named by the template's {@code Handler}, constructed once with the function's environment and a
 * clock (its {@code (Map<String,String>, Clock)} constructor), and invoked with the events Lambda
 * would send. SQS triggers are polled like an event source mapping with
 * {@code ReportBatchItemFailures}: completed messages are deleted, failed ones become visible
 * again (at once, where Lambda would wait for the visibility timeout) until the queue's redrive
 * policy moves them to the dead-letter queue.
 */
public final class LocalFunctions {

    /**
     * What a drain did: invocations, messages and failed messages per function, and the errors of
     * invocations that failed as a whole (the handler threw).
     */
    public record DrainReport(Map<String, Integer> invocations, Map<String, Integer> messages,
                              Map<String, Integer> failures, List<String> invocationErrors) {
        public int totalMessages() {
            return messages.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The identity the local cloud's credentials stand for, as Lambda reports an IAM caller. */
    static final String LOCAL_AGENT = "local-agent";
    static final String LOCAL_CALLER_ID = "AIDALOCALAGENT0000000";

    private final LocalCloud cloud;
    private final Clock clock;
    private final Map<String, String> environmentOverrides;
    private final Map<String, FunctionSpec> specs = new LinkedHashMap<>();
    private final Map<String, IamPolicy> policies = new HashMap<>();
    private final Map<String, Object> handlers = new HashMap<>();
    private final QueuePoller poller;
    private final List<Consumer<Invocation>> observers = new ArrayList<>();

    LocalFunctions(LocalCloud cloud, Clock clock, Map<String, String> environmentOverrides, Template policySource) {
        this.cloud = cloud;
        this.clock = clock;
        this.environmentOverrides = Map.copyOf(environmentOverrides);
        FunctionSpec.all(cloud.template()).forEach(f -> {
            specs.put(f.logicalId(), f);
            policies.put(f.logicalId(), IamPolicy.of(policySource, f.logicalId()));
        });
        this.poller = new QueuePoller(cloud, this::invoke);
    }

    /** A function's IAM policy, which every AWS call of its handler is checked against ({@link IamEnforcer}). */
    public IamPolicy policy(String functionLogicalId) {
        spec(functionLogicalId);
        return policies.get(functionLogicalId);
    }

    public FunctionSpec spec(String functionLogicalId) {
        FunctionSpec spec = specs.get(functionLogicalId);
        if (spec == null) {
            throw new IllegalArgumentException("template.yaml has no function " + functionLogicalId);
        }
        return spec;
    }

    public List<FunctionSpec> specs() {
        return List.copyOf(specs.values());
    }

    /**
     * The handler instance of a function, constructed on first use like a Lambda cold start, under
     * the function's IAM policy (what its constructor fetches, such as a secret, is checked too).
     */
    public Object handler(String functionLogicalId) {
        return handlers.computeIfAbsent(functionLogicalId,
                id -> IamEnforcer.actingAs(policy(id), () -> construct(spec(id))));
    }

    /** Invokes a function's handler with an event, as Lambda would, counting capacity under its name. */
    public Object invoke(String functionLogicalId, Object event) {
        FunctionSpec spec = spec(functionLogicalId);
        Object handler = handler(functionLogicalId);
        Context context = new LocalContext(spec, cloud.template().arn(functionLogicalId));
        Method method = handleRequest(handler);
        IamPolicy policy = policy(functionLogicalId);
        long started = System.nanoTime();
        String service = spec.environment().getOrDefault("POWERTOOLS_SERVICE_NAME", "service_undefined");
        Object response = CapacityRecorder.attributedTo(functionLogicalId, () -> LocalMetrics.emittingAs(service,
                () -> IamEnforcer.actingAs(policy, () -> {
                    try {
                        return method.invoke(handler, event, context);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        throw new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })));
        Invocation invocation = new Invocation(functionLogicalId, event, response,
                Duration.ofNanos(System.nanoTime() - started));
        observers.forEach(observer -> observer.accept(invocation));
        return response;
    }

    /**
     * An invocation that returned (whatever its response says): the function, its event, its response and how
     * long the handler took in this JVM (against the local cloud: not what Lambda would bill).
     */
    public record Invocation(String function, Object event, Object response, Duration elapsed) {}

    /** Tells {@code observer} of every invocation that returns from now on (the cold-start benchmark's events). */
    public void observe(Consumer<Invocation> observer) {
        observers.add(observer);
    }

    /**
     * Calls a function through its function URL, as a browser or a mail client would: the
     * handler receives the HTTP API (payload 2.0) event Lambda builds for function URLs.
     */
    public APIGatewayV2HTTPResponse invokeUrl(String functionLogicalId, String method, String rawQuery,
                                              Map<String, String> headers, String body) {
        return invokeUrl(functionLogicalId, method, "/", rawQuery, headers, body);
    }

    /**
     * Calls a function URL at a path. Like Lambda, a function whose {@code FunctionUrlConfig.AuthType}
     * is {@code AWS_IAM} is only invoked for a request with a valid SigV4 signature (service
     * {@code lambda}, the local cloud's credentials and region, signed within five minutes of this
     * clock); any other request gets 403 and the handler never runs. The handler learns the caller
     * from {@code requestContext.authorizer.iam}, as on AWS. {@code AuthType: NONE} takes anything.
     */
    public APIGatewayV2HTTPResponse invokeUrl(String functionLogicalId, String method, String path, String rawQuery,
                                              Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        if ("AWS_IAM".equals(authType(functionLogicalId))) {
            FunctionUrlSigV4.Verdict verdict = FunctionUrlSigV4.verify(method, url(functionLogicalId, path, rawQuery),
                    headers, body, LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, cloud.template().region(),
                    clock.instant());
            if (!verdict.valid()) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(403)
                        .withHeaders(Map.of("content-type", "application/json"))
                        .withBody("{\"Message\":\"Forbidden\"}").build();
            }
            authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                            .withAccessKey(verdict.accessKey().orElseThrow())
                            .withAccountId(Template.ACCOUNT_ID)
                            .withCallerId(LOCAL_CALLER_ID)
                            .withUserArn("arn:aws:iam::" + Template.ACCOUNT_ID + ":user/" + LOCAL_AGENT)
                            .withUserId(LOCAL_CALLER_ID).build())
                    .build();
        }
        return (APIGatewayV2HTTPResponse) invoke(functionLogicalId,
                LambdaEvents.urlEvent(method, path, rawQuery, headers, body, authorizer));
    }

    /** {@link #invokeUrl(String, String, String, String, Map, String)} with a request read from a sample. */
    public APIGatewayV2HTTPResponse invokeUrl(String functionLogicalId, FunctionUrlRequest request) {
        return invokeUrl(functionLogicalId, request.method(), request.path(), request.rawQuery(), request.headers(),
                request.body());
    }

    /** {@link #invokeSignedUrl(String, String, String, String, Map, String)} with a request read from a sample. */
    public APIGatewayV2HTTPResponse invokeSignedUrl(String functionLogicalId, FunctionUrlRequest request) {
        return invokeSignedUrl(functionLogicalId, request.method(), request.path(), request.rawQuery(),
                request.headers(), request.body());
    }

    /**
     * Calls a function URL's handler with the event Lambda delivers when the URL's
     * {@code AuthType} is {@code NONE}, whatever the template says: no signature is checked and the
     * request context names no IAM caller. What a URL set to {@code NONE} by mistake would let in.
     */
    public APIGatewayV2HTTPResponse invokeUrlAsIfAuthTypeNone(String functionLogicalId, String method, String path,
                                                              String rawQuery, Map<String, String> headers,
                                                              String body) {
        return (APIGatewayV2HTTPResponse) invoke(functionLogicalId,
                LambdaEvents.urlEvent(method, path, rawQuery, headers, body, null));
    }

    /**
     * Calls a function URL the way an agent's tool does: the request signed with SigV4 (service
     * {@code lambda}) with the local cloud's credentials at this clock's time.
     */
    public APIGatewayV2HTTPResponse invokeSignedUrl(String functionLogicalId, String method, String path,
                                                    String rawQuery, Map<String, String> headers, String body) {
        Map<String, String> signed = FunctionUrlSigV4.sign(method, url(functionLogicalId, path, rawQuery), headers,
                body, LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, cloud.template().region(), clock.instant());
        return invokeUrl(functionLogicalId, method, path, rawQuery, signed, body);
    }

    /** The full URL of a request to a function URL. */
    public java.net.URI url(String functionLogicalId, String path, String rawQuery) {
        String base = cloud.template().functionUrl(functionLogicalId);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return java.net.URI.create(base + relative + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    private String authType(String functionLogicalId) {
        Map<String, Object> config = Template.map(cloud.template().resource(functionLogicalId).properties()
                .get("FunctionUrlConfig"));
        return String.valueOf(cloud.template().resolve(config.get("AuthType")));
    }

    /**
     * Time travel: drains every queue, moves the (simulated) clock to {@code instant}, then runs the
     * timer sweep function as its every-minute schedule would at that moment, and drains every queue
     * after each run. One sweep delivers every timer due by then, however long ago (it reads the due
     * index, not minute by minute), so the minutes skipped cost nothing; it runs again while it
     * reports more due or delivered something (what it delivered may have armed timers already due).
     */
    public void advanceTo(String sweepFunctionLogicalId, Instant instant) {
        if (!(clock instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("advanceTo needs the functions to run on a SimulatedClock");
        }
        drainAll();
        simulated.set(instant);
        for (int runs = 0; ; runs++) {
            if (runs > 1_000) {
                throw new IllegalStateException("timers keep falling due at " + instant + ": a timer loop?");
            }
            Map<?, ?> report = (Map<?, ?>) invoke(sweepFunctionLogicalId, new HashMap<String, Object>());
            drainAll();
            if (!(Boolean) report.get("more") && ((Number) report.get("delivered")).intValue() == 0) {
                return;
            }
        }
    }

    /** One poll of a function's SQS triggers: at most one batch per trigger, like one Lambda invocation each. */
    public DrainReport pollOnce(String functionLogicalId) {
        return poller.pollOnce(spec(functionLogicalId));
    }

    /** Polls one function's SQS triggers until their queues hold nothing visible. */
    public DrainReport drain(String functionLogicalId) {
        return poller.drain(spec(functionLogicalId));
    }

    /**
     * Polls every SQS-triggered function until no queue holds anything visible, so that messages
     * one function sends to another's queue are processed too. A function whose handler class is
     * not on this JVM's classpath (its module is not a dependency of the test or tool) is not
     * deployed here: its queues are left as they are, rather than failing every message into its
     * dead-letter queue. {@link #drain(String)} and {@link #invoke} stay strict.
     */
    public DrainReport drainAll() {
        return poller.drainAll(specs.values());
    }

    private Object construct(FunctionSpec spec) {
        String className = spec.handler().split("::")[0];
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.putAll(environmentOverrides);
        try {
            Class<?> type = Class.forName(className);
            return type.getConstructor(Map.class, Clock.class).newInstance(Map.copyOf(environment), clock);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("handler class " + className + " of " + spec.logicalId()
                    + " is not on the classpath", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " needs a public (Map<String,String>, Clock) constructor "
                    + "for the local cloud", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(spec.logicalId() + " failed to initialise: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + className, e);
        }
    }

    private static Method handleRequest(Object handler) {
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method;
            }
        }
        throw new IllegalStateException(handler.getClass() + " has no handleRequest(event, context)");
    }
}
