package dev.storecrm.platform.stream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An HTTP API or function URL request (payload format 2.0), with its JWT claims, Lambda authorizer
 * context or IAM caller, and the response Lambda turns back into HTTP.
 */
public final class HttpEvents {

    private HttpEvents() {
    }

    public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        JsonNode node = LambdaJson.read(input);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion(LambdaJson.text(node, "version"))
                .withRouteKey(LambdaJson.text(node, "routeKey"))
                .withRawPath(LambdaJson.text(node, "rawPath"))
                .withRawQueryString(LambdaJson.text(node, "rawQueryString"))
                .withCookies(LambdaJson.texts(node, "cookies"))
                .withHeaders(LambdaJson.strings(node, "headers"))
                .withQueryStringParameters(LambdaJson.strings(node, "queryStringParameters"))
                .withPathParameters(LambdaJson.strings(node, "pathParameters"))
                .withStageVariables(LambdaJson.strings(node, "stageVariables"))
                .withBody(LambdaJson.text(node, "body"))
                .withIsBase64Encoded(LambdaJson.bool(node, "isBase64Encoded"))
                .withRequestContext(context(LambdaJson.field(node, "requestContext")))
                .build();
    }

    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        node.put("statusCode", response.getStatusCode());
        LambdaJson.put(node, "headers", response.getHeaders());
        LambdaJson.put(node, "multiValueHeaders", response.getMultiValueHeaders());
        LambdaJson.put(node, "cookies", response.getCookies());
        LambdaJson.put(node, "body", response.getBody());
        node.put("isBase64Encoded", response.getIsBase64Encoded());
        LambdaJson.write(node, output);
    }

    private static RequestContext context(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode http = LambdaJson.field(node, "http");
        return RequestContext.builder()
                .withRouteKey(LambdaJson.text(node, "routeKey"))
                .withAccountId(LambdaJson.text(node, "accountId"))
                .withStage(LambdaJson.text(node, "stage"))
                .withApiId(LambdaJson.text(node, "apiId"))
                .withDomainName(LambdaJson.text(node, "domainName"))
                .withDomainPrefix(LambdaJson.text(node, "domainPrefix"))
                .withTime(LambdaJson.text(node, "time"))
                .withTimeEpoch(LambdaJson.number(node, "timeEpoch"))
                .withRequestId(LambdaJson.text(node, "requestId"))
                .withHttp(http == null ? null : RequestContext.Http.builder()
                        .withMethod(LambdaJson.text(http, "method"))
                        .withPath(LambdaJson.text(http, "path"))
                        .withProtocol(LambdaJson.text(http, "protocol"))
                        .withSourceIp(LambdaJson.text(http, "sourceIp"))
                        .withUserAgent(LambdaJson.text(http, "userAgent"))
                        .build())
                .withAuthorizer(authorizer(LambdaJson.field(node, "authorizer")))
                .build();
    }

    private static RequestContext.Authorizer authorizer(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode jwt = LambdaJson.field(node, "jwt");
        JsonNode iam = LambdaJson.field(node, "iam");
        return RequestContext.Authorizer.builder()
                .withJwt(jwt == null ? null : RequestContext.Authorizer.JWT.builder()
                        .withClaims(LambdaJson.strings(jwt, "claims"))
                        .withScopes(LambdaJson.texts(jwt, "scopes"))
                        .build())
                .withLambda(LambdaJson.map(node, "lambda", HttpEvents::plain))
                .withIam(iam == null ? null : iam(iam))
                .build();
    }

    private static RequestContext.IAM iam(JsonNode node) {
        JsonNode cognito = LambdaJson.field(node, "cognitoIdentity");
        return RequestContext.IAM.builder()
                .withAccessKey(LambdaJson.text(node, "accessKey"))
                .withAccountId(LambdaJson.text(node, "accountId"))
                .withCallerId(LambdaJson.text(node, "callerId"))
                .withPrincipalOrgId(LambdaJson.text(node, "principalOrgId"))
                .withUserArn(LambdaJson.text(node, "userArn"))
                .withUserId(LambdaJson.text(node, "userId"))
                .withCognitoIdentity(cognito == null ? null : RequestContext.CognitoIdentity.builder()
                        .withAmr(LambdaJson.texts(cognito, "amr"))
                        .withIdentityId(LambdaJson.text(cognito, "identityId"))
                        .withIdentityPoolId(LambdaJson.text(cognito, "identityPoolId"))
                        .build())
                .build();
    }

    /** A Lambda authorizer's context value as the runtime reads it: strings, numbers, booleans, maps, lists. */
    private static Object plain(JsonNode value) {
        return LambdaJson.MAPPER.convertValue(value, Object.class);
    }
}
