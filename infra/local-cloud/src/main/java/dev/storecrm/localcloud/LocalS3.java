package dev.storecrm.localcloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal S3 on loopback, path-style ({@code http://127.0.0.1:port/bucket/key}), in memory: what
 * the list exports use and nothing more.
 * <ul>
 *   <li>{@code PUT /bucket} creates a bucket (the provisioner does, for the template's buckets);</li>
 *   <li>{@code PutObject}, and the multipart upload ({@code CreateMultipartUpload}, {@code UploadPart},
 *       {@code CompleteMultipartUpload}, {@code AbortMultipartUpload}), with S3's minimum part size of
 *       5 MiB for every part but the last ({@code EntityTooSmall}); bodies in {@code aws-chunked}
 *       encoding (what the SDK sends, with its checksum trailer) are decoded;</li>
 *   <li>{@code GetObject} signed in its headers (a function's own read), and through a pre-signed URL: the
 *       SigV4 query signature is verified with
 *       the local cloud's key ({@link PresignedUrlSigV4}) and the link's expiry is checked against the
 *       local cloud's clock, as S3 answers: 403 {@code AccessDenied} ("Request has expired",
 *       "SignatureDoesNotMatch");</li>
 *   <li>{@code DeleteObject} (204, whether or not the key was there, as S3 answers).</li>
 * </ul>
 * Not emulated: listings, versions, bucket policies, encryption (objects stay
 * in memory), lifecycle rules (nothing expires by itself). Which function may write or sign is
 * decided before the request leaves the function by {@link IamEnforcer}, from template.yaml.
 */
final class LocalS3 implements AutoCloseable {

    static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    private static final Pattern PART = Pattern.compile("<Part>.*?<PartNumber>(\\d+)</PartNumber>.*?</Part>",
            Pattern.DOTALL);

    /** A stored object: its bytes and the headers it was stored with (type, disposition). */
    record StoredObject(byte[] bytes, Map<String, String> headers) {}

    private record Upload(String bucket, String key, Map<String, String> headers, Map<Integer, byte[]> parts) {}

    private final HttpServer server;
    private final String region;
    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());

    LocalS3(String region) {
        this.region = region;
        server = LoopbackServer.start("local-s3", 4, this::handle);
    }

    URI endpoint() {
        return LoopbackServer.endpoint(server);
    }

    /** The clock pre-signed links are checked against (the simulated clock of a local run). */
    void useClock(Clock newClock) {
        clock.set(newClock);
    }

    /** The keys stored in a bucket (for tests). */
    Set<String> keys(String bucket) {
        return Set.copyOf(buckets.getOrDefault(bucket, Map.of()).keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(1);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String key = slash < 0 ? "" : java.net.URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            if (key.isEmpty() && method.equals("PUT")) {
                buckets.putIfAbsent(bucket, new ConcurrentHashMap<>());
                respond(exchange, 200, "", Map.of());
                return;
            }
            Map<String, StoredObject> objects = buckets.get(bucket);
            if (objects == null) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            byte[] body = body(exchange);
            switch (method) {
                case "PUT" -> put(exchange, objects, bucket, key, query, body);
                case "POST" -> post(exchange, objects, bucket, key, query, body);
                case "DELETE" -> {
                    if (query.containsKey("uploadId")) {
                        uploads.remove(query.get("uploadId"));
                    } else {
                        objects.remove(key);
                    }
                    respond(exchange, 204, "", Map.of());
                }
                case "GET", "HEAD" -> get(exchange, objects, key);
                default -> error(exchange, 405, "MethodNotAllowed", method + " is not emulated");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalError", e.getClass().getSimpleName());
        }
    }

    private void put(HttpExchange exchange, Map<String, StoredObject> objects, String bucket, String key,
                     Map<String, String> query, byte[] body) throws IOException {
        if (query.containsKey("uploadId")) {
            Upload upload = uploads.get(query.get("uploadId"));
            if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
                error(exchange, 404, "NoSuchUpload", "The specified upload does not exist");
                return;
            }
            int number = Integer.parseInt(query.get("partNumber"));
            upload.parts().put(number, body);
            respond(exchange, 200, "", Map.of("ETag", "\"" + number + "-" + body.length + "\""));
            return;
        }
        objects.put(key, new StoredObject(body, objectHeaders(exchange)));
        respond(exchange, 200, "", Map.of("ETag", "\"" + body.length + "\""));
    }

    private void post(HttpExchange exchange, Map<String, StoredObject> objects, String bucket, String key,
                      Map<String, String> query, byte[] body) throws IOException {
        if (query.containsKey("uploads")) {
            String id = UUID.randomUUID().toString();
            uploads.put(id, new Upload(bucket, key, objectHeaders(exchange), new ConcurrentHashMap<>()));
            respond(exchange, 200, "<InitiateMultipartUploadResult><Bucket>" + bucket + "</Bucket><Key>" + key
                    + "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>", Map.of());
            return;
        }
        Upload upload = uploads.get(query.getOrDefault("uploadId", ""));
        if (upload == null) {
            error(exchange, 404, "NoSuchUpload", "The specified upload does not exist");
            return;
        }
        Map<Integer, byte[]> listed = new TreeMap<>();
        Matcher m = PART.matcher(new String(body, StandardCharsets.UTF_8));
        while (m.find()) {
            int number = Integer.parseInt(m.group(1));
            listed.put(number, upload.parts().get(number));
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int index = 0;
        for (Map.Entry<Integer, byte[]> part : listed.entrySet()) {
            if (part.getValue() == null) {
                error(exchange, 400, "InvalidPart", "One or more of the specified parts could not be found");
                return;
            }
            if (++index < listed.size() && part.getValue().length < MIN_PART_BYTES) {
                error(exchange, 400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size");
                return;
            }
            whole.write(part.getValue());
        }
        uploads.remove(query.get("uploadId"));
        objects.put(key, new StoredObject(whole.toByteArray(), upload.headers()));
        respond(exchange, 200, "<CompleteMultipartUploadResult><Bucket>" + bucket + "</Bucket><Key>" + key
                + "</Key><ETag>\"" + listed.size() + "-parts\"</ETag></CompleteMultipartUploadResult>", Map.of());
    }

    private void get(HttpExchange exchange, Map<String, StoredObject> objects, String key) throws IOException {
        URI url = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI());
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            // A function's own read, signed in its headers: which function may read was decided before the
            // request left it (IamEnforcer), as for writes.
            object(exchange, objects.get(key));
            return;
        }
        PresignedUrlSigV4.Verdict verdict = PresignedUrlSigV4.verify(exchange.getRequestMethod(), url,
                LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY, region, clock.get().instant());
        if (verdict.refusal().isPresent()) {
            error(exchange, 403, verdict.code(), verdict.refusal().get());
            return;
        }
        object(exchange, objects.get(key));
    }

    private static void object(HttpExchange exchange, StoredObject object) throws IOException {
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        object.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : object.bytes().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(object.bytes());
            }
        }
    }

    private static Map<String, String> objectHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"Content-Type", "Content-Disposition"}) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** The request's bytes; an {@code aws-chunked} body (signed or not, with trailers) decoded to its payload. */
    static byte[] body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        String sha = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
        return encoding.contains("aws-chunked") || sha.startsWith("STREAMING-") ? unchunk(raw) : raw;
    }

    static byte[] unchunk(byte[] raw) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOfCrlf(raw, at);
            String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            payload.write(raw, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return payload.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("an aws-chunked body without a chunk header end");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? ""
                        : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>",
                Map.of());
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
