package dev.storecrm.platform.priming;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * The one CRaC resource of a function ({@code org.crac}, which Lambda SnapStart calls before it takes
 * the snapshot). It primes what was registered: every SDK client {@code AwsClients} built, with a
 * request marshalled and signed but stopped before it is sent ({@link MarshalOnly}), then the handler,
 * with the synthetic event the handler names: an SQS batch of no messages, or a request for a route no
 * function serves. Neither reads or writes a table, queue or mailbox, nor counts a metric; PrimingIT proves it
 * against the local cloud. The latest registration of each client kind and handler class wins, so tests that build
 * many handlers hold no more than one of each.
 */
public final class Priming implements Resource {

    /** A batch of no messages: a queue-triggered handler parses it, answers, and touches nothing. */
    public static final String EMPTY_BATCH = "{\"Records\":[]}";
    /** A GET of a route no function serves, without credentials: refused or not found, nothing written. */
    public static final String UNKNOWN_ROUTE = """
            {"version":"2.0","routeKey":"$default","rawPath":"/priming","rawQueryString":"",
             "headers":{"user-agent":"snapstart-priming"},"isBase64Encoded":false,
             "requestContext":{"requestId":"priming","http":{"method":"GET","path":"/priming",
             "protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"snapstart-priming"}}}""";

    private static final Priming RESOURCE = new Priming();
    private static final Map<String, Runnable> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, Runnable> HANDLERS = new ConcurrentHashMap<>();

    static {
        Core.getGlobalContext().register(RESOURCE);
    }

    private Priming() {}

    /**
     * A handler to prime with its synthetic event, before the snapshot: the event's JSON goes through the
     * handler's stream method, as Lambda hands it an invocation (reading, handling, writing the answer).
     */
    public static void register(RequestStreamHandler handler, String event) {
        HANDLERS.put(handler.getClass().getName(), () -> {
            try {
                handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream(), new PrimingContext());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An SDK client of {@code service} to prime with {@code call}, a request built with {@link #request}. */
    public static void client(String service, Runnable call) {
        CLIENTS.put(service, () -> MarshalOnly.run(service, call));
    }

    /** Sets up a client so that a request marked by {@link #request} is marshalled and signed, never sent. */
    public static ClientOverrideConfiguration.Builder marshalOnly(ClientOverrideConfiguration.Builder client) {
        return client.addExecutionInterceptor(new MarshalOnly());
    }

    /** Marks a request as a priming one: its client stops it before it is sent. */
    public static void request(AwsRequestOverrideConfiguration.Builder request) {
        request.putHeader(MarshalOnly.HEADER, "1");
    }

    /**
     * Primes every registered client, then every registered handler; returns what it primed (client
     * kinds, then handler classes). A failing priming throws: SnapStart then fails the version's
     * publication, which is better than a snapshot that hides a broken function.
     */
    public static List<String> primeNow() {
        List<String> primed = new ArrayList<>();
        CLIENTS.forEach((service, prime) -> {
            prime.run();
            primed.add(service);
        });
        HANDLERS.forEach((handler, prime) -> {
            MetricsFactory.withoutMetrics(prime); // the synthetic event is not the store's traffic
            primed.add(handler);
        });
        return primed;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeNow();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the url-connection client opens its connections on demand.
    }

    /** Whether {@code failure} is the stop of a priming request, and nothing else. */
    static boolean stoppedBeforeSending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarshalOnly.Stopped) {
                return true;
            }
        }
        return false;
    }
}
