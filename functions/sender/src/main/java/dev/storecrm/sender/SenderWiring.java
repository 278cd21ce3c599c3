package dev.storecrm.sender;

import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.templates.OverrideTemplates;
import dev.storecrm.platform.LiftSettings;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.ReputationSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbBroadcastDelivery;
import dev.storecrm.platform.dynamodb.DynamoDbCarts;
import dev.storecrm.platform.dynamodb.DynamoDbFrequencyCap;
import dev.storecrm.platform.dynamodb.DynamoDbMailOutcomes;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOpenDisputes;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.dynamodb.DynamoDbTemplateOverrides;
import dev.storecrm.platform.messaging.ClasspathTemplates;
import dev.storecrm.platform.messaging.Pacer;
import dev.storecrm.platform.ses.SesMailSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import dev.storecrm.platform.metrics.MetricsFactory;

/** The composition root of SenderFunction: settings, clients, adapters, the service. */
record SenderWiring(SenderService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "sender";

    SenderWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private SenderWiring(SharedAdapters shared) {
        this(service(shared, shared.env(), SenderSettings.from(shared.env())),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()).counting(outcome -> true));
    }

    private static SenderService service(SharedAdapters shared, Settings env, SenderSettings settings) {
        SendRecords records = new SendRecords(shared.sendLedger(),
                new DynamoDbFrequencyCap(shared.dynamoDb(), env.required("FREQUENCY_CAP_TABLE")), shared.timers(),
                new Settlements(new DynamoDbMailOutcomes(shared.dynamoDb(), env.required("REPUTATION_TABLE")),
                        LiftSettings.recorder(shared, env),
                        new DynamoDbBroadcastDelivery(shared.dynamoDb(), env.required("REPUTATION_TABLE")),
                        settings.storeTimeZone()));
        return new SenderService(checks(shared, env), records, delivery(shared, env, settings), settings,
                shared.clock());
    }

    private static SendChecks checks(SharedAdapters shared, Settings env) {
        return new SendChecks(
                new DynamoDbMemberArchive(shared.dynamoDb(), env.required("MEMBERS_TABLE"), shared.clock()),
                MemberPolicySettings.from(env),
                new DynamoDbSuppressionList(shared.dynamoDb(), env.required("SUPPRESSIONS_TABLE")),
                new DynamoDbOpenDisputes(shared.dynamoDb(), env.required("DISPUTES_TABLE")),
                DynamoDbCarts.forSendTimeChecks(shared.dynamoDb(), env.required("CARTS_TABLE")),
                ReputationSettings.store(shared, ReputationSettings.policy(env)));
    }

    /** The bundled templates under the live overrides of the TemplateOverridesTable, read at most once a minute. */
    private static OverrideTemplates templates(SharedAdapters shared, Settings env) {
        return new OverrideTemplates(new ClasspathTemplates(),
                new DynamoDbTemplateOverrides(shared.dynamoDb(), env.required("TEMPLATE_OVERRIDES_TABLE")),
                Duration.ofSeconds(env.longValue("TEMPLATE_CACHE_SECONDS", 60)), shared.clock());
    }

    private static Delivery delivery(SharedAdapters shared, Settings env, SenderSettings settings) {
        return new Delivery(
                new MessageRenderer(templates(shared, env), settings.supportedLocales(), settings.defaultLocale(),
                        settings.subjectPrefixes()),
                new SesMailSender(shared.aws().sesV2(), env.optional("FROM_NAME", ""), env.required("FROM_ADDRESS"),
                        env.required("SES_CONFIGURATION_SET")),
                new LinkTokens(
                        Secrets.read(shared.aws().secretsManager(), env.required("UNSUBSCRIBE_KEY_SECRET")),
                        settings.unsubscribeValidity(), shared.clock()),
                Pacer.share(settings.accountRate(), settings.instances()),
                SmsChannel.from(env, Optional.ofNullable(env.optional("SMS_ORIGINATION_IDENTITY", null))
                        .map(identity -> shared.aws().endUserMessagingSms(identity,
                                Optional.ofNullable(env.optional("SMS_CONFIGURATION_SET", null))))));
    }
}
