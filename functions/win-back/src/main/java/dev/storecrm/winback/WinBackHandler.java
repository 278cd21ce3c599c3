package dev.storecrm.winback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * WinBackFunction: consumes the win-back timers the sweep delivers to WinBackQueue (one per member
 * with a paid order, armed by the member archive). Reports partial batch failures.
 */
public final class WinBackHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final WinBackService service;

    public WinBackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public WinBackHandler(Map<String, String> environment, Clock clock) {
        this(new WinBackWiring(environment, clock));
    }

    WinBackHandler(WinBackWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.fired(WinBackInput.read(body)).name());
    }
}
