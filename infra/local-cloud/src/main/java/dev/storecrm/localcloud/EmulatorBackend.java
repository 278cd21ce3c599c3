package dev.storecrm.localcloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The emulators that run without Docker, in this JVM, on 127.0.0.1 and free ports: DynamoDB Local
 * (in memory, one shared database, telemetry off) and ElasticMQ (SQS).
 */
final class EmulatorBackend implements CloudBackend {

    static final String REGION = "us-east-1";

    private final DynamoDBProxyServer dynamoDb;
    private final int dynamoDbPort;
    private final SQSRestServer sqs;
    private final int sqsPort;
    private final SesEmulator ses;
    private final LocalAwsGateway gateway;

    EmulatorBackend() {
        PrintStream console = System.out;
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(banner, true, StandardCharsets.UTF_8));
            dynamoDbPort = freePort();
            dynamoDb = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(dynamoDbPort)});
            dynamoDb.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + banner.toString(StandardCharsets.UTF_8), e);
        } finally {
            System.setOut(console);
        }
        sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(REGION).withAWSAccountId(Template.ACCOUNT_ID).start();
        sqsPort = sqs.waitUntilStarted().localAddress().getPort();
        ses = new SesEmulator();
        gateway = new LocalAwsGateway(ses.endpoint(), REGION);
    }

    @Override
    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDbPort);
    }

    @Override
    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + sqsPort);
    }

    @Override
    public URI sesEndpoint() {
        return gateway.endpoint();
    }

    @Override
    public URI secretsManagerEndpoint() {
        return gateway.endpoint();
    }

    @Override
    public List<SentMail> sentMail() {
        return SentMail.readStore(ses.endpoint());
    }

    @Override
    public List<SentMail> sentMailSince(long epochSecond) {
        return SentMail.readStore(ses.endpoint(), epochSecond);
    }

    @Override
    public void throttleNextSends(int count) {
        gateway.throttleNextSends(count);
    }

    @Override
    public void publishSesEvents(Consumer<JsonNode> events,
                                 Clock clock) {
        gateway.publishSesEventsTo(events);
        gateway.useClock(clock);
    }

    @Override
    public List<Long> acceptedSendTimes() {
        return gateway.acceptedSendTimes();
    }

    @Override
    public void resetMail() {
        gateway.reset();
    }

    /** The SES emulator's own address, whose web view shows the mail it received. */
    URI sesEmulatorEndpoint() {
        return ses.endpoint();
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public String describe() {
        return "DynamoDB Local on " + dynamoDbEndpoint() + ", ElasticMQ on " + sqsEndpoint()
                + ", SES emulator on " + ses.endpoint() + " (behind " + gateway.endpoint() + ")";
    }

    @Override
    public void close() {
        gateway.close();
        ses.close();
        sqs.stopAndWait();
        try {
            dynamoDb.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }
}
