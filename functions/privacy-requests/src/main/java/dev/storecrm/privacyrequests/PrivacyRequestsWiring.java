package dev.storecrm.privacyrequests;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.dynamodb.DynamoDbErasure;
import dev.storecrm.platform.dynamodb.DynamoDbPersonalData;
import dev.storecrm.platform.dynamodb.DynamoDbPrivacyRequests;
import dev.storecrm.platform.metrics.MetricsFactory;
import dev.storecrm.platform.s3.S3InboundMail;
import java.time.Clock;
import java.util.Map;

/** The composition root of PrivacyRequestsFunction: settings, clients, adapters, the service. */
record PrivacyRequestsWiring(PrivacyRequestsService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "privacy-requests";

    PrivacyRequestsWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private PrivacyRequestsWiring(SharedAdapters shared) {
        this(new PrivacyRequestsService(requests(shared), personalData(shared), eraser(shared), shared.clock()),
                shared.batch(CONSUMER, MetricsFactory.getMetricsInstance()));
    }

    static DynamoDbPrivacyRequests requests(SharedAdapters shared) {
        return new DynamoDbPrivacyRequests(shared.dynamoDb(), shared.env().required("PRIVACY_REQUESTS_TABLE"));
    }

    /** Every table an erasure reaches. */
    static DynamoDbErasure eraser(SharedAdapters shared) {
        Settings env = shared.env();
        return new DynamoDbErasure(shared.dynamoDb(), new DynamoDbErasure.Tables(env.required("MEMBERS_TABLE"),
                env.required("ORDERS_TABLE"), env.required("ORDER_OWNERS_TABLE"), env.required("POINTS_LEDGER_TABLE"),
                env.required("COUPONS_TABLE"), env.required("CARTS_TABLE"), env.required("SEND_LEDGER_TABLE"),
                env.required("DISPUTES_TABLE"), env.required("DISPUTE_HISTORY_TABLE"),
                env.required("OCCASIONS_TABLE"), env.required("WINBACK_TABLE"), env.required("TIMERS_TABLE"),
                env.required("REFERRALS_TABLE"), env.required("REJECTS_TABLE"), env.required("SUPPRESSIONS_TABLE"),
                env.required("FOLLOW_UPS_TABLE"), env.required("PRIVACY_REQUESTS_TABLE"),
                env.required("CARE_MAIL_TABLE"), env.required("RFM_TABLE"), (int) env.longValue("RFM_SHARDS", 4),
                env.required("FEEDBACK_ANSWERS_TABLE")),
                S3InboundMail.from(shared), shared.clock());
    }

    /** Every table that holds a member's data, read through the member's keys (both functions of the module). */
    static DynamoDbPersonalData personalData(SharedAdapters shared) {
        Settings env = shared.env();
        return new DynamoDbPersonalData(shared.dynamoDb(), new DynamoDbPersonalData.Tables(
                env.required("MEMBERS_TABLE"), env.required("ORDERS_TABLE"), env.required("POINTS_LEDGER_TABLE"),
                env.required("COUPONS_TABLE"), env.required("CARTS_TABLE"), env.required("SEND_LEDGER_TABLE"),
                env.required("DISPUTES_TABLE"), env.required("DISPUTE_HISTORY_TABLE"),
                env.required("OCCASIONS_TABLE"), env.required("WINBACK_TABLE"), env.required("SUPPRESSIONS_TABLE"),
                env.required("FEEDBACK_ANSWERS_TABLE")));
    }
}
