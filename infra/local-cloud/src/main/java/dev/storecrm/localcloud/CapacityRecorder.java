package dev.storecrm.localcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Measures DynamoDB capacity in every JVM that has the local cloud on its classpath (tests, the
 * local run, benchmarks), without a line of production code: registered as a global SDK
 * interceptor ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), it asks every
 * DynamoDB call for {@code ReturnConsumedCapacity=INDEXES} and adds what comes back, per function
 * (the one the local runtime is invoking), table and index, split into read and write units.
 * Writes refused by their condition are counted at the one unit DynamoDB bills at least.
 */
public final class CapacityRecorder implements ExecutionInterceptor {

    /** Units consumed by one function on one table or index. */
    public record Usage(String function, String table, String index, double readUnits, double writeUnits) {}

    private static final ThreadLocal<String> CURRENT_FUNCTION = new InheritableThreadLocal<>();
    private static final Map<List<String>, DoubleAdder[]> TOTALS = new ConcurrentHashMap<>();
    private static final String NO_FUNCTION = "(local cloud)";
    private static final String BASE_TABLE = "(table)";

    /** Runs {@code work} with its capacity attributed to {@code function}. */
    public static <T> T attributedTo(String function, Supplier<T> work) {
        String previous = CURRENT_FUNCTION.get();
        CURRENT_FUNCTION.set(function);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT_FUNCTION.remove();
            } else {
                CURRENT_FUNCTION.set(previous);
            }
        }
    }

    public static List<Usage> usage() {
        List<Usage> usage = new ArrayList<>();
        TOTALS.forEach((key, units) -> usage.add(new Usage(key.get(0), key.get(1),
                key.get(2).equals(BASE_TABLE) ? null : key.get(2), units[0].sum(), units[1].sum())));
        return usage;
    }

    /** What {@code function} used since the last reset, by {@code table} or {@code table/index}, as "read/write". */
    public static Map<String, String> unitsOf(String function) {
        Map<String, String> units = new TreeMap<>();
        for (Usage usage : usage()) {
            if (usage.function().equals(function)) {
                units.put(usage.table() + (usage.index() == null ? "" : "/" + usage.index()),
                        usage.readUnits() + "/" + usage.writeUnits());
            }
        }
        return units;
    }

    public static void reset() {
        TOTALS.clear();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        return switch (request) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        boolean write = switch (response) {
            case PutItemResponse r -> true;
            case UpdateItemResponse r -> true;
            case DeleteItemResponse r -> true;
            case BatchWriteItemResponse r -> true;
            case TransactWriteItemsResponse r -> true;
            default -> false;
        };
        List<ConsumedCapacity> consumed = switch (response) {
            case GetItemResponse r -> single(r.consumedCapacity());
            case PutItemResponse r -> single(r.consumedCapacity());
            case UpdateItemResponse r -> single(r.consumedCapacity());
            case DeleteItemResponse r -> single(r.consumedCapacity());
            case QueryResponse r -> single(r.consumedCapacity());
            case ScanResponse r -> single(r.consumedCapacity());
            case BatchGetItemResponse r -> r.consumedCapacity();
            case BatchWriteItemResponse r -> r.consumedCapacity();
            case TransactGetItemsResponse r -> r.consumedCapacity();
            case TransactWriteItemsResponse r -> r.consumedCapacity();
            default -> List.of();
        };
        String function = Optional.ofNullable(CURRENT_FUNCTION.get()).orElse(NO_FUNCTION);
        for (ConsumedCapacity capacity : consumed) {
            if (capacity.table() == null && capacity.globalSecondaryIndexes().isEmpty()
                    && capacity.localSecondaryIndexes().isEmpty()) {
                add(function, capacity.tableName(), BASE_TABLE, capacity.capacityUnits(), write);
                continue;
            }
            String table = capacity.tableName();
            add(function, table, BASE_TABLE, capacity.table(), write);
            capacity.globalSecondaryIndexes().forEach((index, c) -> add(function, table, index, c, write));
            capacity.localSecondaryIndexes().forEach((index, c) -> add(function, table, index, c, write));
        }
    }

    /**
     * A write refused by its condition returns no consumed capacity, yet DynamoDB bills it: at
     * least one write unit (more for a larger existing item). Count the minimum, so that measured
     * figures never look better than the bill.
     */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof ConditionalCheckFailedException)) {
            return;
        }
        String table = switch (context.request()) {
            case PutItemRequest r -> r.tableName();
            case UpdateItemRequest r -> r.tableName();
            case DeleteItemRequest r -> r.tableName();
            default -> null;
        };
        if (table != null) {
            accumulate(Optional.ofNullable(CURRENT_FUNCTION.get()).orElse(NO_FUNCTION), table, BASE_TABLE, 0, 1);
        }
    }

    private static List<ConsumedCapacity> single(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    private static void add(String function, String table, String index, Capacity capacity, boolean write) {
        if (capacity == null) {
            return;
        }
        double read = capacity.readCapacityUnits() != null ? capacity.readCapacityUnits() : 0;
        double written = capacity.writeCapacityUnits() != null ? capacity.writeCapacityUnits() : 0;
        if (capacity.readCapacityUnits() == null && capacity.writeCapacityUnits() == null) {
            add(function, table, index, capacity.capacityUnits(), write);
            return;
        }
        accumulate(function, table, index, read, written);
    }

    private static void add(String function, String table, String index, Double units, boolean write) {
        if (units == null) {
            return;
        }
        accumulate(function, table, index, write ? 0 : units, write ? units : 0);
    }

    private static void accumulate(String function, String table, String index, double read, double written) {
        DoubleAdder[] units = TOTALS.computeIfAbsent(List.of(function, table, index),
                k -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        units[0].add(read);
        units[1].add(written);
    }
}
