package dev.storecrm.platform.dispute;

import dev.storecrm.domain.dispute.ChaseContacts;
import dev.storecrm.domain.dispute.ChasePlanner;
import dev.storecrm.domain.dispute.DisputeMessages;
import dev.storecrm.domain.dispute.DisputeRecorder;
import dev.storecrm.domain.dispute.RulePacks;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.platform.GoLiveSettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbDisputeHistory;
import dev.storecrm.platform.dynamodb.DynamoDbDisputes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The dispute workflow's parts, built once from a function's settings: the rule packs (bundled
 * {@code dispute-rules/*.json}, then {@code DISPUTE_RULES} overrides and {@code DISPUTE_REMINDER_HOURS}),
 * the chase planner and the messages (both under the go-live guard, {@code GO_LIVE_AT}), the DynamoDB
 * stores and the recorder that DisputeFunction and DisputeQueueFunction share (the outbox and the
 * timers from {@link SharedAdapters}).
 */
public record DisputeComponents(DisputeRecorder recorder, ChasePlanner planner, DynamoDbDisputes disputes,
                                DynamoDbDisputeHistory history) {

    public static DisputeComponents from(SharedAdapters shared) {
        Settings env = shared.env();
        ZoneId storeZone = ZoneId.of(env.required("STORE_TIME_ZONE"));
        RulePacks packs = RulePacks.load(DisputeComponents::resource, env.optional("DISPUTE_RULES", ""),
                RulePacks.hours(env.optional("DISPUTE_REMINDER_HOURS", "")));
        GoLivePolicy goLive = GoLiveSettings.from(env);
        ChasePlanner planner = new ChasePlanner(packs, storeZone, goLive);
        Optional<String> agentLocale =
                Optional.of(env.optional("DISPUTE_AGENT_LOCALE", env.optional("DEFAULT_LOCALE", "zh-CN")));
        ChaseContacts contacts = new ChaseContacts(
                new Recipient.Address(env.required("DISPUTE_AGENT_ADDRESS"),
                        Optional.of(env.optional("DISPUTE_AGENT_NAME", "Customer care")), agentLocale,
                        Optional.of(storeZone)),
                new Recipient.Address(env.required("DISPUTE_ESCALATION_ADDRESS"), Optional.of("Escalation"),
                        agentLocale, Optional.of(storeZone)),
                storeZone);
        DynamoDbDisputeHistory history = new DynamoDbDisputeHistory(shared.dynamoDb(),
                env.required("DISPUTE_HISTORY_TABLE"));
        DynamoDbDisputes disputes = new DynamoDbDisputes(shared.dynamoDb(), env.required("DISPUTES_TABLE"), history,
                shared.clock());
        DisputeRecorder recorder = new DisputeRecorder(disputes, history, planner,
                new DisputeMessages(planner, contacts, goLive), shared.outbox(), shared.timers(), shared.clock());
        return new DisputeComponents(recorder, planner, disputes, history);
    }

    /** A file of the function's jar, e.g. {@code dispute-rules/aliexpress.json}. */
    static Optional<String> resource(String path) {
        try (InputStream in = DisputeComponents.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
