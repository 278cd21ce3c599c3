package dev.storecrm.platform.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** A scheduled run's input (EventBridge Scheduler's payload, or none) and its report, as JSON objects. */
public final class ScheduledEvents {

    private ScheduledEvents() {
    }

    public static Map<String, Object> read(InputStream input) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = LambdaJson.MAPPER.convertValue(LambdaJson.read(input), Map.class);
        return event;
    }

    public static void write(Map<String, Object> report, OutputStream output) throws IOException {
        LambdaJson.MAPPER.writeValue(output, report);
    }
}
