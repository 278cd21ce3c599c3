package dev.storecrm.importer;

import dev.storecrm.localcloud.Template;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./dev import}: a store's history published on its event bus, into the local cloud
 * ({@link LocalImportRun}) or, with {@code --bus}, into a deployed stack with the caller's AWS
 * credentials ({@link DeployedImport}). Exits 0 when the import is complete, 1 when it stopped (run
 * it again with {@code --resume}) or the local cloud lost something, 2 on a bad option.
 */
public final class HistoryImport {

    private HistoryImport() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status = run(List.of(args), out, System.getenv());
        // DynamoDB Local leaves a non-daemon thread behind that would keep the JVM alive for minutes.
        System.exit(status);
    }

    static int run(List<String> args, PrintStream out, Map<String, String> environment) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.println(ImportOptions.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, Path.of(System.getProperty("storecrm.callerDir", "")).toAbsolutePath());
        } catch (IllegalArgumentException e) {
            out.println("./dev import: " + e.getMessage());
            out.println("./dev import --help lists the options");
            return 2;
        }
        try {
            Optional<Importer.Result> result = options.bus().isPresent()
                    ? DeployedImport.run(options, out, environment)
                    : LocalImportRun.run(options, out, environment);
            return result.map(r -> r.stoppedBecause().isPresent() ? 1 : 0).orElse(0);
        } catch (IllegalArgumentException e) {
            out.println("./dev import: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // A file that cannot be read, AWS refusing the credentials or the Region, the store's API refusing the key.
            out.println("./dev import: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /** The StoreCurrency a stack has unless deployed with another: template.yaml's default. */
    static String templateCurrency() {
        return Template.ofProject("us-east-1").parameter("StoreCurrency").orElse("CNY");
    }
}
