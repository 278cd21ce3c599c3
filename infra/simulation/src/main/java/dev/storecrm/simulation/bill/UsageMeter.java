package dev.storecrm.simulation.bill;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.localcloud.LocalFunctions;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts what Lambda and SQS bill, per function, from every invocation the local runtime makes:
 * invocations, billed milliseconds (each invocation rounded up to 1 ms, as Lambda bills), and the
 * SQS messages and batches delivered. Durations are this JVM's against the local cloud, not Lambda's.
 */
public final class UsageMeter implements Consumer<LocalFunctions.Invocation> {

    /** One function's usage. */
    public static final class Usage {
        private long invocations;
        private long billedMillis;
        private long sqsMessages;
        private long sqsBatches;

        public long invocations() {
            return invocations;
        }

        public long billedMillis() {
            return billedMillis;
        }

        public long sqsMessages() {
            return sqsMessages;
        }

        public long sqsBatches() {
            return sqsBatches;
        }
    }

    private final Map<String, Usage> byFunction = new TreeMap<>();

    @Override
    public synchronized void accept(LocalFunctions.Invocation invocation) {
        Usage usage = byFunction.computeIfAbsent(invocation.function(), f -> new Usage());
        usage.invocations++;
        long nanos = invocation.elapsed().toNanos();
        usage.billedMillis += Math.max(1, (nanos + 999_999) / 1_000_000);
        if (invocation.event() instanceof SQSEvent event && event.getRecords() != null) {
            usage.sqsMessages += event.getRecords().size();
            usage.sqsBatches++;
        }
    }

    public synchronized Map<String, Usage> byFunction() {
        return Map.copyOf(byFunction);
    }
}
