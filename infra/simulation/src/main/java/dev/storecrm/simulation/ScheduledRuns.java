package dev.storecrm.simulation;

import dev.storecrm.localcloud.FunctionSpec;
import dev.storecrm.localcloud.LocalActivity;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.ScheduleExpression;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When the template's schedules fire in the simulated store. Every enabled schedule of
 * template.yaml is played as written, except the timer sweep's every minute: it is played only in
 * the minutes in which a timer is due (the minutes in between would find nothing), read from the
 * timers table's due index, and read again only when something wrote to that table since.
 */
final class ScheduledRuns {

    static final String SWEEP = "TimerSweepFunction";

    private final LocalCloud cloud;
    private final Map<String, ScheduleExpression> schedules = new LinkedHashMap<>();
    private final List<String> timerShards = new ArrayList<>();
    private final ScheduleExpression sweepSchedule;
    private long timersReadAt = -1;
    private Optional<Instant> earliestTimer = Optional.empty();

    ScheduledRuns(LocalCloud cloud, LocalFunctions functions) {
        this.cloud = cloud;
        ScheduleExpression sweep = null;
        for (FunctionSpec spec : functions.specs()) {
            for (FunctionSpec.Schedule schedule : spec.schedules()) {
                if (!schedule.enabled()) {
                    continue;
                }
                ScheduleExpression expression = ScheduleExpression.parse(schedule.expression(), schedule.timeZone());
                if (spec.logicalId().equals(SWEEP)) {
                    sweep = expression;
                } else {
                    schedules.put(spec.logicalId(), expression);
                }
            }
        }
        if (sweep == null) {
            throw new IllegalStateException("template.yaml has no schedule for " + SWEEP);
        }
        this.sweepSchedule = sweep;
        int shards = SharedAdapters.timerShards(new Settings(functions.spec(SWEEP).environment()));
        for (int shard = 0; shard < shards; shard++) {
            timerShards.add("timers#" + shard);
        }
    }

    /** The scheduled functions other than the sweep, by logical id, with their schedule. */
    Map<String, ScheduleExpression> schedules() {
        return schedules;
    }

    /** When the sweep next finds work: its first firing at or after the earliest due timer. */
    Optional<Instant> nextSweep(Instant now) {
        return earliestTimer().map(due -> due.isAfter(now) ? sweepSchedule.nextAfter(due.minusNanos(1))
                : sweepSchedule.nextAfter(now.minusNanos(1)));
    }

    private Optional<Instant> earliestTimer() {
        String table = cloud.tableName("TimersTable");
        long version = LocalActivity.tableVersion(table);
        if (version == timersReadAt) {
            return earliestTimer;
        }
        Optional<Instant> earliest = Optional.empty();
        for (String shard : timerShards) {
            var items = cloud.dynamoDb().query(q -> q.tableName(table).indexName("DueByShard")
                    .keyConditionExpression("#shard = :shard").expressionAttributeNames(Map.of("#shard", "shard"))
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard))).limit(1)).items();
            for (var item : items) {
                Instant due = Instant.parse(item.get("dueAt").s());
                earliest = earliest.isEmpty() || due.isBefore(earliest.get()) ? Optional.of(due) : earliest;
            }
        }
        timersReadAt = version;
        earliestTimer = earliest;
        return earliest;
    }
}
