package dev.storecrm.localcloud;

import com.amazonaws.services.dynamodbv2.dataMembers.RequestData;
import com.amazonaws.services.dynamodbv2.dataMembers.ResponseData;
import com.amazonaws.services.dynamodbv2.exceptions.DynamoDBLocalServiceException;
import com.amazonaws.services.dynamodbv2.local.exceptions.ExceptionBean;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * DynamoDB Local's own request handling, called on the caller's thread without a socket: the SDK's
 * JSON request (headers and body, exactly as they would go over HTTP) goes to the code DynamoDB
 * Local's Jetty handler runs for each request (the same action dispatch, JSON mapping, error
 * bodies and {@code x-amz-crc32}), against the same database engine its HTTP server uses. Only the
 * socket, Jetty and the HTTP parsing on both sides are left out. {@link LoopbackHttpClient} routes
 * requests for DynamoDB Local's endpoint here (see {@link EmulatorBackend}).
 *
 * <p>DynamoDB Local's handler reads a request's headers and writes a response's headers and status
 * through Jetty's {@code Request} and {@code Response} interfaces; this class hands it minimal
 * stand-ins that support exactly that and refuse anything else: the call then fails with the name
 * of what was missing, so a DynamoDB Local upgrade that needs more fails its first request rather
 * than answering wrongly.
 */
final class InProcessDynamoDb extends LocalDynamoDBServerHandler {

    InProcessDynamoDb(DynamoDBRequestHandler engine) {
        super(engine, "*");
    }

    /** The response DynamoDB Local's HTTP server would have sent for this request. */
    HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException {
        HttpFields.Mutable requestHeaders = HttpFields.build();
        request.forEachHeader((name, values) -> values.forEach(value -> requestHeaders.add(name, value)));
        HttpFields.Mutable responseHeaders = HttpFields.build();
        responseHeaders.put("x-amzn-RequestId", UUID.randomUUID().toString());
        int[] status = {200};
        List<String> unsupported = new ArrayList<>(1);
        Request jettyRequest = standIn(Request.class, unsupported, (method, args) -> switch (method.getName()) {
            case "getHeaders" -> requestHeaders;
            default -> null;
        });
        Response jettyResponse = standIn(Response.class, unsupported, (method, args) -> switch (method.getName()) {
            case "getHeaders" -> responseHeaders;
            case "setStatus" -> {
                status[0] = (Integer) args[0];
                yield Void.TYPE;
            }
            default -> null;
        });
        ResponseData response = new ResponseData(jettyResponse);
        try {
            RequestData requestData = new RequestData(jettyRequest);
            requestData.setRequestBody(body);
            packageDynamoDBResponse(requestData, response);
        } catch (DynamoDBLocalServiceException refused) {
            // what DynamoDB Local's HTTP handler answers for a refused request (a 400 or 500 with its error body)
            status[0] = refused.getStatusCode();
            response.setResponseBody(jsonMapper.writeValueAsBytes(new ExceptionBean(refused.getErrorCode(),
                    refused.getMessage(), refused.getCancellationReasons(), refused.getItem())));
        }
        if (!unsupported.isEmpty()) {
            // DynamoDB Local turns any failure into a 500, which the SDK would retry: say what is missing instead
            throw new UnsupportedOperationException("DynamoDB Local called " + unsupported
                    + ", which the in-process transport does not provide; run with -Dstorecrm.dynamodb=http,"
                    + " and extend InProcessDynamoDb");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        responseHeaders.forEach(field ->
                headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue()));
        byte[] responseBody = response.getResponseBody() == null ? new byte[0] : response.getResponseBody();
        return HttpExecuteResponse.builder()
                .response(SdkHttpFullResponse.builder().statusCode(status[0]).headers(headers).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(responseBody)))
                .build();
    }

    private interface Answers {
        /**
         * What the stand-in returns for a call: a value, {@code Void.TYPE} for a void method, or null if
         * unsupported.
         */
        Object answer(Method method, Object[] args);
    }

    private static <T> T standIn(Class<T> jettyInterface, List<String> unsupported, Answers answers) {
        return jettyInterface.cast(Proxy.newProxyInstance(InProcessDynamoDb.class.getClassLoader(),
                new Class<?>[] {jettyInterface}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "in-process " + jettyInterface.getSimpleName();
                        };
                    }
                    Object answer = answers.answer(method, args);
                    if (answer == null) {
                        String call = jettyInterface.getSimpleName() + "." + method.getName();
                        unsupported.add(call);
                        throw new UnsupportedOperationException(call);
                    }
                    return answer == Void.TYPE ? null : answer;
                }));
    }
}
