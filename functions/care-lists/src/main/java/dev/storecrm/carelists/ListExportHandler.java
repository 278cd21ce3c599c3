package dev.storecrm.carelists;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * ListExportFunction: consumes the ListExportQueue (full exports asked for with {@code POST /exports}) and
 * writes each list as one CSV file to the exports' bucket ({@link ListExportService}). Reports partial batch
 * failures; a message that is no export is kept in the RejectsTable.
 */
public final class ListExportHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final ListExportService service;

    public ListExportHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public ListExportHandler(Map<String, String> environment, Clock clock) {
        this(new ListExportWiring(environment, clock));
    }

    ListExportHandler(ListExportWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, service::handle);
    }
}
