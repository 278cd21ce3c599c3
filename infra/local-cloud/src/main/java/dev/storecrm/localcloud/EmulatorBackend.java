package dev.storecrm.localcloud;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import dev.storecrm.domain.json.tree.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/**
 * The emulators that run without Docker, in this JVM, on 127.0.0.1 and free ports: DynamoDB Local
 * (in memory, one shared database, telemetry off) and ElasticMQ (SQS).
 *
 * <p>Both HTTP servers run, but by default the SDK clients of this JVM do not go through them:
 * {@link LoopbackHttpClient} hands their requests for DynamoDB Local to the same engine through
 * {@link InProcessDynamoDb}, and their requests for ElasticMQ to the same queues through
 * {@link InProcessSqs}. That saves the sockets, Jetty and Pekko HTTP on each of the many thousand
 * calls of a simulated store (docs/benchmarks.md, "The main job"). {@code -Dstorecrm.dynamodb=http}
 * and {@code -Dstorecrm.sqs=http} send them over HTTP instead.
 */
final class EmulatorBackend implements CloudBackend {

    static final String REGION = "us-east-1";
    /** {@code in-process} (the default) or {@code http}: how this JVM's SDK clients reach DynamoDB Local. */
    static final String DYNAMODB_TRANSPORT = "storecrm.dynamodb";
    /** {@code in-process} (the default) or {@code http}: how this JVM's SDK clients reach ElasticMQ. */
    static final String SQS_TRANSPORT = "storecrm.sqs";

    private final DynamoDBProxyServer dynamoDb;
    private final int dynamoDbPort;
    private final boolean dynamoDbInProcess;
    private final boolean sqsInProcess;
    private final ActorSystem sqsActors;
    private final SQSRestServer sqs;
    private final int sqsPort;
    private final SesEmulator ses;
    private final LocalAwsGateway gateway;
    private final LocalS3 s3 = new LocalS3(REGION);

    EmulatorBackend() {
        dynamoDbInProcess = inProcess(DYNAMODB_TRANSPORT);
        sqsInProcess = inProcess(SQS_TRANSPORT);
        PrintStream console = System.out;
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        LocalDynamoDBRequestHandler engine;
        try {
            System.setOut(new PrintStream(banner, true, StandardCharsets.UTF_8));
            dynamoDbPort = freePort();
            engine = dynamoDbLocalEngine();
            dynamoDb = dynamoDbLocalServer(dynamoDbPort, engine);
            dynamoDb.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "DynamoDB Local did not start: " + banner.toString(StandardCharsets.UTF_8), e);
        } finally {
            System.setOut(console);
        }
        if (dynamoDbInProcess) {
            LoopbackHttpClient.answerInProcess(dynamoDbEndpoint(), new InProcessDynamoDb(engine)::answer);
        }
        sqsActors = sqsInProcess ? InProcessSqs.actorsOnTheCallingThread("elasticmq") : ActorSystem.create("elasticmq");
        TheSQSRestServerBuilder sqsServer = elasticMqServer(sqsActors);
        sqs = sqsServer.start();
        sqsPort = sqs.waitUntilStarted().localAddress().getPort();
        if (sqsInProcess) {
            LoopbackHttpClient.answerInProcess(sqsEndpoint(), new InProcessSqs(sqsServer, sqsActors, sqsPort)::answer);
        }
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
    public URI eventBridgeEndpoint() {
        return gateway.endpoint();
    }

    @Override
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public void checkLinksAgainst(Clock clock) {
        s3.useClock(clock);
    }

    @Override
    public void receivePutEvents(java.util.function.BiConsumer<JsonNode, String> bus) {
        gateway.receivePutEvents(bus);
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
        return "DynamoDB Local on " + dynamoDbEndpoint() + (dynamoDbInProcess ? " (answered in process)" : "")
                + ", ElasticMQ on " + sqsEndpoint() + (sqsInProcess ? " (answered in process)" : "")
                + ", SES emulator on " + ses.endpoint() + " (behind " + gateway.endpoint() + ")";
    }

    @Override
    public void close() {
        gateway.close();
        s3.close();
        ses.close();
        LoopbackHttpClient.stopAnsweringInProcess(sqsEndpoint());
        sqs.stopAndWait();
        try {
            Await.result(sqsActors.terminate(), FiniteDuration.apply(30, "s"));
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ's actors did not stop", e);
        }
        LoopbackHttpClient.stopAnsweringInProcess(dynamoDbEndpoint());
        try {
            dynamoDb.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /**
     * ElasticMQ's HTTP server as this project runs it (loopback, a free port, our region and account),
     * on the given actors, with its queue manager created here so that {@link InProcessSqs} can share it
     * (not yet started).
     */
    static TheSQSRestServerBuilder elasticMqServer(ActorSystem actors) {
        TheSQSRestServerBuilder server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(REGION).withAWSAccountId(Template.ACCOUNT_ID).withActorSystem(actors);
        ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), server.sqsLimits(), Option.empty())));
        return server.withQueueManagerActor(queues);
    }

    /**
     * DynamoDB Local's database engine as its "-inMemory -sharedDb" command line builds it (telemetry
     * never set up).
     */
    static LocalDynamoDBRequestHandler dynamoDbLocalEngine() {
        return new LocalDynamoDBRequestHandler(0, true, null, true, false);
    }

    /** DynamoDB Local's HTTP server on a port, in front of an engine (not yet started). */
    static DynamoDBProxyServer dynamoDbLocalServer(int port, LocalDynamoDBRequestHandler engine) {
        return new DynamoDBProxyServer(port, new LocalDynamoDBServerHandler(engine, "*"));
    }

    /**
     * Whether this JVM's clients reach an emulator in process, by its setting ({@code in-process}, the
     * default, or {@code http}).
     */
    private static boolean inProcess(String setting) {
        String transport = System.getProperty(setting, "in-process");
        return switch (transport) {
            case "in-process" -> true;
            case "http" -> false;
            default -> throw new IllegalArgumentException(setting + " must be in-process or http, not " + transport);
        };
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
