package dev.storecrm.simulation.bill;

import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FunctionSpec;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalMetrics;
import dev.storecrm.localcloud.ScheduleExpression;
import dev.storecrm.localcloud.SentSms;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quantities of a simulated run, priced: what was measured (invocations and their durations,
 * DynamoDB units, SQS messages, mail, texts) and, where the local run cannot see a quantity, a
 * documented assumption (each one is named in its line's basis and in docs/benchmarks.md).
 */
public final class RunBill {

    /** The sweep's minutes the simulation skips (nothing due) still run on AWS: assumed this long each. */
    static final long IDLE_SWEEP_MILLIS = 30;
    /** A query on an empty index still reads: 0.5 units (eventually consistent), one per timer shard. */
    static final double IDLE_SWEEP_READ_UNITS_PER_SHARD = 0.5;
    /** Lambda polls each SQS event source with 5 long polls of 20 s at a time: 15 receives a minute. */
    static final long IDLE_RECEIVES_PER_QUEUE_MINUTE = 15;
    /** Log bytes per invocation (START, END and REPORT lines, two JSON log lines, a metrics line). */
    static final long LOG_BYTES_PER_INVOCATION = 1_500;
    /** Log bytes per SQS message handled (one JSON line). */
    static final long LOG_BYTES_PER_MESSAGE = 400;
    /** Cold starts: assumed one per function per hour of the period at most (environments are recycled). */
    static final int HOURS_PER_DAY = 24;
    static final List<String> SECRET_VARIABLES = List.of("COUPON_CODE_KEY_SECRET", "UNSUBSCRIBE_KEY_SECRET",
            "SIGNED_WEBHOOK_SECRET", "WOOCOMMERCE_REST_KEY");
    static final String SWEEP = "TimerSweepFunction";

    private RunBill() {}

    /** The bill of the period {@code start}..{@code end} in which the store published {@code events}. */
    public static AwsBill of(PriceTable prices, LocalCloud cloud, LocalFunctions functions, UsageMeter meter,
                             Instant start, Instant end, long members, long events) {
        int days = (int) Math.max(1, Duration.between(start, end).toDays());
        Map<String, UsageMeter.Usage> usage = meter.byFunction();
        List<AwsBill.Line> lines = new ArrayList<>();
        long eventDriven = 0;
        long scheduled = 0;
        double gbSeconds = 0;
        long messages = 0;
        long batches = 0;
        long coldStarts = 0;
        long secretReads = 0;
        Set<String> secrets = new HashSet<>();
        for (FunctionSpec spec : functions.specs()) {
            UsageMeter.Usage used = usage.get(spec.logicalId());
            long invocations = used == null ? 0 : used.invocations();
            if (spec.schedules().isEmpty()) {
                eventDriven += invocations;
            } else {
                scheduled += invocations;
            }
            if (used != null) {
                gbSeconds += used.billedMillis() / 1000.0 * memoryMb(cloud, spec.logicalId()) / 1024.0;
                messages += used.sqsMessages();
                batches += used.sqsBatches();
            }
            List<String> read = SECRET_VARIABLES.stream().filter(spec.environment()::containsKey).toList();
            read.forEach(v -> secrets.add(spec.environment().get(v)));
            long starts = Math.min(invocations, (long) days * HOURS_PER_DAY);
            coldStarts += starts;
            secretReads += starts * read.size();
        }
        FunctionSpec sweep = functions.spec(SWEEP);
        long firings = 0;
        long sweepFirings = 0;
        for (FunctionSpec spec : functions.specs()) {
            for (FunctionSpec.Schedule schedule : spec.schedules()) {
                if (schedule.enabled()) {
                    var expression = ScheduleExpression.parse(schedule.expression(), schedule.timeZone());
                    long n = firings(expression, start, end);
                    firings += n;
                    sweepFirings += spec == sweep ? n : 0;
                }
            }
        }
        UsageMeter.Usage swept = usage.get(SWEEP);
        long idleSweeps = Math.max(0, sweepFirings - (swept == null ? 0 : swept.invocations()));
        int shards = SharedAdapters.timerShards(new Settings(sweep.environment()));
        long queues = functions.specs().stream().mapToLong(s -> s.sqsTriggers().size()).sum();
        double read = 0;
        double written = 0;
        for (CapacityRecorder.Usage units : CapacityRecorder.usage()) {
            read += units.readUnits();
            written += units.writeUnits();
        }
        long texts = 0;
        for (SentSms sms : cloud.sms().sent()) {
            texts += smsParts(sms.body());
        }
        long invocations = eventDriven + scheduled + idleSweeps;
        long minutes = Duration.between(start, end).toMinutes();
        lines.add(line(prices, "lambda.requests", eventDriven, false, "invocations measured (events, URLs)"));
        lines.add(line(prices, "lambda.requests", scheduled + idleSweeps, true, String.format(
                "scheduled invocations measured %,d + idle sweeps %,d", scheduled, idleSweeps)));
        lines.add(line(prices, "lambda.arm64.gbSeconds", gbSeconds, false,
                "measured local ms (rounded up per call) x MemorySize; local durations, not Lambda's"));
        lines.add(line(prices, "lambda.arm64.gbSeconds", idleSweeps * IDLE_SWEEP_MILLIS / 1000.0
                * memoryMb(cloud, SWEEP) / 1024.0, true, "idle sweeps x " + IDLE_SWEEP_MILLIS + " ms assumed"));
        lines.add(line(prices, "dynamodb.ondemand.read", read, false, "CapacityRecorder (ReturnConsumedCapacity)"));
        lines.add(line(prices, "dynamodb.ondemand.read", idleSweeps * shards * IDLE_SWEEP_READ_UNITS_PER_SHARD, true,
                "idle sweeps x " + shards + " shard queries x 0.5 assumed"));
        lines.add(line(prices, "dynamodb.ondemand.write", written, false,
                "CapacityRecorder (conditional misses at 1)"));
        lines.add(line(prices, "sqs.standard.requests", messages + 2 * batches, false, String.format(
                "%,d sends + %,d receives + %,d batch deletes", messages, batches, batches)));
        lines.add(line(prices, "sqs.standard.requests", queues * IDLE_RECEIVES_PER_QUEUE_MINUTE * minutes, true,
                queues + " event source mappings x 15 empty long polls a minute (assumed)"));
        lines.add(line(prices, "eventbridge.custom.events", events, false, "events the store published"));
        lines.add(line(prices, "scheduler.invocations", firings, true, "template.yaml's enabled schedules"));
        lines.add(line(prices, "ses.outbound", cloud.sentMail().size(), false, "mail the SES emulator accepted"));
        lines.add(line(prices, "sms.china.parts", texts, false, "texts accepted, split in parts (160/153, 70/67)"));
        lines.add(line(prices, "secretsmanager.calls", secretReads, true, String.format(
                "%,d cold starts (at most one per function and hour, assumed) x the secrets each reads", coldStarts)));
        lines.add(line(prices, "secretsmanager.secrets", secrets.size() * days / 30.0, true,
                secrets.size() + " secrets x " + days + "/30 months"));
        lines.add(line(prices, "cloudwatch.logs.ingested", (invocations * LOG_BYTES_PER_INVOCATION
                + messages * LOG_BYTES_PER_MESSAGE) / 1e9, false, "1.5 KB a call + 0.4 KB a message (assumed)"));
        int series = LocalMetrics.series().size();
        lines.add(line(prices, "cloudwatch.metrics", series * days / 30.0, true,
                series + " metric series the functions emitted (name x service) x " + days + "/30 months"));
        int alarms = cloud.template().resourcesOfType("AWS::CloudWatch::Alarm").size();
        int dashboards = cloud.template().resourcesOfType("AWS::CloudWatch::Dashboard").size();
        lines.add(line(prices, "cloudwatch.alarms", alarms * days / 30.0, true,
                alarms + " alarms in template.yaml x " + days + "/30 months"));
        lines.add(line(prices, "cloudwatch.dashboards", dashboards * days / 30.0, true,
                dashboards + " dashboards in template.yaml x " + days + "/30 months"));
        return new AwsBill(lines, days, members);
    }

    /** Message parts: GSM-7 text 160 characters in one part, else 153 a part; other text 70, else 67. */
    static long smsParts(String body) {
        boolean gsm = body.chars().allMatch(c -> c < 128);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return body.length() <= single ? 1 : (body.length() + part - 1) / part;
    }

    static long firings(ScheduleExpression schedule, Instant start, Instant end) {
        long n = 0;
        for (Instant t = schedule.nextAfter(start.minusNanos(1)); t.isBefore(end); t = schedule.nextAfter(t)) {
            n++;
        }
        return n;
    }

    private static int memoryMb(LocalCloud cloud, String function) {
        Object own = cloud.template().resource(function).properties().get("MemorySize");
        Object global = cloud.template().globals("Function").get("MemorySize");
        return Integer.parseInt(String.valueOf(own != null ? own : global));
    }

    private static AwsBill.Line line(PriceTable prices, String key, double quantity, boolean fixed, String basis) {
        return new AwsBill.Line(prices.price(key), BigDecimal.valueOf(quantity), fixed, basis);
    }
}
