package dev.storecrm.platform.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** A scheduled run's input (EventBridge Scheduler's payload, or none) and its report, as JSON objects. */
public final class ScheduledEvents {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private ScheduledEvents() {
    }

    public static Map<String, Object> read(InputStream input) throws IOException {
        return LambdaJson.MAPPER.convertValue(LambdaJson.read(input), OBJECT);
    }

    public static void write(Map<String, Object> report, OutputStream output) throws IOException {
        LambdaJson.MAPPER.writeValue(output, report);
    }
}
