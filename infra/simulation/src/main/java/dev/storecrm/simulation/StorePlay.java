package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The simulated store played for a tool that wants what the functions receive in a store, not the
 * report: the cold-start benchmark takes each function's events from it. The run is {@code ./dev
 * run}'s canonical store at a size, with its SMS set-up, and no invariants checked.
 */
public final class StorePlay {

    private StorePlay() {}

    /** Plays {@code members} members for {@code days} days from {@code start}, telling {@code observer} of every
     * invocation. */
    public static void play(LocalCloud cloud, int members, int days, LocalDate start, Path output,
                            PrintStream progress, Consumer<LocalFunctions.Invocation> observer) {
        LocalStoreRun.useSms();
        SimulationOptions options = new SimulationOptions(members, days, 20270104L, false, start, output);
        StoreSimulation simulation = new StoreSimulation(cloud, options, progress);
        simulation.functions().observe(observer);
        simulation.run();
    }
}
