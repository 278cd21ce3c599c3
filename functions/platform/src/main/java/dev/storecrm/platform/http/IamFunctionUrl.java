package dev.storecrm.platform.http;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge of a staff function URL ({@code AuthType: AWS_IAM}): the event Lambda delivers in, a
 * {@link StaffRequest} to the service, its {@link HttpAnswer} out.
 *
 * <p>The function checks its caller itself rather than trusting the URL's configuration: Lambda
 * puts the principal it verified in {@code requestContext.authorizer.iam}, and only there. A
 * request without it (what a URL accidentally set to {@code AuthType: NONE} delivers, signed or
 * not) is refused with 403 before the service runs, so it reads and writes nothing.
 */
public final class IamFunctionUrl {

    private static final Logger LOG = LoggerFactory.getLogger(IamFunctionUrl.class);
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");
    private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    static final String FORBIDDEN = "{\"error\":\"forbidden\",\"reason\":\"this URL serves IAM-authenticated "
            + "(SigV4-signed) requests only\"}";

    private IamFunctionUrl() {}

    /** Serves one request: 403 without an IAM caller, else the service's answer. */
    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event,
                                                 Function<StaffRequest, HttpAnswer> service) {
        PublicRequest http = PublicFunctionUrl.request(event);
        Optional<String> caller = caller(Optional.ofNullable(event.getRequestContext()));
        if (caller.isEmpty()) {
            LOG.warn("request refused: no IAM caller in the request context", entry("method", http.method()),
                    entry("path", http.path()));
            return HttpAnswer.json(403, FORBIDDEN).response();
        }
        StaffRequest request = new StaffRequest(http.method(), http.path(), http.query(), http.headers(), http.body(),
                caller.get(), signedRequestId(http.headers(), http.query()));
        return service.apply(request).response();
    }

    /** The principal Lambda verified: its ARN, else its caller id; empty when Lambda verified none. */
    static Optional<String> caller(Optional<APIGatewayV2HTTPEvent.RequestContext> context) {
        return context.map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getIam)
                .flatMap(iam -> nonBlank(iam.getUserArn()).or(() -> nonBlank(iam.getCallerId())));
    }

    /**
     * One signed request: its SigV4 signature (in the {@code Authorization} header, or the
     * {@code X-Amz-Signature} query parameter of a presigned URL) and its {@code X-Amz-Date}. The
     * signature covers the method, path, query, body and signing time, so a replay carries the same
     * pair and any request signed anew another.
     */
    static Optional<String> signedRequestId(Map<String, String> headers, Map<String, String> query) {
        Optional<String> signature = find(headers, "authorization").map(SIGNATURE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).or(() -> find(query, "x-amz-signature").filter(s -> s.matches("[0-9a-f]{64}")));
        Optional<String> date = find(headers, "x-amz-date").or(() -> find(query, "x-amz-date"))
                .filter(d -> AMZ_DATE.matcher(d).matches());
        if (signature.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("sigv4:" + date.get() + ":" + signature.get().substring(0, 40));
    }

    private static Optional<String> find(Map<String, String> values, String name) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
