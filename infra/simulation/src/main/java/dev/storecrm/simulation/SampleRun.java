package dev.storecrm.simulation;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalFunctions.DrainReport;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import java.io.IOException;
import java.io.PrintStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./dev run --samples}: start the local cloud, provision it from template.yaml, publish the
 * sample events of {@code events/} on the store's event bus in the order they happened (and the
 * poison messages of {@code events/invalid/} straight onto the member archive queue), let the real
 * handlers process them, and print what a store operator would see.
 *
 * <p>Returns status 1 if anything was lost: a message left in a dead-letter queue or a function
 * invocation that failed.
 */
final class SampleRun {

    private SampleRun() {}

    static int run(PrintStream out, boolean poison) throws IOException {
        long started = System.nanoTime();
        Path events = Template.projectRoot().resolve("events");
        List<SampleEvents.Sample> samples = SampleEvents.canonical(events);
        Instant now = samples.getLast().occurredAt().toInstant().plus(Duration.ofHours(1));

        out.println("StoreCRM local run");
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            out.println("  local cloud:  " + cloud.describe());
            out.println("  provisioned:  " + cloud.dynamoDb().listTables().tableNames().size() + " tables and "
                    + cloud.queues().size() + " queues from " + cloud.template().file());
            SimulatedClock clock = new SimulatedClock(now);
            LocalFunctions functions = cloud.functions(clock);

            Map<String, Integer> routed = new TreeMap<>();
            List<String> unrouted = new ArrayList<>();
            for (SampleEvents.Sample sample : samples) {
                List<String> queues =
                        cloud.eventBus().publish(sample.json(), "samples", sample.occurredAt().toInstant());
                queues.forEach(q -> routed.merge(q, 1, Integer::sum));
                if (queues.isEmpty()) {
                    unrouted.add(events.relativize(sample.file()).toString());
                }
            }
            int poisoned = 0;
            if (poison) {
                for (Path invalid : SampleEvents.invalid(events)) {
                    String body = Files.readString(invalid);
                    cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("MemberArchiveQueue")).messageBody(body));
                    poisoned++;
                }
            }
            out.println("  published:    " + samples.size() + " sample events on the store event bus; routed " + routed
                    + (poisoned > 0 ? "; " + poisoned + " poison messages straight onto MemberArchiveQueue" : ""));
            if (!unrouted.isEmpty()) {
                out.println("  not routed:   " + unrouted.size() + " (no consumer in template.yaml yet): " + unrouted);
            }
            DrainReport report = functions.drainAll();
            out.println("  processed:    " + report.messages() + " messages; failed attempts " + report.failures());

            var policy = MemberPolicySettings.from(new Settings(functions.spec("MemberArchiveFunction").environment()));
            ArchiveReport archive = new ArchiveReport(cloud, policy, now);
            out.println();
            out.println("Member archive (as of " + now + ")");
            out.print(archive.members());
            out.println();
            out.println("Rejected events (kept in RejectsTable with their reasons)");
            out.print(archive.rejects());
            DisputeReport disputes = new DisputeReport(cloud);
            out.println();
            out.println("Disputes (DisputesTable, with their history in DisputeHistoryTable)");
            out.print(disputes.disputes());
            out.print(disputes.history());
            out.println();
            out.println("Mail the SES emulator received");
            out.print(disputes.mail());
            out.println();
            out.println("DynamoDB capacity used");
            out.print(ArchiveReport.capacity());

            Map<String, Integer> deadLetters = cloud.deadLetters();
            out.println();
            out.printf("Done in %.1f s. Function logs: %s%n", (System.nanoTime() - started) / 1e9,
                    System.getProperty("storecrm.functionLog", "target/function-logs.jsonl"));
            if (!deadLetters.isEmpty() || !report.invocationErrors().isEmpty()) {
                out.println("LOST: dead-letter queues " + deadLetters + ", failed invocations "
                        + report.invocationErrors());
                return 1;
            }
            return 0;
        }
    }
}
