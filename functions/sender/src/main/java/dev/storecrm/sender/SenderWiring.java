package dev.storecrm.sender;

import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.UnsubscribeTokens;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbCarts;
import dev.storecrm.platform.dynamodb.DynamoDbFrequencyCap;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOpenDisputes;
import dev.storecrm.platform.dynamodb.DynamoDbRejectStore;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbSuppressionList;
import dev.storecrm.platform.dynamodb.DynamoDbTimers;
import dev.storecrm.platform.messaging.ClasspathTemplates;
import dev.storecrm.platform.messaging.Pacer;
import dev.storecrm.platform.ses.SesMailSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The composition root of SenderFunction: settings, clients, adapters, the service. */
record SenderWiring(SenderService service, SqsBatchProcessor batch, Metrics metrics) {

    static final String CONSUMER = "sender";

    SenderWiring(Map<String, String> environment, Clock clock) {
        this(new Settings(environment), clock, new AwsClients(new Settings(environment)));
    }

    private SenderWiring(Settings env, Clock clock, AwsClients aws) {
        this(env, clock, aws, aws.dynamoDb(), SenderSettings.from(env), MetricsFactory.getMetricsInstance());
    }

    private SenderWiring(Settings env, Clock clock, AwsClients aws, DynamoDbClient dynamoDb, SenderSettings settings,
                         Metrics metrics) {
        this(new SenderService(
                        new DynamoDbMemberArchive(dynamoDb, env.required("MEMBERS_TABLE"), clock),
                        MemberPolicySettings.from(env),
                        new DynamoDbSuppressionList(dynamoDb, env.required("SUPPRESSIONS_TABLE")),
                        new DynamoDbOpenDisputes(dynamoDb, env.required("DISPUTES_TABLE")),
                        DynamoDbCarts.forSendTimeChecks(dynamoDb, env.required("CARTS_TABLE")),
                        new DynamoDbSendLedger(dynamoDb, env.required("SEND_LEDGER_TABLE"),
                                Duration.ofDays(env.longValue("LEDGER_RETENTION_DAYS", 400))),
                        new DynamoDbFrequencyCap(dynamoDb, env.required("FREQUENCY_CAP_TABLE")),
                        new DynamoDbTimers(dynamoDb, env.required("TIMERS_TABLE"), (int) env.longValue("TIMER_SHARDS", 2),
                                clock),
                        new MessageRenderer(new ClasspathTemplates(), settings.supportedLocales(), settings.defaultLocale(),
                                settings.subjectPrefixes()),
                        new SesMailSender(aws.sesV2(), env.optional("FROM_NAME", ""), env.required("FROM_ADDRESS"),
                                env.required("SES_CONFIGURATION_SET")),
                        new UnsubscribeTokens(Secrets.read(aws.secretsManager(), env.required("UNSUBSCRIBE_KEY_SECRET")),
                                settings.unsubscribeValidity(), clock),
                        Pacer.share(settings.accountRate(), settings.instances()),
                        settings, clock),
                new SqsBatchProcessor(CONSUMER,
                        new DynamoDbRejectStore(dynamoDb, env.required("REJECTS_TABLE"),
                                Duration.ofDays(env.longValue("REJECT_RETENTION_DAYS", 90))),
                        metrics, clock),
                metrics);
    }
}
