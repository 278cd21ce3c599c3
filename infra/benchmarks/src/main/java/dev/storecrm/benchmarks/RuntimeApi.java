package dev.storecrm.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) for one invocation, on 127.0.0.1: the runtime client
 * in the function's JVM asks for the next invocation once its handler is built (that moment ends the
 * init), gets the event, and posts the response or an error (that moment ends the cold start). A
 * second ask for work is held until the run is over, as Lambda holds a frozen environment's.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final byte[] event;
    private final String functionArn;
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile long initDone;
    private volatile long responded;
    private volatile String error;
    private boolean handedOut;

    RuntimeApi(String eventJson, String functionArn) {
        this.event = eventJson.getBytes(StandardCharsets.UTF_8);
        this.functionArn = functionArn;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits for the response or error; the nanoTime of when the handler was built and of when it answered. */
    Optional<long[]> await(long seconds) throws InterruptedException {
        return answered.await(seconds, TimeUnit.SECONDS) ? Optional.of(new long[] {initDone, responded})
                : Optional.empty();
    }

    /** What the function reported instead of a response (an init or invocation error), if it did. */
    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals("invocation/next")) {
            next(exchange);
            return;
        }
        long now = System.nanoTime();
        if (path.endsWith("/error")) {
            error = path + ": " + new String(body, StandardCharsets.UTF_8);
        }
        responded = now;
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        answered.countDown();
    }

    private void next(HttpExchange exchange) throws IOException {
        synchronized (this) {
            if (handedOut) {
                awaitOver();
                exchange.close();
                return;
            }
            handedOut = true;
            initDone = System.nanoTime();
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "cold-start-1");
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 900_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, event.length);
        exchange.getResponseBody().write(event);
        exchange.close();
    }

    private void awaitOver() {
        try {
            over.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        over.countDown();
        server.stop(0);
    }
}
