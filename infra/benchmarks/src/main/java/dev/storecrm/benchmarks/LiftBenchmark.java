package dev.storecrm.benchmarks;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.Template;
import dev.storecrm.simulation.PlantedEffects;
import dev.storecrm.simulation.SimulationOptions;
import dev.storecrm.simulation.StoreLift;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code ./dev bench lift}: a long quiet store whose members answer each journey's mail with a planted, known
 * effect (docs/campaigns.md, "The planted effects"); prints per journey the planted effect, the truth the lift
 * report should find, the report's estimate and its 95 % interval. Fails (exit status 1) if an interval misses its
 * truth or a journey with an effect has no held-out members.
 */
final class LiftBenchmark {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    private LiftBenchmark() {}

    static void run(Options options) {
        int members = options.integer("members", 2000);
        int days = options.integer("days", 120);
        long seed = options.integer("seed", 20270104);
        String holdout = options.values().getOrDefault("holdout", "50");
        PlantedEffects effects = options.values().containsKey("effects")
                ? PlantedEffects.parse(options.values().get("effects")) : PlantedEffects.defaults();
        Path work = Template.projectRoot().resolve("infra/benchmarks/target/bench/lift/" + members);
        SimulationOptions store = new SimulationOptions(members, days, seed, false, START, work.resolve("mail"))
                .withEffects(effects);
        System.out.printf("Lift benchmark: a quiet store (no faults) of %,d members over %d days from %s, seed %d,"
                + " %s %% of every journey held out%n", members, days, START, seed, holdout);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        StoreLift.Measured measured;
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            measured = StoreLift.measure(cloud, store, holdout, quiet);
        }
        System.out.printf("  simulated in %.0f s%n%n", measured.seconds());
        System.out.println("Conversion within the attribution window, treated against held out, of each journey's"
                + " first step, summed over variants and weeks (percentage points):");
        System.out.print(measured.render());
        System.out.println("planted: what the mail adds for a member who saw it; truth: the planted effect times the"
                + " share of the treated who saw the mail (the report compares everyone assigned to get it)");
        if (!measured.failures().isEmpty()) {
            throw new IllegalStateException("the lift report missed the planted truth: " + measured.failures());
        }
        System.out.println("Every interval contains its planted truth.");
    }
}
