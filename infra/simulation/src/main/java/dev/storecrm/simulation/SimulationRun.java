package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalMetrics;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.simulation.bill.PriceTable;
import dev.storecrm.simulation.bill.RunBill;
import dev.storecrm.simulation.bill.UsageMeter;
import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One simulated run from start to report: the store played through the real handlers
 * ({@link StoreSimulation}), the mail written out as HTML ({@link MailFolder}), the report printed
 * ({@link SimulationReport}) and the invariants judged ({@link Invariants}).
 */
final class SimulationRun {

    /** What a run produced, and the functions and clock it ran with (the console serves them afterwards). */
    record Result(StoreSimulation.Outcome outcome, Invariants invariants, List<SentMail> mail, Path mailIndex,
                  LocalFunctions functions, SimulatedClock clock) {}

    /** Members of the archive shown in the report; the rest stay in the table. */
    private static final int ARCHIVE_ROWS = 12;

    private SimulationRun() {}

    static Result execute(LocalCloud cloud, SimulationOptions options, PrintStream out) {
        out.println("StoreCRM store simulation");
        out.println("  local cloud:  " + cloud.describe());
        out.println("  provisioned:  " + cloud.dynamoDb().listTables().tableNames().size() + " tables and "
                + cloud.queues().size() + " queues from " + cloud.template().file());
        StoreSimulation simulation = new StoreSimulation(cloud, options, out);
        UsageMeter meter = new UsageMeter();
        simulation.functions().observe(meter);
        StoreSimulation.Outcome outcome = simulation.run();
        List<SentMail> mail = simulation.operator().erasures().withoutTheirMail(cloud.sentMail());
        var wholeLedger = Invariants.scan(cloud, "SendLedgerTable");
        var ledger = ErasureRequests.withoutErased(wholeLedger);
        Path index = MailFolder.write(options.output().resolve("mail"), mail, ledger);
        SimulationReport report = new SimulationReport(cloud, simulation.functions(), options, outcome);
        Invariants invariants = Invariants.check(cloud, outcome,
                mail, ledger, simulation.functions().spec("SenderFunction").environment(),
                simulation.functions().spec("GreetingsFunction").environment());
        GoLiveCheck goLive = new GoLiveCheck(outcome, ledger, Invariants.scan(cloud, "WinBackTable"),
                simulation.functions().spec("CartRecoveryFunction").environment());
        goLive.judge(invariants);
        PointsInvariants.check(cloud, outcome.truth(), invariants);
        MessagingInvariants.check(ledger, cloud.sms().sent(), outcome.truth(),
                simulation.functions().spec("SenderFunction").environment(), invariants);
        FeedbackCheck.check(ledger, outcome.truth(), simulation.functions().spec("OrderFeedbackFunction")
                .environment(), invariants);
        CareMailCheck care = new CareMailCheck(cloud);
        care.check(ledger, mail, invariants);
        HoldoutCheck holdouts = new HoldoutCheck(cloud, ledger,
                simulation.functions().spec("GreetingsFunction").environment());
        holdouts.check(invariants);
        LiftCouponCheck.check(cloud, invariants);
        ReferralCheck referrals = new ReferralCheck(cloud);
        referrals.check(simulation.store().members(), invariants);
        RfmCheck rfm = new RfmCheck(cloud, simulation.functions().spec("RfmFunction").environment(), outcome.end());
        rfm.check(MemberPolicySettings.from(new Settings(simulation.functions().spec("MemberArchiveFunction")
                .environment())), outcome.end(), invariants);
        simulation.operator().check(cloud, invariants);
        simulation.operator().erasures().check(invariants);
        simulation.operator().burst().check(ledger, cloud.sms().sent(), invariants);
        // The campaign's counts include its erased members' entries (under a pseudonym, keyed as before).
        String broadcast = simulation.operator().broadcast().check(wholeLedger, outcome.truth(), invariants);
        String festival = FestivalSends.check(ledger, outcome.truth(), simulation.functions(), outcome.start(),
                outcome.end(), invariants);

        out.println();
        out.print(report.summary());
        section(out, "Import day and go-live ramp", goLive.report(simulation.store().importDay().figures()));
        section(out, "Mail sent, by journey and day (" + mail.size() + " e-mails)", report.messages());
        section(out, "SMS sent, by journey (" + cloud.sms().sent().size() + " texts, End User Messaging SMS emulator)",
                MessagingInvariants.smsByJourney(cloud.sms().sent(), ledger));
        section(out, "Coupons", report.coupons());
        section(out, "Holdouts (send ledger: steps held out against steps sent)", holdouts.report());
        section(out, "Broadcast (BroadcastsFunction, signed; send ledger)", broadcast);
        section(out, "Festival campaigns (FestivalCampaigns: 春节 and member days; FestivalCampaignsFunction daily;"
                + " send ledger)", festival);
        section(out, "Carts (CartStatsTable)", report.carts());
        section(out, "Members woken (CareListsFunction /wake-up)", report.wakeUp());
        section(out, "Lift: treated against held out (CareListsFunction /lift; revenue and incremental revenue in "
                + "minor units)", report.lift());
        section(out, "Order follow-up answers (FeedbackLandingFunction; CareListsFunction GET /order-feedback)",
                simulation.followUps().report(outcome.start(), outcome.end(), invariants));
        section(out, "Disputes", report.disputes());
        section(out, "Customer mail (CareMailTable)", care.report(outcome.end()));
        section(out, "Agents' replies (CareDeskFunction POST /care/conversations/{id}/replies, an agent's token)",
                simulation.agents().report());
        section(out, "Rejected events, by reason (kept in RejectsTable)", report.rejects());
        section(out, "Privacy: erasure requests (" + simulation.operator().erasures().requested() + ")",
                simulation.operator().erasures().report());
        var archiveSettings = new Settings(simulation.functions().spec("MemberArchiveFunction").environment());
        var policy = MemberPolicySettings.from(archiveSettings);
        section(out, "Member archive at the end (MembersTable)",
                new ArchiveReport(cloud, policy, outcome.end()).members(ARCHIVE_ROWS));
        section(out, "Points (PointsLedgerTable)", PointsReport.of(cloud));
        section(out, "Referrals (ReferralsTable)", referrals.report());
        section(out, "RFM segments and audiences at the end (RfmTable, today's counts)", rfm.report());
        section(out, "Operator actions (MemberViewFunction POST /members/{id}/actions, signed)",
                simulation.operator().report());
        section(out, "Reputation guard (complaint burst; CareListsFunction GET /reputation)",
                simulation.operator().burst().report(ledger));
        section(out, "DynamoDB capacity, by function", SimulationReport.capacity());
        String said = simulation.voice().report();
        if (!said.isEmpty()) {
            section(out, "What the store said through " + options.platform().label() + " and its backend (deliveries)",
                    said);
        }
        StringBuilder verdict = new StringBuilder();
        Map<String, List<Invariants.Violation>> broken = invariants.violations().stream()
                .collect(Collectors.groupingBy(Invariants.Violation::invariant));
        for (Invariants.Checked checked : invariants.checked()) {
            List<Invariants.Violation> cases = broken.getOrDefault(checked.invariant(), List.of());
            verdict.append(String.format("  %-84s %s%n", checked.invariant() + " (" + checked.cases() + " checked)",
                    cases.isEmpty() ? "holds" : "BROKEN " + cases.size() + " times"));
            cases.stream().limit(10).forEach(v -> verdict.append("      ").append(v.detail()).append('\n'));
        }
        section(out, "Invariants", verdict.toString());
        var bill = RunBill.of(PriceTable.standard(), cloud, simulation.functions(), meter, outcome.start(),
                outcome.end(), options.members(), outcome.events());
        section(out, "The AWS bill of the simulated period (us-east-1 list prices, free tiers left out;"
                + " docs/benchmarks.md \"What a store pays\")", bill.render());
        Path series = options.output().resolve("metric-series.txt");
        try {
            Files.write(series, LocalMetrics.series());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("The custom metric series (each billed as one metric): " + series.toAbsolutePath());
        out.println("Open the mail in a browser: " + opener() + " " + index.toAbsolutePath());
        out.println(invariants.violations().isEmpty() ? "All invariants hold."
                : invariants.violations().size() + " invariant violations: the run FAILED.");
        return new Result(outcome, invariants, mail, index, simulation.functions(), simulation.clock());
    }

    private static void section(PrintStream out, String title, String body) {
        out.println();
        out.println(title);
        out.print(body);
    }

    private static String opener() {
        String os = System.getProperty("os.name", "").toLowerCase();
        return os.contains("mac") ? "open" : os.contains("win") ? "start" : "xdg-open";
    }
}
