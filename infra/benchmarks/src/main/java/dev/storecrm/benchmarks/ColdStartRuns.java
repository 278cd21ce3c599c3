package dev.storecrm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Runs a {@link ColdStartBenchmark.Subject} in fresh JVMs: {@code runs} timed ones, then one more
 * that logs the classes it loads (kept apart: the logging would slow the timed ones). Each JVM is
 * started as Lambda's Java runtime starts one (the serial collector, a heap of 85 % of the memory,
 * the class-data sharing archive), killed once it has answered; its output goes to a log file beside
 * the results, named in the error when a run fails.
 */
final class ColdStartRuns {

    /** A subject's figures: seconds to the answer and to the end of the init, per run; classes loaded. */
    record Result(String name, List<Double> seconds, List<Double> initSeconds, long classes, long jarBytes,
                  int jarEntries) {

        double median() {
            return median(seconds);
        }

        double min() {
            return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double medianInit() {
            return median(initSeconds);
        }

        static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private static final long TIMEOUT_SECONDS = 90;

    private final int runs;
    private final Path work;

    ColdStartRuns(int runs, Path work) {
        this.runs = runs;
        this.work = work;
    }

    Result of(ColdStartBenchmark.Subject subject) {
        List<Double> seconds = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long[] times = once(subject, Optional.empty());
            seconds.add(times[1] / 1e9);
            init.add(times[0] / 1e9);
        }
        Path classLog = work.resolve(fileName(subject) + ".classes.log");
        once(subject, Optional.of(classLog));
        long classes;
        try (var lines = Files.lines(classLog)) {
            classes = lines.filter(line -> line.contains("source:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bytes = subject.jar().map(ColdStartRuns::size).orElse(0L);
        int entries = subject.jar().map(ColdStartRuns::entries).orElse(0);
        return new Result(subject.name(), seconds, init, classes, bytes, entries);
    }

    /** One JVM: nanoseconds from its start to the end of the init, and to the answer. */
    private long[] once(ColdStartBenchmark.Subject subject, Optional<Path> classLog) {
        Path log = work.resolve(fileName(subject) + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:MaxHeapSize=" + subject.memory() * 85 / 100 + "m",
                "-Xshare:auto", "--enable-native-access=ALL-UNNAMED"));
        classLog.ifPresent(file -> command.add("-Xlog:class+load=info:file=" + file));
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator,
                subject.classpath().stream().map(Path::toString).toList()), ColdStartBenchmark.runtimeMainClass(),
                subject.handler()));
        try (RuntimeApi api = new RuntimeApi(subject.event(), "arn:aws:lambda:us-east-1:000000000000:function:"
                + subject.name())) {
            Files.createDirectories(work);
            Path taskRoot = Files.createDirectories(work.resolve("task"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.putAll(subject.environment());
            environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
            environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(subject.memory()));
            environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            environment.put("_HANDLER", subject.handler());
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                Optional<long[]> times = api.await(TIMEOUT_SECONDS);
                if (times.isEmpty() || api.error().isPresent()) {
                    throw new IllegalStateException(subject.name() + " did not answer: "
                            + api.error().orElse("no answer in " + TIMEOUT_SECONDS + " s") + " (its output: " + log
                            + ")");
                }
                return new long[] {times.get()[0] - started, times.get()[1] - started};
            } finally {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String fileName(ColdStartBenchmark.Subject subject) {
        return subject.name().replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int entries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
