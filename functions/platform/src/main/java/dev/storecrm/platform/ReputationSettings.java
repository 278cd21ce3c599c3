package dev.storecrm.platform;

import dev.storecrm.domain.reputation.ReputationGuard;
import dev.storecrm.domain.reputation.ReputationPolicy;
import dev.storecrm.platform.dynamodb.DynamoDbSendingReputation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reputation guard from a function's settings: {@code REPUTATION_TABLE}, the pause thresholds
 * {@code REPUTATION_COMPLAINT_PERCENT} (template parameter {@code ReputationComplaintPausePercent}, 0.08) and
 * {@code REPUTATION_BOUNCE_PERCENT} ({@code ReputationBouncePausePercent}, 4), {@code REPUTATION_MIN_SENDS}
 * ({@code ReputationMinSends}, 1000) and {@code REPUTATION_WINDOW_HOURS} ({@code ReputationWindowHours}, 168).
 * The account alarms' names come as {@code ACCOUNT_BOUNCE_ALARM} and {@code ACCOUNT_COMPLAINT_ALARM}. A bad
 * value stops the function at start-up.
 */
public final class ReputationSettings {

    private ReputationSettings() {}

    public static ReputationPolicy policy(Settings env) {
        try {
            return new ReputationPolicy(
                    Double.parseDouble(env.optional("REPUTATION_COMPLAINT_PERCENT",
                            ReputationPolicy.DEFAULT_COMPLAINT_PERCENT)),
                    Double.parseDouble(env.optional("REPUTATION_BOUNCE_PERCENT",
                            ReputationPolicy.DEFAULT_BOUNCE_PERCENT)),
                    env.longValue("REPUTATION_MIN_SENDS", ReputationPolicy.DEFAULT_MIN_SENDS),
                    Duration.ofHours(env.longValue("REPUTATION_WINDOW_HOURS", ReputationPolicy.DEFAULT_WINDOW_HOURS)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reputation settings are invalid: " + e.getMessage(), e);
        }
    }

    /** The store of the guard's counts and state (ReputationTable). */
    public static DynamoDbSendingReputation store(SharedAdapters shared, ReputationPolicy policy) {
        return new DynamoDbSendingReputation(shared.dynamoDb(), shared.env().required("REPUTATION_TABLE"),
                policy.window());
    }

    public static ReputationGuard guard(SharedAdapters shared) {
        ReputationPolicy policy = policy(shared.env());
        return new ReputationGuard(store(shared, policy), policy, shared.clock());
    }

    /** The stack's account reputation alarms, by name (none where the function is not told them). */
    public static Map<String, ReputationGuard.Reason> accountAlarms(Settings env) {
        Map<String, ReputationGuard.Reason> alarms = new LinkedHashMap<>();
        String bounce = env.optional("ACCOUNT_BOUNCE_ALARM", "");
        String complaint = env.optional("ACCOUNT_COMPLAINT_ALARM", "");
        if (!bounce.isBlank()) {
            alarms.put(bounce, ReputationGuard.Reason.ACCOUNT_BOUNCE_RATE);
        }
        if (!complaint.isBlank()) {
            alarms.put(complaint, ReputationGuard.Reason.ACCOUNT_COMPLAINT_RATE);
        }
        return alarms;
    }
}
