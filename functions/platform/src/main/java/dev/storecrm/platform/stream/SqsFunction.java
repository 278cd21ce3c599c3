package dev.storecrm.platform.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A queue-triggered handler: Lambda streams the batch in, {@link SqsEvents} reads it and writes the answer. */
public interface SqsFunction extends RequestHandler<SQSEvent, SQSBatchResponse>, RequestStreamHandler {

    @Override
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.write(handleRequest(SqsEvents.read(input), context), output);
    }
}
