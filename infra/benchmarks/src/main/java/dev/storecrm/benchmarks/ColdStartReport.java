package dev.storecrm.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** The cold-start benchmark's table: per function its times, the ratio to the baseline, classes, jar. */
final class ColdStartReport {

    private ColdStartReport() {}

    static void print(PrintStream out, List<ColdStartRuns.Result> baselines, List<ColdStartRuns.Result> streamBaselines,
                      List<ColdStartRuns.Result> results, List<String> missing) {
        double baseline = median(baselines);
        double stream = median(streamBaselines);
        out.printf("%n%-36s %8s %8s %8s %7s %7s %8s %9s %8s%n", "function", "min s", "median s", "init s", "ratio",
                "stream", "classes", "jar MB", "entries");
        for (ColdStartRuns.Result b : baselines) {
            out.printf("%-36s %8.3f %8.3f %8.3f %7s %7.2f %8d %9s %8s%n", "baseline", b.min(), b.median(),
                    b.medianInit(), "1.00", b.median() / stream, b.classes(), "-", "-");
        }
        for (ColdStartRuns.Result b : streamBaselines) {
            out.printf("%-36s %8.3f %8.3f %8.3f %7.2f %7s %8d %9s %8s%n", "baseline, stream handler", b.min(),
                    b.median(), b.medianInit(), b.median() / baseline, "1.00", b.classes(), "-", "-");
        }
        for (ColdStartRuns.Result r : results) {
            out.printf("%-36s %8.3f %8.3f %8.3f %7.2f %7.2f %8d %9.1f %8d%n", r.name(), r.min(), r.median(),
                    r.medianInit(), r.median() / baseline, r.median() / stream, r.classes(), r.jarBytes() / 1048576.0,
                    r.jarEntries());
        }
        out.printf("%nratio: a function's median over the baseline's (%.3f s, the median of its runs before and "
                + "after the functions; its Map input goes through the runtime's serializer); target 1.3 or less%n"
                + "stream: over the stream-handler baseline's (%.3f s; the runtime's serializer not loaded)%n",
                baseline, stream);
        if (!missing.isEmpty()) {
            out.println("not measured: "
                    + String.join(", ", missing));
        }
    }

    private static double median(List<ColdStartRuns.Result> runs) {
        return ColdStartRuns.Result.median(runs.stream().flatMap(b -> b.seconds().stream()).toList());
    }
}
