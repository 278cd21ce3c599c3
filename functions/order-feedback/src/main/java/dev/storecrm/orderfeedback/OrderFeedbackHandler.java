package dev.storecrm.orderfeedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * OrderFeedbackFunction: consumes the OrderFeedbackQueue (OrderPaid from the store bus, and the orders' feedback
 * timers the sweep delivers) and runs the post-purchase follow-up. Reports partial batch failures; invalid input
 * is kept in the RejectsTable.
 */
public final class OrderFeedbackHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final OrderFeedbackService service;
    private final Clock clock;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public OrderFeedbackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public OrderFeedbackHandler(Map<String, String> environment, Clock clock) {
        this(new OrderFeedbackWiring(environment, clock), clock);
    }

    OrderFeedbackHandler(OrderFeedbackWiring wiring, Clock clock) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        this.clock = clock;
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(OrderFeedbackInput.read(body, clock)).name());
    }
}
