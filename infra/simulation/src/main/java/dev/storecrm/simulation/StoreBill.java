package dev.storecrm.simulation;

import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.simulation.bill.AwsBill;
import dev.storecrm.simulation.bill.PriceTable;
import dev.storecrm.simulation.bill.RunBill;
import dev.storecrm.simulation.bill.UsageMeter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical store played for the cost benchmark: {@code ./dev run}'s store at a size, without
 * the report or the invariants, priced as the report's last section prices it. Each measure plays
 * in a fresh local cloud of its own, started after the store set up SMS as {@code ./dev run}'s
 * does (the template's parameters are read when the cloud starts: a cloud started before would
 * send no text, and the bill would leave SMS out).
 */
public final class StoreBill {

    /** The bill of a run, and what the store did per member and month (the projection's assumptions). */
    public record Measured(AwsBill bill, Map<String, Double> perMemberMonth) {}

    private StoreBill() {}

    public static Measured measure(int members, int days, LocalDate start, Path output, PrintStream progress) {
        LocalStoreRun.useSms();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            CapacityRecorder.reset();
            SimulationOptions options = new SimulationOptions(members, days, 20270104L, false, start, output);
            StoreSimulation simulation = new StoreSimulation(cloud, options, progress);
            UsageMeter meter = new UsageMeter();
            simulation.functions().observe(meter);
            StoreSimulation.Outcome outcome = simulation.run();
            AwsBill bill = RunBill.of(PriceTable.standard(), cloud, simulation.functions(), meter, outcome.start(),
                    outcome.end(), members, outcome.events());
            double memberMonths = members * (double) bill.days() / 30;
            Map<String, Double> rates = new TreeMap<>();
            outcome.truth().publishedByType().forEach((type, n) -> rates.put("events: " + type, n / memberMonths));
            rates.put("e-mails sent", cloud.sentMail().size() / memberMonths);
            rates.put("texts sent", cloud.sms().sent().size() / memberMonths);
            return new Measured(bill, rates);
        }
    }
}
