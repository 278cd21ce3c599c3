package dev.storecrm.localcloud;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** An HTTP server of the local cloud's own (the AWS gateway, S3) on 127.0.0.1 and a free port, daemon threads. */
final class LoopbackServer {

    private LoopbackServer() {}

    static HttpServer start(String name, int threads, HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the " + name, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static URI endpoint(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
