package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The main job, {@code ./dev run}: a simulated store run through the real handlers in the local
 * cloud (see {@link SimulationRun}); {@code --samples} runs the sample events of {@code events/}
 * instead ({@link SampleRun}). Exits with status 1 if an invariant broke or anything was lost, 2 on
 * a bad option.
 */
public final class LocalStoreRun {

    private LocalStoreRun() {}

    public static void main(String[] args) throws IOException {
        int status = run(List.of(args));
        // DynamoDB Local leaves a non-daemon thread behind that would keep the JVM alive for minutes.
        System.exit(status);
    }

    /** The simulated store set up SMS: an origination identity (a pool), unless a run names another. */
    static void useSms() {
        String parameter = Template.PARAMETER_PROPERTY + "SmsOriginationIdentity";
        if (System.getProperty(parameter) == null) {
            System.setProperty(parameter,
                    "arn:aws:sms-voice:us-east-1:" + Template.ACCOUNT_ID + ":pool/pool-simulation");
        }
    }

    private static int run(List<String> args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.contains("--help") || args.contains("-h")) {
            out.println(SimulationOptions.USAGE);
            return 0;
        }
        if (args.contains("--samples")) {
            return SampleRun.run(out, !args.contains("--no-poison"));
        }
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args, Template.projectRoot().resolve("target/simulation"));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            out.println("./dev run: " + e.getMessage());
            out.println(SimulationOptions.USAGE);
            return 2;
        }
        options.platform().useTemplateParameters(); // a store on Shopify or Stripe deploys with their event sources
        useSms();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            SimulationRun.Result result = SimulationRun.execute(cloud, options, out);
            return result.invariants().violations().isEmpty() ? 0 : 1;
        }
    }
}
