package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The local cloud's transport: a registered endpoint is answered in process, without a socket;
 * any other request goes over the network through the SDK's url-connection client.
 */
class LoopbackHttpClientTest {

    /** The client the SDK builds from {@code software.amazon.awssdk.http.service.impl}, as every handler gets it. */
    private final SdkHttpClient client = new LoopbackHttpClient.Service().createHttpClientBuilder().build();
    private URI registered;
    private HttpServer server;

    @AfterEach
    void close() {
        client.close();
        if (registered != null) {
            LoopbackHttpClient.stopAnsweringInProcess(registered);
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRegisteredEndpointIsAnsweredInProcessWithTheRequestAsItWouldBeSent() throws Exception {
        registered = URI.create("http://127.0.0.1:" + EmulatorBackend.freePort()); // nobody listens there
        List<String> received = new CopyOnWriteArrayList<>();
        LoopbackHttpClient.answerInProcess(registered, (request, body) -> {
            received.add(request.method() + " " + request.firstMatchingHeader("X-Amz-Target").orElseThrow() + " "
                    + new String(body, StandardCharsets.UTF_8));
            return HttpExecuteResponse.builder()
                    .response(SdkHttpFullResponse.builder().statusCode(200).putHeader("x-amz-crc32", "1").build())
                    .responseBody(AbortableInputStream.create(
                            new ByteArrayInputStream("{\"Item\":{}}".getBytes(StandardCharsets.UTF_8))))
                    .build();
        });

        HttpExecuteResponse response = call(registered, "{\"TableName\":\"t\"}");

        assertEquals(200, response.httpResponse().statusCode());
        assertEquals("{\"Item\":{}}", body(response));
        assertEquals(List.of("POST DynamoDB_20120810.GetItem {\"TableName\":\"t\"}"), received);

        LoopbackHttpClient.stopAnsweringInProcess(registered);
        assertThrows(ConnectException.class, () -> call(registered, "{}"),
                "no longer registered: the request goes to the socket, where nobody listens");
    }

    @Test
    void everyOtherRequestGoesOverTheSocketThroughTheSdksUrlConnectionClient() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Length") + " " + body);
            byte[] answer = "{\"__type\":\"TooManyRequestsException\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
            exchange.sendResponseHeaders(429, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/email/outbound-emails?x=1");

        HttpExecuteResponse first = call(endpoint, "{\"n\":1}");
        HttpExecuteResponse second = call(endpoint, "{\"n\":2}");

        assertEquals(429, first.httpResponse().statusCode());
        assertEquals("TooManyRequestsException",
                first.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"__type\":\"TooManyRequestsException\"}", body(first), "an error's body reaches the SDK");
        assertEquals(429, second.httpResponse().statusCode());
        assertEquals(List.of("POST /v2/email/outbound-emails?x=1 DynamoDB_20120810.GetItem 7 {\"n\":1}",
                "POST /v2/email/outbound-emails?x=1 DynamoDB_20120810.GetItem 7 {\"n\":2}"), received,
                "the server gets the body and its length, whether the transport streams or buffers it");
    }

    private HttpExecuteResponse call(URI uri, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.POST)
                .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
        return client.prepareRequest(HttpExecuteRequest.builder().request(request)
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build()).call();
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        return new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
    }
}
