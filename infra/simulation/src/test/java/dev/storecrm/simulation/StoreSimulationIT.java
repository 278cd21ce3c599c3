package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.LocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job in small: 200 members over 30 simulated days with every fault injected
 * (duplicated and reordered events, poison messages, SES throttling), through the real handlers
 * in the local cloud. Every whole-system invariant must hold, and must have been put to the test.
 */
class StoreSimulationIT {

    private static LocalCloud cloud;
    private static SimulationRun.Result result;
    private static String printed;

    @TempDir
    static Path output;

    @BeforeAll
    static void run() {
        cloud = LocalCloud.start().provision();
        // The faults include SES throttling, and the invariants follow bounces and the send pace.
        cloud.assume(LocalCloud.Feature.SES_THROTTLING);
        cloud.assume(LocalCloud.Feature.SES_EVENTS);
        cloud.assume(LocalCloud.Feature.SES_SEND_TIMES);
        // Starts in February so that birthdays, 29 February (on 1 March in 2027 by default) and the
        // American daylight saving change of 14 March fall inside the thirty days.
        SimulationOptions options = new SimulationOptions(200, 30, 20270104L, true, LocalDate.of(2027, 2, 20), output);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = SimulationRun.execute(cloud, options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void everyInvariantHoldsUnderFaults() {
        assertEquals(java.util.List.of(), result.invariants().violations(), printed);
        assertTrue(printed.contains("All invariants hold."), printed);
    }

    @Test
    void everyInvariantWasPutToTheTest() {
        for (Invariants.Checked checked : result.invariants().checked()) {
            assertTrue(checked.cases() > 0, checked.invariant() + " checked no case at all");
        }
    }

    @Test
    void theFaultsWereReallyInjected() {
        StoreSimulation.Outcome outcome = result.outcome();
        assertTrue(outcome.duplicates() > 0, "duplicated events");
        assertTrue(outcome.delayed() > 0, "reordered events");
        assertTrue(outcome.throttledSends() > 0, "SES throttling");
        assertTrue(outcome.poison().size() >= 3, "poison messages on each consumer queue");
    }

    /**
     * Every custom metric series is billed every month (0.30 USD): the functions emit only what an alarm or the
     * dashboard reads (the sender's outcomes, the reputation guard's pause, rejects and failures, server errors)
     * and their own few counts; the other outcomes and the staff doors' ordinary answers are in the logs only.
     */
    @Test
    void theFunctionsEmitOnlyTheMetricSeriesSomethingReads() throws java.io.IOException {
        java.util.List<String> series = java.nio.file.Files.readAllLines(output.resolve("metric-series.txt"));
        assertTrue(series.contains("sender/MessagesSent"), "the dashboard's sent mail: " + series);
        java.util.List<String> unread = series.stream()
                .filter(s -> s.matches(".*/[A-Za-z]+[1-4][0-9][0-9]") && !s.contains("/Webhook")
                        || s.contains("/Messages") && !s.startsWith("sender/") && !s.endsWith("/MessagesRejected")
                        && !s.endsWith("/MessagesFailed") && !s.equals("ses-feedback/MessagesMarketingPaused"))
                .toList();
        assertEquals(java.util.List.of(), unread, "metric series nothing reads (each one billed monthly)");
        assertTrue(series.size() <= 25, series.size() + " metric series: " + series);
    }

    /** Late, duplicated and imported events all lie inside the contract's windows: only the poison is refused. */
    @Test
    void noEventOfTheStoreIsRefusedOnlyThePoison() {
        java.util.Set<String> poison = result.outcome().poison().stream().map(StoreSimulation.Poisoned::messageId)
                .collect(Collectors.toSet());
        java.util.List<String> refused = Invariants.scan(cloud, "RejectsTable").stream()
                .filter(reject -> !poison.contains(reject.get("messageId").s()))
                .filter(reject -> !CareMailCheck.refusedCustomerMail(reject))
                .map(reject -> reject.get("consumer").s() + " " + reject.get("reason").s() + ": "
                        + reject.get("detail").s())
                .toList();
        assertEquals(java.util.List.of(), refused);
        assertTrue(result.outcome().delayed() > 0, "late events were delivered");
    }

    @Test
    void everyJourneySentMail() {
        Map<String, Long> byJourney = new TreeMap<>(Invariants.scan(cloud, "SendLedgerTable").stream()
                .filter(entry -> entry.containsKey("journey") && "SENT".equals(entry.get("status").s()))
                .collect(Collectors.groupingBy(entry -> entry.get("journey").s(), Collectors.counting())));
        for (String journey : java.util.List.of("birthday", "win-back", "cart", "dispute")) {
            assertTrue(byJourney.keySet().stream().anyMatch(j -> j.startsWith(journey)),
                    journey + " sent nothing; mail by journey: " + byJourney);
        }
        assertEquals(cloud.sentMail().size() + cloud.sms().sent().size(),
                byJourney.values().stream().mapToLong(Long::longValue).sum(),
                "every e-mail SES accepted and every text End User Messaging SMS accepted is in the send ledger once");
    }

    @Test
    void theReportShowsWhatEachJourneyDidAndTheArchive() {
        for (String section : java.util.List.of("Import day and go-live ramp", "Mail sent, by journey and day",
                "Coupons", "Carts (CartStatsTable)", "Members woken", "Lift: treated against held out", "Disputes",
                "Rejected events, by reason",
                "Member archive at the end", "Points (PointsLedgerTable)", "DynamoDB capacity, by function",
                "Invariants")) {
            assertTrue(printed.contains("\n" + section), "the report's section " + section);
        }
        java.util.regex.Matcher erased = java.util.regex.Pattern.compile("\nPrivacy: erasure requests \\((\\d+)\\)")
                .matcher(printed);
        assertTrue(erased.find(), "the report's section on erasure requests");
        assertTrue(printed.contains("(12 of " + (200 - Integer.parseInt(erased.group(1)))
                + " members; the whole archive is MembersTable)"), "erased members are gone from the archive: "
                + printed);
        assertTrue(printed.contains("sim-c-00001"), "the archive table names members by id");
        String lift = printed.substring(printed.indexOf("\nLift: treated against held out"),
                printed.indexOf("\nDisputes"));
        assertTrue(lift.contains("win-back") && lift.contains("birthday"), "the lift report has the lines of the "
                + "win-back steps and the birthday greeting, fed by the sender and LiftFunction: " + lift);
        assertTrue(printed.matches("(?s).*\\nredeemed +[1-9].*"), "the checkout redeemed points: " + printed);
    }

    @Test
    void theMailCanBeOpenedInABrowser() throws Exception {
        String index = Files.readString(result.mailIndex());
        assertTrue(index.contains("<table"), "an index page");
        long pages;
        try (var files = Files.list(result.mailIndex().getParent())) {
            pages = files.filter(f -> !f.equals(result.mailIndex()) && f.toString().endsWith(".html")).count();
        }
        assertEquals(result.mail().size(), pages, "one page per e-mail sent");
        assertTrue(printed.contains("Open the mail in a browser: "), printed);
    }
}
