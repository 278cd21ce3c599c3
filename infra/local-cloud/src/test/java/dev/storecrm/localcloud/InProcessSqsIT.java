package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The in-process path to ElasticMQ answers exactly as its HTTP server does: the same script of
 * calls (queues with a redrive policy, sends with attributes, a batch with a refused entry,
 * receives with receive counts, visibility changes, redrive to the dead-letter queue, a delete
 * batch with a stale receipt handle, a refused parameter, a missing queue) gives the same results,
 * message for message and error for error, through both. Both paths share one set of queues, on
 * actors that run on the calling thread as the local cloud runs them.
 */
class InProcessSqsIT {

    private static ActorSystem actors;
    private static SQSRestServer server;
    private static URI httpEndpoint;
    /** A loopback port nobody listens on: only the in-process route can answer there. */
    private static URI inProcessEndpoint;
    private static final List<SqsClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startOneQueueManagerBehindBothPaths() {
        actors = InProcessSqs.actorsOnTheCallingThread("in-process-sqs-it");
        TheSQSRestServerBuilder builder = EmulatorBackend.elasticMqServer(actors);
        server = builder.start();
        httpEndpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        int inProcessPort = EmulatorBackend.freePort();
        inProcessEndpoint = URI.create("http://127.0.0.1:" + inProcessPort);
        LoopbackHttpClient.answerInProcess(inProcessEndpoint, new InProcessSqs(builder, actors, inProcessPort)::answer);
    }

    @AfterAll
    static void stop() throws Exception {
        CLIENTS.forEach(SqsClient::close);
        LoopbackHttpClient.stopAnsweringInProcess(inProcessEndpoint);
        server.stopAndWait();
        Await.result(actors.terminate(), FiniteDuration.apply(30, "s"));
    }

    private static SqsClient client(URI endpoint) {
        SqsClient client = SqsClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(new LoopbackHttpClient(UrlConnectionHttpClient.create()))
                .build();
        CLIENTS.add(client);
        return client;
    }

    @Test
    void answersEveryCallOfTheScriptAsTheHttpServerDoes() {
        List<String> overHttp = script(client(httpEndpoint), "via-http");
        List<String> inProcess = script(client(inProcessEndpoint), "in-process");

        assertEquals(overHttp.size(), inProcess.size());
        for (int step = 0; step < overHttp.size(); step++) {
            String inProcessStep = inProcess.get(step).replace(inProcessEndpoint.toString(), "ENDPOINT")
                    .replace("in-process", "via-http");
            assertEquals(overHttp.get(step).replace(httpEndpoint.toString(), "ENDPOINT"), inProcessStep,
                    "step " + step);
        }
        String all = String.join("\n", inProcess);
        assertTrue(all.contains(inProcessEndpoint + "/" + Template.ACCOUNT_ID + "/in-process-orders"), all);
        assertTrue(all.contains("ApproximateReceiveCount=2"), all);
        assertTrue(all.contains("failed [bad: InvalidParameterValue"), all);
        assertTrue(all.contains("QueueDoesNotExist"), all);
        assertTrue(all.contains("dead letters [{\"n\":3}]"), all);
    }

    @Test
    void aMessageSentInProcessIsReceivedOverHttpAndTheOtherWayRound() {
        SqsClient http = client(httpEndpoint);
        SqsClient inProcess = client(inProcessEndpoint);
        http.createQueue(c -> c.queueName("shared"));
        String viaHttp = http.getQueueUrl(g -> g.queueName("shared")).queueUrl();
        String viaInProcess = inProcess.getQueueUrl(g -> g.queueName("shared")).queueUrl();

        inProcess.sendMessage(s -> s.queueUrl(viaInProcess).messageBody("from in-process"));
        assertEquals(List.of("from in-process"), bodies(http.receiveMessage(r -> r.queueUrl(viaHttp)).messages()));
        http.sendMessage(s -> s.queueUrl(viaHttp).messageBody("over http"));
        assertEquals(List.of("over http"), bodies(inProcess.receiveMessage(r -> r.queueUrl(viaInProcess)).messages()));
    }

    /**
     * Each call's result or error, as text, without what differs between two runs (message ids, receipt
     * handles, times).
     */
    private static List<String> script(SqsClient sqs, String prefix) {
        List<String> results = new ArrayList<>();
        String dlq = sqs.createQueue(c -> c.queueName(prefix + "-orders-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(g -> g.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        results.add("dead-letter queue " + dlqArn);
        results.add(outcome(() -> sqs.createQueue(c -> c.queueName(prefix + "-orders").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "180",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}")))
                .queueUrl()));
        String queue = sqs.getQueueUrl(g -> g.queueName(prefix + "-orders")).queueUrl();
        results.add(outcome(() -> sorted(sqs.getQueueAttributes(g -> g.queueUrl(queue)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY))
                .attributesAsStrings())));

        MessageAttributeValue orderPaid = MessageAttributeValue.builder().dataType("String").stringValue("OrderPaid")
                .build();
        results.add(outcome(() -> sqs.sendMessage(s -> s.queueUrl(queue).messageBody("{\"n\":1,\"name\":\"李雷\"}")
                        .messageAttributes(Map.of("type", orderPaid))).md5OfMessageBody()
                + " / attributes "
                + sqs.sendMessage(s -> s.queueUrl(queue).messageBody("{\"n\":2}")).md5OfMessageAttributes()));
        results.add(outcome(() -> {
            var batch = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(
                    SendMessageBatchRequestEntry.builder().id("good").messageBody("{\"n\":3}").build(),
                    SendMessageBatchRequestEntry.builder().id("bad").messageBody("{\"n\":4}").delaySeconds(1000)
                            .build()));
            return "sent " + batch.successful().stream().map(ok -> ok.id() + " " + ok.md5OfMessageBody()).toList()
                    + " failed "
                    + batch.failed().stream().map(no -> no.id() + ": " + no.code() + " " + no.senderFault()).toList();
        }));

        List<Message> first = receiveAll(sqs, queue);
        results.add("received " + describe(first));
        results.add(outcome(() -> {
            first.forEach(message -> sqs.changeMessageVisibility(c -> c.queueUrl(queue)
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
            return "made visible " + first.size();
        }));
        List<Message> second = receiveAll(sqs, queue);
        results.add("received again " + describe(second));
        results.add(outcome(() -> {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            second.stream().filter(message -> !message.body().contains("\"n\":3")).forEach(message -> entries.add(
                    DeleteMessageBatchRequestEntry.builder().id("m" + entries.size())
                            .receiptHandle(message.receiptHandle()).build()));
            entries.add(DeleteMessageBatchRequestEntry.builder().id("stale").receiptHandle("not-a-receipt-handle")
                    .build());
            var deleted = sqs.deleteMessageBatch(d -> d.queueUrl(queue).entries(entries));
            return "deleted " + deleted.successful().stream().map(ok -> ok.id()).sorted().toList()
                    + " failed " + deleted.failed().stream().map(no -> no.id() + ": " + no.code()).toList();
        }));
        results.add(outcome(() -> {
            second.stream().filter(message -> message.body().contains("\"n\":3"))
                    .forEach(message -> sqs.changeMessageVisibility(
                            c -> c.queueUrl(queue).receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
            return "third receive " + describe(receiveAll(sqs, queue));
        }));
        results.add(outcome(() -> "dead letters " + bodies(receiveAll(sqs, dlq))));
        results.add(outcome(() -> sqs.sendMessage(s -> s.queueUrl(queue).messageBody("late").delaySeconds(901))
                .messageId()));
        results.add(outcome(() -> sqs.getQueueUrl(g -> g.queueName(prefix + "-missing")).queueUrl()));
        String goneQueue = queue.replace("-orders", "-gone");
        results.add(outcome(() -> sqs.sendMessage(s -> s.queueUrl(goneQueue).messageBody("x")).messageId()));
        results.add(outcome(() -> sqs.listQueues(l -> l.queueNamePrefix(prefix)).queueUrls().stream().sorted()
                .toList()));
        return results;
    }

    private static List<Message> receiveAll(SqsClient sqs, String queue) {
        return sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private static String describe(List<Message> messages) {
        return messages.stream().sorted(Comparator.comparing(Message::body)).map(message -> message.body()
                + " md5 " + message.md5OfBody()
                + " ApproximateReceiveCount=" + message.attributesAsStrings().get("ApproximateReceiveCount")
                + " " + new TreeMap<>(message.messageAttributes())).toList().toString();
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).sorted().toList();
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return new TreeMap<>(map);
    }

    private static String outcome(Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (SqsException e) {
            return e.getClass().getSimpleName() + " " + e.statusCode() + " " + e.awsErrorDetails().errorCode()
                    + ": " + e.awsErrorDetails().errorMessage();
        }
    }
}
