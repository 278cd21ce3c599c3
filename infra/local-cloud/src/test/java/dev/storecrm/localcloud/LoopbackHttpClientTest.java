package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class LoopbackHttpClientTest {

    private final LoopbackHttpClient client = new LoopbackHttpClient();
    private ScriptedServer server;

    @AfterEach
    void close() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsTheRequestAndReadsAContentLengthResponseOverOneKeptAliveConnection() throws Exception {
        server = new ScriptedServer(request -> new Reply("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 11\r\n\r\n{\"ok\":true}", false));

        HttpExecuteResponse first = call("POST", "/", "{\"TableName\":\"t\"}");
        HttpExecuteResponse second = call("POST", "/", "{\"TableName\":\"u\"}");

        assertEquals(200, first.httpResponse().statusCode());
        assertEquals("{\"ok\":true}", body(first));
        assertEquals("application/json", first.httpResponse().firstMatchingHeader("content-type").orElseThrow());
        assertEquals("{\"ok\":true}", body(second));
        assertEquals(2, server.requests().size());
        String sent = server.requests().get(0);
        assertTrue(sent.startsWith("POST / HTTP/1.1\r\n"), sent);
        assertTrue(sent.contains("\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\n"), sent);
        assertTrue(sent.contains("\r\nContent-Length: 17\r\n"), sent);
        assertTrue(sent.endsWith("\r\n\r\n{\"TableName\":\"t\"}"), sent);
        assertEquals(1, server.connections(), "the second call reuses the first call's socket");
    }

    @Test
    void decodesAChunkedBodyAndPassesTheQueryString() throws Exception {
        server = new ScriptedServer(request -> new Reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n", false));

        HttpExecuteResponse response = call("GET", "/store", null, "since=12");

        assertEquals("hello, world", body(response));
        String sent = server.requests().get(0);
        assertTrue(sent.startsWith("GET /store?since=12 HTTP/1.1\r\n") && sent.contains("\r\nContent-Length: 0\r\n"), sent);
    }

    @Test
    void readsToTheEndOfTheConnectionWhenTheServerGivesNoLengthAndCloses() throws Exception {
        server = new ScriptedServer(request -> new Reply("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                + "{\"__type\":\"ValidationException\"}", true));

        HttpExecuteResponse first = call("POST", "/", "{}");
        HttpExecuteResponse second = call("POST", "/", "{}");

        assertEquals(400, first.httpResponse().statusCode());
        assertEquals("{\"__type\":\"ValidationException\"}", body(first));
        assertEquals("{\"__type\":\"ValidationException\"}", body(second));
        assertEquals(2, server.connections(), "a closed connection is not reused");
    }

    @Test
    void sendsARequestOnceMoreOnANewSocketWhenTheServerClosedTheKeptAliveOne() throws Exception {
        // The server answers the first request as kept alive, then drops the connection, as servers
        // do with idle connections; the second request meets the closed socket.
        server = new ScriptedServer(request -> new Reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true));

        call("POST", "/", "{\"n\":1}");
        Thread.sleep(50);
        HttpExecuteResponse second = call("POST", "/", "{\"n\":2}");

        assertEquals("ok", body(second));
        assertEquals(2, server.requests().size(), "each request reached the server exactly once");
        assertTrue(server.requests().get(1).endsWith("{\"n\":2}"), server.requests().get(1));
        assertEquals(2, server.connections());
    }

    @Test
    void refusesHttpsWithAClearMessage() {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().uri(URI.create("https://dynamodb.us-east-1.amazonaws.com/"))
                .method(SdkHttpMethod.POST).build();

        IOException refused = assertThrows(IOException.class,
                () -> client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call());
        assertTrue(refused.getMessage().contains("plain http only, not https"), refused.getMessage());
    }

    @Test
    void failsWithTheCauseWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().uri(URI.create("http://127.0.0.1:" + port + "/"))
                .method(SdkHttpMethod.POST).build();

        assertThrows(java.net.ConnectException.class,
                () -> client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call());
    }

    private HttpExecuteResponse call(String method, String path, String body) throws IOException {
        return call(method, path, body, null);
    }

    private HttpExecuteResponse call(String method, String path, String body, String query) throws IOException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .uri(URI.create("http://127.0.0.1:" + server.port() + path + (query == null ? "" : "?" + query)))
                .method(SdkHttpMethod.fromValue(method))
                .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .putHeader("Content-Length", body == null ? "0" : Integer.toString(body.length()));
        HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(request.build());
        if (body != null) {
            execute.contentStreamProvider(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        return client.prepareRequest(execute.build()).call();
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        return new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
    }

    private record Reply(String bytes, boolean closeAfter) {}

    /** A loopback HTTP/1.1 server that answers each request with a scripted reply and records what it got. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final Function<String, Reply> script;
        private final Thread acceptor;

        ScriptedServer(Function<String, Reply> script) throws IOException {
            this.script = script;
            this.acceptor = Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        int connections() {
            return connections.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream());
                while (true) {
                    String head = head(in);
                    if (head == null) {
                        return;
                    }
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    String request = head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    requests.add(request);
                    Reply reply = script.apply(request);
                    connection.getOutputStream().write(reply.bytes().getBytes(StandardCharsets.UTF_8));
                    connection.getOutputStream().flush();
                    if (reply.closeAfter()) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client went away
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int c = in.read(); c != -1; c = in.read()) {
                head.write(c);
                matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : 0;
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            acceptor.interrupt();
        }
    }
}
