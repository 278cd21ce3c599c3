package dev.storecrm.platform.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** A scheduled run: {@link ScheduledEvents} reads the schedule's payload and writes the run's report. */
public interface ScheduledFunction extends RequestHandler<Map<String, Object>, Map<String, Object>>,
        RequestStreamHandler {

    @Override
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ScheduledEvents.write(handleRequest(ScheduledEvents.read(input), context), output);
    }
}
