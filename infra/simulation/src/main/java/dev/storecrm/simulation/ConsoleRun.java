package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalConsoleServer;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalTokenIssuer;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev console}: simulates a store (the options of {@code ./dev run}), then serves the console
 * against the local cloud the simulation left behind, with the documented local users, until
 * stopped. {@code --port N} picks the port (default 8320).
 */
public final class ConsoleRun {

    static final int DEFAULT_PORT = 8320;

    private ConsoleRun() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> rest = new ArrayList<>(List.of(args));
        int port = DEFAULT_PORT;
        int at = rest.indexOf("--port");
        if (at >= 0 && at + 1 < rest.size()) {
            port = Integer.parseInt(rest.remove(at + 1));
            rest.remove(at);
        }
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(rest, Template.projectRoot().resolve("target/simulation"));
        } catch (IllegalArgumentException e) {
            out.println("./dev console: " + e.getMessage() + " (options: those of ./dev run, and --port N)");
            System.exit(2);
            return;
        }
        LocalStoreRun.useSms();
        LocalCloud cloud = LocalCloud.start().provision();
        LocalConsoleServer console = start(cloud, options, out, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            cloud.close();
            stopped.countDown();
        }));
        out.println();
        out.println("The console: " + console.url() + "   (Ctrl-C stops it)");
        out.println("Local users (user name / password / group):");
        for (LocalTokenIssuer.User user : LocalTokenIssuer.USERS) {
            out.printf("  %-9s %-17s %s%n", user.username(), user.password(), user.group());
        }
        stopped.await();
    }

    /**
     * Simulates the store, renders the template previews, and serves the console against the
     * functions of the run on {@code port} (0: any free port).
     */
    public static LocalConsoleServer start(LocalCloud cloud, SimulationOptions options, PrintStream out, int port)
            throws IOException {
        return serve(cloud, options, out, port).server();
    }

    /** The console served after a simulation, and the functions and clock behind it (tests add to the store). */
    public record Served(LocalConsoleServer server, LocalFunctions functions, SimulatedClock clock) {}

    /** {@link #start}, with the functions and clock behind the console. */
    public static Served serve(LocalCloud cloud, SimulationOptions options, PrintStream out, int port)
            throws IOException {
        SimulationRun.Result result = SimulationRun.execute(cloud, options, out);
        Path previews = TemplatePreview.render(Template.projectRoot().resolve("target/preview"));
        return new Served(new LocalConsoleServer(cloud, result.functions(), result.clock(), port, previews),
                result.functions(), result.clock());
    }
}
