package dev.storecrm.localcloud;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP transport for the emulators on loopback: plain HTTP/1.1 on the calling thread,
 * over kept-alive sockets. Every handler of a local run makes its AWS calls through it, with the
 * SDK's whole pipeline (marshalling, signing, retries, interceptors) unchanged; only the bytes
 * travel differently. On this project's 2-core machine a DynamoDB Local {@code GetItem} takes about
 * 0.8 ms through it and about 3 ms through the url-connection client the functions use on AWS, whose
 * JDK connection waits 1 ms on a kept-alive socket before each POST to see that it is still open
 * (see docs/benchmarks.md, "The main job").
 *
 * <p>It speaks only what the emulators need: {@code http://} (no TLS, no proxy), request bodies
 * sent with {@code Content-Length}, response bodies by {@code Content-Length}, chunked, or up to
 * the close of the connection, read whole into memory. A request that meets a kept-alive socket the
 * server has closed meanwhile (nothing of a response read) is sent again once on a new socket.
 * {@link LocalCloud} installs it through the SDK's own setting,
 * {@code software.amazon.awssdk.http.service.impl}, which {@code AwsClients} honours.
 *
 * <p>An emulator running in this JVM can also be answered without any socket: requests for an
 * endpoint registered with {@link #answerInProcess} go, headers and body as they would be sent, to
 * the registered {@link InProcessService} on the calling thread (DynamoDB Local, see
 * {@link InProcessDynamoDb}).
 */
public final class LoopbackHttpClient implements SdkHttpClient {

    /** The {@link SdkHttpService} the SDK instantiates by name from {@code software.amazon.awssdk.http.service.impl}. */
    public static final class Service implements SdkHttpService {
        @Override
        public SdkHttpClient.Builder createHttpClientBuilder() {
            return new Builder();
        }
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new LoopbackHttpClient();
        }
    }

    /** Sockets idle longer than this are closed rather than reused (servers drop idle connections too). */
    private static final long IDLE_NANOS = 5_000_000_000L;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 120_000;
    /** Headers this client writes itself, or that ask for what it does not do. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "transfer-encoding", "expect", "connection");

    private record Idle(Socket socket, InputStream in, long since) {}

    /** A service in this JVM that answers an HTTP request itself, as its server would have. */
    @FunctionalInterface
    interface InProcessService {
        HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException;
    }

    /** Endpoints ("host:port") answered in this JVM, shared by every instance the SDK builds. */
    private static final Map<String, InProcessService> IN_PROCESS = new ConcurrentHashMap<>();

    /** From now on, every instance answers requests for this endpoint through the service, without a socket. */
    static void answerInProcess(URI endpoint, InProcessService service) {
        IN_PROCESS.put(address(endpoint.getHost(), endpoint.getPort()), service);
    }

    /** Requests for this endpoint go over the network again. */
    static void stopAnsweringInProcess(URI endpoint) {
        IN_PROCESS.remove(address(endpoint.getHost(), endpoint.getPort()));
    }

    private static String address(String host, int port) {
        return host + ":" + port;
    }

    private final Map<String, Deque<Idle>> idle = new ConcurrentHashMap<>();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return execute(request);
            }

            @Override
            public void abort() {
                // a call runs to its end or its read timeout on the calling thread
            }
        };
    }

    @Override
    public String clientName() {
        return "Loopback";
    }

    @Override
    public void close() {
        idle.values().forEach(pool -> {
            for (Idle connection; (connection = pool.pollFirst()) != null; ) {
                closeQuietly(connection.socket());
            }
        });
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        if (!"http".equalsIgnoreCase(http.protocol())) {
            throw new IOException("the loopback HTTP client speaks plain http only, not " + http.protocol()
                    + " (" + http.host() + ")");
        }
        byte[] body = body(request);
        String address = address(http.host(), http.port());
        InProcessService inProcess = IN_PROCESS.get(address);
        if (inProcess != null) {
            return inProcess.answer(http, body);
        }
        byte[] message = message(http, body);
        Deque<Idle> pool = idle.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>());
        Idle kept = takeIdle(pool);
        if (kept != null) {
            try {
                return exchange(kept.socket(), kept.in(), message, http, pool);
            } catch (StaleConnection stale) {
                closeQuietly(kept.socket()); // the server closed it while idle: send once more, on a new socket
            }
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(http.host(), http.port()), CONNECT_TIMEOUT_MILLIS);
            return exchange(socket, new BufferedInputStream(socket.getInputStream()), message, http, pool);
        } catch (StaleConnection closed) {
            closeQuietly(socket);
            throw new IOException(address + " closed a new connection without answering", closed.getCause());
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static Idle takeIdle(Deque<Idle> pool) {
        for (Idle connection; (connection = pool.pollFirst()) != null; ) {
            if (System.nanoTime() - connection.since() < IDLE_NANOS && !connection.socket().isClosed()) {
                return connection;
            }
            closeQuietly(connection.socket());
        }
        return null;
    }

    private static byte[] body(HttpExecuteRequest request) throws IOException {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        try (InputStream content = request.contentStreamProvider().get().newStream()) {
            return content.readAllBytes();
        }
    }

    /** The request line, the headers and the body, as one buffer written at once. */
    private static byte[] message(SdkHttpRequest http, byte[] body) {
        StringBuilder head = new StringBuilder(512);
        String path = http.encodedPath().isEmpty() ? "/" : http.encodedPath();
        String query = http.getUri().getRawQuery();
        head.append(http.method().name()).append(' ').append(path).append(query == null ? "" : "?" + query)
                .append(" HTTP/1.1\r\n");
        boolean[] hostGiven = {false};
        http.forEachHeader((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(lower)) {
                return;
            }
            hostGiven[0] |= lower.equals("host");
            values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
        });
        if (!hostGiven[0]) {
            head.append("Host: ").append(http.host()).append(':').append(http.port()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        return message;
    }

    private HttpExecuteResponse exchange(Socket socket, InputStream in, byte[] message, SdkHttpRequest request,
                                         Deque<Idle> pool) throws IOException {
        String statusLine;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(message);
            out.flush();
            statusLine = line(in);
        } catch (SocketTimeoutException noAnswerInTime) {
            throw noAnswerInTime; // the server may be working on it: never sent twice
        } catch (IOException resetOrClosed) {
            throw new StaleConnection(resetOrClosed);
        }
        if (statusLine == null) {
            throw new StaleConnection(null);
        }
        int status = status(statusLine);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (status == 100) { // an interim "100 Continue": the real answer follows
            readHeaders(in, headers);
            headers.clear();
            status = status(requireLine(in));
        }
        readHeaders(in, headers);
        boolean close = statusLine.startsWith("HTTP/1.0") || has(headers, "connection", "close");
        byte[] body;
        if (request.method().name().equals("HEAD") || status == 204 || status == 304) {
            body = new byte[0];
        } else if (has(headers, "transfer-encoding", "chunked")) {
            body = chunked(in);
        } else if (first(headers, "content-length") != null) {
            int length = Integer.parseInt(first(headers, "content-length").trim());
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("the response ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            closeQuietly(socket);
        } else {
            pool.addFirst(new Idle(socket, in, System.nanoTime()));
        }
        SdkHttpFullResponse response = SdkHttpFullResponse.builder()
                .statusCode(status)
                .statusText(statusLine.length() > 13 ? statusLine.substring(13) : null)
                .headers(headers)
                .build();
        return HttpExecuteResponse.builder()
                .response(response)
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        try {
            return Integer.parseInt(parts[1]);
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
    }

    private static void readHeaders(InputStream in, Map<String, List<String>> headers) throws IOException {
        for (String line = requireLine(in); !line.isEmpty(); line = requireLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not an HTTP header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = requireLine(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!requireLine(in).isEmpty()) {
                    // trailers: none of the emulators sends any that matter
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("a chunk ended after " + chunk.length + " of " + length + " bytes");
            }
            body.write(chunk);
            requireLine(in);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean has(Map<String, List<String>> headers, String name, String token) {
        String value = first(headers, name);
        return value != null && value.toLowerCase(Locale.ROOT).contains(token);
    }

    private static String requireLine(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            throw new EOFException("the connection closed in the middle of a response");
        }
        return line;
    }

    /** One line without its CRLF, or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new EOFException("the connection closed in the middle of a line");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closing is all that was wanted
        }
    }

    /** Nothing of a response came back: the server had closed the connection. */
    private static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super("closed by the server", cause);
        }
    }
}
