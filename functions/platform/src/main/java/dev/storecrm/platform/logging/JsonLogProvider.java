package dev.storecrm.platform.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The functions' SLF4J 2 provider (found through {@code META-INF/services}): every line one JSON object
 * ({@link JsonLine}) on standard output, which Lambda sends to CloudWatch Logs. It replaces log4j 2 and
 * Powertools' log4j layout, which wrote the same fields with about a quarter of the classes a function loads.
 *
 * <p>Levels: the project's own loggers ({@code dev.storecrm}) log from {@code POWERTOOLS_LOG_LEVEL}, else
 * Lambda's {@code AWS_LAMBDA_LOG_LEVEL}, else INFO ({@code FATAL} reads as ERROR, anything unknown as INFO); the
 * system property {@code storecrm.logLevel} overrides both (the benchmarks). Libraries (the SDK, Powertools'
 * metrics, the emulators in tests) log from WARN, or above the configured level if it is higher.
 *
 * <p>Where the classpath holds {@code storecrm-logging-test.properties} (the local cloud's, never a deployable
 * jar) the lines are appended to the file its {@code file} names instead, unless the system property
 * {@code storecrm.functionLog} names another, so tests can read what the functions logged.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private static final String OWN_LOGGERS = "dev.storecrm";
    private static final String LOCAL_SETTINGS = "storecrm-logging-test.properties";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter context = new BasicMDCAdapter();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private ILoggerFactory factory;

    @Override
    public void initialize() {
        Level own = level(System.getProperty("storecrm.logLevel", System.getenv("POWERTOOLS_LOG_LEVEL")),
                System.getenv("AWS_LAMBDA_LOG_LEVEL"));
        Level libraries = own.toInt() > Level.WARN.toInt() ? own : Level.WARN;
        Consumer<String> sink = sink();
        Clock clock = Clock.systemUTC();
        factory = name -> loggers.computeIfAbsent(name, n ->
                new JsonLogger(n, n.startsWith(OWN_LOGGERS) ? own : libraries, sink, clock));
    }

    /** The level the first of {@code settings} that is set names. */
    static Level level(String... settings) {
        for (String setting : settings) {
            if (setting != null && !setting.isBlank()) {
                String name = setting.strip().toUpperCase(Locale.ROOT);
                if (name.equals("FATAL")) {
                    return Level.ERROR;
                }
                for (Level level : Level.values()) {
                    if (level.name().equals(name)) {
                        return level;
                    }
                }
                return Level.INFO;
            }
        }
        return Level.INFO;
    }

    private static Consumer<String> sink() {
        String file = System.getProperty("storecrm.functionLog");
        if (file == null) {
            file = localFile();
        }
        if (file == null) {
            return System.out::println;
        }
        OutputStream out = open(file);
        return line -> write(out, line);
    }

    private static String localFile() {
        try (InputStream settings = JsonLogProvider.class.getClassLoader().getResourceAsStream(LOCAL_SETTINGS)) {
            if (settings == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(settings);
            return properties.getProperty("file");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static OutputStream open(String file) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(file).toAbsolutePath();
            java.nio.file.Files.createDirectories(path.getParent());
            return new FileOutputStream(path.toFile(), true);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static void write(OutputStream out, String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return context;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
