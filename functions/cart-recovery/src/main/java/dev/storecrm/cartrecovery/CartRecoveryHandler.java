package dev.storecrm.cartrecovery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * CartRecoveryFunction: consumes the CartRecoveryQueue (cart and order events from the store bus,
 * and the cart timers the sweep delivers) and runs cart recovery. Reports partial batch failures;
 * invalid input is kept in the RejectsTable.
 */
public final class CartRecoveryHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final CartRecoveryService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public CartRecoveryHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public CartRecoveryHandler(Map<String, String> environment, Clock clock) {
        this(new CartRecoveryWiring(environment, clock));
    }

    CartRecoveryHandler(CartRecoveryWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
