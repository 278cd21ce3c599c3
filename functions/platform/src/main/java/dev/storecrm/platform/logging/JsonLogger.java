package dev.storecrm.platform.logging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes each line it lets through as one {@link JsonLine} to its sink. */
final class JsonLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Level threshold;
    private final transient Consumer<String> sink;
    private final transient Clock clock;

    JsonLogger(String name, Level threshold, Consumer<String> sink, Clock clock) {
        this.name = name;
        this.threshold = threshold;
        this.sink = sink;
        this.clock = clock;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String format, Object[] arguments,
                                               Throwable error) {
        List<LogField> fields = new ArrayList<>();
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof LogField field) {
                    fields.add(field);
                }
            }
        }
        String message = MessageFormatter.basicArrayFormat(format, arguments);
        Map<String, String> context = MDC.getCopyOfContextMap();
        sink.accept(JsonLine.of(level.name(), message, error, context == null ? Map.of() : context, fields,
                clock.instant()));
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }
}
