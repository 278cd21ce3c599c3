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

class IamFunctionUrlTest {

    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final Map<String, String> SIGNED = Map.of(
            "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261116/us-east-1/lambda/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
            "X-Amz-Date", "20261116T020030Z");

    private final List<StaffRequest> served = new ArrayList<>();

    private APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event) {
        return IamFunctionUrl.serve(event, request -> {
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
                IamFunctionUrl.signedRequestId(Map.of(), presignedQuery), "a presigned URL");
        Map<String, String> signedLater = Map.of("authorization", SIGNED.get("Authorization"), "x-amz-date", "20261116T020031Z");
        assertNotEquals(IamFunctionUrl.signedRequestId(SIGNED, Map.of()), IamFunctionUrl.signedRequestId(signedLater, Map.of()));
        assertEquals(Optional.empty(), IamFunctionUrl.signedRequestId(
                Map.of("Authorization", "Bearer abc", "X-Amz-Date", "20261116T020030Z"), Map.of()), "not SigV4");
        assertEquals(Optional.empty(), IamFunctionUrl.signedRequestId(
                Map.of("Authorization", SIGNED.get("Authorization"), "X-Amz-Date", "yesterday"), Map.of()));
    }
}
