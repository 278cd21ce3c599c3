package dev.storecrm.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffDoorsTest {

    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final Map<String, String> SIGNED = Map.of(
            "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261116/us-east-1/lambda/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
            "X-Amz-Date", "20261116T020030Z");

    private final List<StaffRequest> served = new ArrayList<>();

    private APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event) {
        return StaffDoors.serve(event, java.util.Set.of("agents", "admins"), request -> {
            served.add(request);
            return HttpAnswer.json(200, "{}");
        });
    }

    private static APIGatewayV2HTTPEvent event(String method, Map<String, String> headers,
                                               APIGatewayV2HTTPEvent.RequestContext.IAM iam) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/disputes/d-1/notes").withHeaders(headers)
                .withBody("{\"text\":\"called the buyer\"}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .withAuthorizer(iam == null ? null
                                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withIam(iam).build())
                        .build())
                .build();
    }

    private static APIGatewayV2HTTPEvent.RequestContext.IAM agent() {
        return APIGatewayV2HTTPEvent.RequestContext.IAM.builder().withAccessKey("AKIDEXAMPLE")
                .withAccountId("123456789012").withCallerId("AIDAAGENT").withUserId("AIDAAGENT")
                .withUserArn("arn:aws:iam::123456789012:user/agent").build();
    }

    @Test
    void aSignedRequestWithoutAnIamCallerIsRefusedAndNeverReachesTheService() {
        APIGatewayV2HTTPResponse refused = serve(event("POST", SIGNED, null));
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("IAM-authenticated"), refused.getBody());
        assertEquals("no-store", refused.getHeaders().get("Cache-Control"));
        assertEquals(403, serve(event("GET", Map.of(), APIGatewayV2HTTPEvent.RequestContext.IAM.builder().build()))
                .getStatusCode(), "an IAM block that names nobody is no caller");
        assertEquals(403, serve(APIGatewayV2HTTPEvent.builder().withRawPath("/birthdays").build()).getStatusCode(),
                "no request context at all");
        assertEquals(List.of(), served);
    }

    @Test
    void theServiceLearnsTheVerifiedCallerAndWhichSignedRequestThisIs() {
        assertEquals(200, serve(event("POST", SIGNED, agent())).getStatusCode());
        StaffRequest request = served.getFirst();
        assertEquals("arn:aws:iam::123456789012:user/agent", request.caller());
        assertEquals("POST", request.method());
        assertEquals("/disputes/d-1/notes", request.path());
        assertEquals(Optional.of("sigv4:20261116T020030Z:" + SIGNATURE.substring(0, 40)), request.signedRequestId());
        assertEquals(Optional.of("20261116T020030Z"), request.header("x-amz-date"), "headers by any case");
        assertTrue(request.signedRequestId().get().length() <= 64, "fits an Idempotency-Key");

        APIGatewayV2HTTPEvent.RequestContext.IAM roleWithoutArn = APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                .withCallerId("AROAROLE:session").build();
        serve(event("GET", Map.of(), roleWithoutArn));
        assertEquals("AROAROLE:session", served.get(1).caller());
        assertEquals(Optional.empty(), served.get(1).signedRequestId(), "nothing signed, nothing to recognise");
    }

    @Test
    void aSignedRequestIsRecognisedByItsSignatureAndTimeWhereverTheyTravel() {
        Map<String, String> presignedQuery = Map.of("X-Amz-Date", "20261116T020030Z", "X-Amz-Signature", SIGNATURE);
        assertEquals(Optional.of("sigv4:20261116T020030Z:" + SIGNATURE.substring(0, 40)),
                StaffDoors.signedRequestId(Map.of(), presignedQuery), "a presigned URL");
        Map<String, String> signedLater = Map.of("authorization", SIGNED.get("Authorization"),
                "x-amz-date", "20261116T020031Z");
        assertNotEquals(StaffDoors.signedRequestId(SIGNED, Map.of()),
                StaffDoors.signedRequestId(signedLater, Map.of()));
        assertEquals(Optional.empty(), StaffDoors.signedRequestId(
                Map.of("Authorization", "Bearer abc", "X-Amz-Date", "20261116T020030Z"), Map.of()), "not SigV4");
        assertEquals(Optional.empty(), StaffDoors.signedRequestId(
                Map.of("Authorization", SIGNED.get("Authorization"), "X-Amz-Date", "yesterday"), Map.of()));
    }

    private static APIGatewayV2HTTPEvent consoleEvent(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/disputes").withHeaders(Map.of("authorization", "Bearer x"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(claims).withScopes(null).build()).build())
                        .build())
                .build();
    }

    @Test
    void aConsoleUserOfOneOfTheFunctionsGroupsIsServedUnderTheirName() {
        assertEquals(200, serve(consoleEvent(Map.of("cognito:username", "li.na", "cognito:groups", "[agents]")))
                .getStatusCode());
        StaffRequest request = served.getFirst();
        assertEquals("console:li.na", request.caller());
        assertEquals(java.util.Set.of("agents"), request.groups());
        assertEquals(Optional.empty(), request.signedRequestId(), "a token is no signed request: no replay id");
        assertEquals(200, serve(consoleEvent(Map.of("sub", "9f1c", "cognito:groups", "[marketers admins]")))
                .getStatusCode(), "admins may use every function");
        assertEquals("console:9f1c", served.get(1).caller());
    }

    @Test
    void aConsoleUserOutsideTheFunctionsGroupsIsRefusedWithWhatItNeeds() {
        APIGatewayV2HTTPResponse refused = serve(consoleEvent(Map.of("cognito:username", "wang", "cognito:groups",
                "[marketers]")));
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("admins or agents"), refused.getBody());
        assertEquals(403, serve(consoleEvent(Map.of("cognito:username", "nobody"))).getStatusCode(), "no groups");
        assertEquals(403, serve(consoleEvent(Map.of("cognito:groups", "[agents]"))).getStatusCode(), "no user");
        assertEquals(List.of(), served);
    }

    @Test
    void groupClaimsAreReadInEveryShapeTheyArrive() {
        assertEquals(java.util.Set.of("agents", "admins"), StaffDoors.groups("[agents admins]"));
        assertEquals(java.util.Set.of("agents", "admins"), StaffDoors.groups("[\"agents\",\"admins\"]"));
        assertEquals(java.util.Set.of("marketers"), StaffDoors.groups("marketers"));
        assertEquals(java.util.Set.of(), StaffDoors.groups(""));
        assertEquals(java.util.Set.of(), StaffDoors.groups(null));
    }
}
