package dev.storecrm.platform.logging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes each line it lets through as one {@link JsonLine} to its sink. */
final class JsonLogger extends AbstractLogger {

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
    public boolean isTraceEnabled(Marker marker) {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return enabled(Level.ERROR);
    }
}
