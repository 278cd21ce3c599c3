package dev.storecrm.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP transport in the local cloud: requests for an emulator running in this JVM are
 * answered in process, everything else goes over the network through the SDK's own url-connection
 * client, the one the functions use on AWS. Every handler of a local run makes its AWS calls through
 * it, with the SDK's whole pipeline (marshalling, signing, retries, interceptors) unchanged; only
 * where the bytes go differs.
 *
 * <p>Requests for an endpoint registered with {@link #answerInProcess} go, headers and body as they
 * would be sent, to the registered {@link InProcessService} on the calling thread, without a socket:
 * DynamoDB Local ({@link InProcessDynamoDb}) and ElasticMQ ({@link InProcessSqs}), unless
 * {@code -Dstorecrm.dynamodb=http} or {@code -Dstorecrm.sqs=http}. The rest (the local AWS gateway in
 * front of the SES emulator, Secrets Manager and EventBridge, LocalStack, and the two emulators in
 * their {@code http} modes) travels over loopback sockets. {@link LocalCloud} installs it through the
 * SDK's own setting, {@code software.amazon.awssdk.http.service.impl}, which {@code AwsClients} honours.
 */
public final class LoopbackHttpClient implements SdkHttpClient {

    /**
     * The {@link SdkHttpService} the SDK instantiates by name from
     * {@code software.amazon.awssdk.http.service.impl}.
     */
    public static final class Service implements SdkHttpService {
        @Override
        public SdkHttpClient.Builder createHttpClientBuilder() {
            return new Builder();
        }
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new LoopbackHttpClient(UrlConnectionHttpClient.builder().buildWithDefaults(serviceDefaults));
        }
    }

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

    private final SdkHttpClient network;

    /** Answers registered endpoints in process and sends every other request through {@code network}. */
    LoopbackHttpClient(SdkHttpClient network) {
        this.network = network;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        InProcessService inProcess = IN_PROCESS.get(address(http.host(), http.port()));
        if (inProcess == null) {
            return network.prepareRequest(buffered(request));
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return inProcess.answer(http, body(request));
            }

            @Override
            public void abort() {
                // an in-process call runs to its end on the calling thread
            }
        };
    }

    @Override
    public String clientName() {
        return "Loopback";
    }

    @Override
    public void close() {
        network.close();
    }

    /**
     * The request without its {@code Content-Length} header. Given one, {@code HttpURLConnection} streams
     * the body, and before each streamed request on a kept-alive socket it reads the socket for 1 ms to
     * check that the server has not closed it; without one it buffers the body, sends the same
     * {@code Content-Length} itself, and can retry on a fresh socket instead. Locally the wait cost
     * more than the call (see docs/benchmarks.md, the SES gateway's round trip).
     */
    private static HttpExecuteRequest buffered(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        if (http.firstMatchingHeader("Content-Length").isEmpty()) {
            return request;
        }
        return HttpExecuteRequest.builder()
                .request(http.toBuilder().removeHeader("Content-Length").build())
                .contentStreamProvider(request.contentStreamProvider().orElse(null))
                .metricCollector(request.metricCollector().orElse(null))
                .build();
    }

    private static byte[] body(HttpExecuteRequest request) throws IOException {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        try (InputStream content = request.contentStreamProvider().get().newStream()) {
            return content.readAllBytes();
        }
    }
}
