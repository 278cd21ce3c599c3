package dev.storecrm.localcloud;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * What the SDK clients of this JVM changed in the local cloud, as version counters: a queue's
 * goes up whenever a message may have become visible in it (sent, made visible again, or received
 * by someone who may leave it to reappear), a table's whenever a write to it succeeded. The local
 * runner uses them to skip polling queues that cannot hold anything and re-reading tables nobody
 * wrote; a counter only ever goes up, so a reader compares the value it saw before looking with
 * the value now. It also counts {@code PutEvents} calls and their entries (what the adapters cost in
 * EventBridge requests). Registered as a global SDK interceptor (see
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), like {@link CapacityRecorder}.
 */
public final class LocalActivity implements ExecutionInterceptor {

    private static final Map<String, AtomicLong> QUEUES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> TABLES = new ConcurrentHashMap<>();
    private static final AtomicLong PUT_EVENTS_CALLS = new AtomicLong();
    private static final AtomicLong PUT_EVENTS_ENTRIES = new AtomicLong();

    /** The version of a queue (by URL or name): changes whenever a message may have become visible in it. */
    public static long queueVersion(String queueUrl) {
        return counter(QUEUES, queueName(queueUrl)).get();
    }

    /** The version of a table (its physical name): changes whenever a write to it succeeded. */
    public static long tableVersion(String tableName) {
        return counter(TABLES, tableName).get();
    }

    /** {@code PutEvents} calls made by this JVM's SDK clients since it started (read twice, subtract). */
    public static long putEventsCalls() {
        return PUT_EVENTS_CALLS.get();
    }

    /** The entries (events) of those calls. */
    public static long putEventsEntries() {
        return PUT_EVENTS_ENTRIES.get();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        switch (request) {
            case SendMessageRequest send -> queueChanged(send.queueUrl());
            case SendMessageBatchRequest send -> queueChanged(send.queueUrl());
            case ChangeMessageVisibilityRequest change -> queueChanged(change.queueUrl());
            case ChangeMessageVisibilityBatchRequest change -> queueChanged(change.queueUrl());
            case ReceiveMessageRequest receive when context.response() instanceof ReceiveMessageResponse received
                    && received.hasMessages() && !received.messages().isEmpty() -> queueChanged(receive.queueUrl());
            case PutItemRequest put -> tableWritten(put.tableName());
            case UpdateItemRequest update -> tableWritten(update.tableName());
            case DeleteItemRequest delete -> tableWritten(delete.tableName());
            case BatchWriteItemRequest batch -> batch.requestItems().keySet().forEach(LocalActivity::tableWritten);
            case TransactWriteItemsRequest transaction ->
                    transaction.transactItems().forEach(LocalActivity::tableWritten);
            case PutEventsRequest put -> {
                PUT_EVENTS_CALLS.incrementAndGet();
                PUT_EVENTS_ENTRIES.addAndGet(put.entries().size());
            }
            default -> {
                // reads change nothing
            }
        }
    }

    private static void tableWritten(TransactWriteItem item) {
        if (item.put() != null) {
            tableWritten(item.put().tableName());
        }
        if (item.update() != null) {
            tableWritten(item.update().tableName());
        }
        if (item.delete() != null) {
            tableWritten(item.delete().tableName());
        }
    }

    private static void queueChanged(String queueUrl) {
        counter(QUEUES, queueName(queueUrl)).incrementAndGet();
    }

    private static void tableWritten(String tableName) {
        counter(TABLES, tableName).incrementAndGet();
    }

    private static AtomicLong counter(Map<String, AtomicLong> counters, String name) {
        return counters.computeIfAbsent(name, n -> new AtomicLong());
    }

    /** The same queue is reached under different hosts (localhost, 127.0.0.1); its name is what identifies it. */
    private static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }
}
