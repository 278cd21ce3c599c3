package dev.storecrm.localcloud;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The local cloud's IAM: every AWS call a function's own SDK clients make, while the local
 * runtime constructs or invokes that function ({@link #actingAs}), is checked against the
 * function's policy in {@code template.yaml} ({@link IamPolicy}, {@link IamRequests}) before it
 * leaves the client. A call the policy does not allow fails as it does on AWS: the service's own
 * exception type with error code {@code AccessDeniedException}, HTTP 400 (403 for SES v2), AWS's
 * wording, and no retry, so the handler does what it would do on AWS (the message is retried by
 * SQS and dead-lettered). Calls of the harness itself (provisioning, assertions, reports) run
 * outside {@link #actingAs} and are not checked. Threads a function starts while it is acting (a page's
 * concurrent reads) act as that function too: they inherit its policy when they are made, so a function
 * must make them for the invocation (as it must on AWS, where nothing outlives the invocation's work).
 *
 * <p>Registered as a global SDK interceptor, like {@link CapacityRecorder}. It also records which
 * grants were used; with the system property {@code storecrm.iam.usage} set to a file, the JVM
 * writes them there when it exits, for the unused-grants report of the integration tests.
 */
public final class IamEnforcer implements ExecutionInterceptor {

    /** The system property naming the file this JVM's used grants are written to at exit. */
    public static final String USAGE_FILE_PROPERTY = "storecrm.iam.usage";

    private static final ThreadLocal<IamPolicy> CALLER = new InheritableThreadLocal<>();
    private static final ExecutionAttribute<Boolean> HIDDEN_MISS = new ExecutionAttribute<>("storecrm.s3HiddenMiss");
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    static {
        String file = System.getProperty(USAGE_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> writeUsage(Path.of(file)), "iam-usage"));
        }
    }

    /** Runs {@code work} as the function whose policy this is: its SDK calls are checked against it. */
    public static <T> T actingAs(IamPolicy policy, Supplier<T> work) {
        IamPolicy previous = CALLER.get();
        CALLER.set(policy);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CALLER.remove();
            } else {
                CALLER.set(previous);
            }
        }
    }

    /** The grants used in this JVM so far, as {@code function action resource} lines. */
    public static Set<String> used() {
        return new TreeSet<>(USED);
    }

    /** The line a grant is recorded under, in {@link #used()} and the usage file. */
    public static String key(IamPolicy.Grant grant) {
        return grant.function() + "\t" + grant.action() + "\t" + grant.resource();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        IamPolicy policy = CALLER.get();
        if (policy == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION).id();
        for (IamRequests.Check check : new IamRequests(region).checks(service, operation, context.request())) {
            authorise(policy, service, check);
        }
    }

    /**
     * S3 tells a caller that a key does not exist (404 {@code NoSuchKey}) only when the caller may list the
     * bucket ({@code s3:ListBucket}); any other caller gets 403 {@code AccessDenied} for a missing key, as it
     * would for a forbidden one. The local S3 answers 404; this turns it into AWS's answer for the caller.
     */
    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        IamPolicy policy = CALLER.get();
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if (policy == null || response.statusCode() != 404 || !"S3".equalsIgnoreCase(service)) {
            return response;
        }
        String bucket = "arn:aws:s3:::" + IamRequests.field(context.request(), "Bucket");
        IamPolicy.Decision decision = policy.decide("s3:ListBucket", bucket);
        if (decision.allowed()) {
            USED.add(key(decision.grant()));
            return response;
        }
        attributes.putAttribute(HIDDEN_MISS, true);
        return response.toBuilder().statusCode(403).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                          ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HIDDEN_MISS))) {
            return Optional.of(new ByteArrayInputStream(("<Error><Code>AccessDenied</Code><Message>Access Denied"
                    + "</Message></Error>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }

    /**
     * For an emulator that answers in process, on the calling function's thread ({@link SmsEmulator}): why the
     * function's policy refuses the action on the resource (AWS's wording), or empty when it allows it or when
     * the harness itself is calling.
     */
    static Optional<String> refusal(String action, String resource) {
        IamPolicy policy = CALLER.get();
        if (policy == null) {
            return Optional.empty();
        }
        try {
            authorise(policy, action.substring(0, action.indexOf(':')), new IamRequests.Check(action, resource));
            return Optional.empty();
        } catch (AwsServiceException denied) {
            return Optional.of(denied.awsErrorDetails().errorMessage());
        }
    }

    private static void authorise(IamPolicy policy, String service, IamRequests.Check check) {
        boolean allowed = false;
        for (String resource : check.anyOf()) {
            IamPolicy.Decision decision = policy.decide(check.action(), resource);
            if (decision.effect() == IamPolicy.Effect.EXPLICIT_DENY) {
                throw denied(policy, service, check.action(), resource, true);
            }
            if (decision.allowed()) {
                allowed = true;
                USED.add(key(decision.grant()));
            }
        }
        if (!allowed) {
            throw denied(policy, service, check.action(), check.anyOf().getFirst(), false);
        }
    }

    private static AwsServiceException denied(IamPolicy policy, String service, String action, String resource,
                                              boolean explicit) {
        String message = "User: " + policy.principal() + " is not authorized to perform: " + action + " on resource: "
                + resource + (explicit ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + action + " action");
        int status = service.equals("SesV2") || service.equalsIgnoreCase("S3") ? 403 : 400;
        AwsServiceException.Builder builder = switch (service) {
            case "DynamoDb" -> DynamoDbException.builder();
            case "Sqs" -> SqsException.builder();
            case "SesV2" -> SesV2Exception.builder();
            case "SecretsManager" -> SecretsManagerException.builder();
            case "EventBridge" -> EventBridgeException.builder();
            default -> AwsServiceException.builder();
        };
        return builder.message(message + " (Service: " + service + ", Status Code: " + status + ")")
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage(message)
                        .serviceName(service)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                        .build())
                .build();
    }

    private static void writeUsage(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, List.copyOf(used()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the IAM usage file " + file, e);
        }
    }
}
