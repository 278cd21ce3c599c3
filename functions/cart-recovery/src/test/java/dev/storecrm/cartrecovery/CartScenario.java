package dev.storecrm.cartrecovery;

import dev.storecrm.domain.cart.CartDayStats;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.dynamodb.DynamoDbCartStats;
import dev.storecrm.platform.dynamodb.DynamoDbCouponAllowance;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A store in the local cloud for cart-recovery tests: events published on the store bus from the
 * {@code events/} samples, time moved on with the timer sweep run as its schedule would, every
 * queue drained through the real handlers, and what the operator or the member would see: mail
 * the SES emulator received, the send ledger, the coupons, the daily report.
 */
final class CartScenario {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Template.projectRoot().resolve("events");

    final LocalCloud cloud;
    final SimulatedClock clock;
    final LocalFunctions functions;
    final DynamoDbSendLedger ledger;
    final DynamoDbCouponBook coupons;
    final DynamoDbCouponAllowance allowance;
    final DynamoDbCartStats stats;
    private final CouponCodes codes;

    CartScenario(LocalCloud cloud, Instant start, Map<String, String> environment) {
        this.cloud = cloud;
        this.clock = new SimulatedClock(start);
        this.functions = cloud.functions(clock, environment);
        this.ledger = new DynamoDbSendLedger(cloud.dynamoDb(), cloud.tableName("SendLedgerTable"),
                Duration.ofDays(400));
        this.codes = new CouponCodes(Secrets.read(cloud.secretsManager(),
                functions.spec("CartRecoveryFunction").environment().get("COUPON_CODE_KEY_SECRET")));
        this.coupons = new DynamoDbCouponBook(cloud.dynamoDb(), cloud.tableName("CouponsTable"), codes,
                new dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes(cloud.dynamoDb(),
                        cloud.tableName("ReputationTable"), java.time.ZoneId.of("Asia/Shanghai")));
        this.allowance = new DynamoDbCouponAllowance(cloud.dynamoDb(), cloud.tableName("CouponAllowancesTable"));
        this.stats = new DynamoDbCartStats(cloud.dynamoDb(), cloud.tableName("CartStatsTable"));
    }

    /** A member with an address, locale, time zone and marketing consent, registered through the member archive. */
    void member(String customerId, String email, String name, String locale, String zone) {
        cloud.eventBus().publish(Events.memberRegistered(customerId).at("2026-11-01T00:00:00Z").email(email).name(name)
                .locale(locale).timeZone(zone).json(), "test", clock.instant());
        functions.drainAll();
    }

    /** A sample of {@code events/}, given a new event id and time, and changed by {@code edit}. */
    static String sample(String file, String id, String occurredAt, Consumer<ObjectNode> edit) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(SAMPLES.resolve(file)));
            event.put("id", id).put("occurredAt", occurredAt);
            edit.accept((ObjectNode) event.get("body"));
            return event.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local date-time in Shanghai, the store's zone ({@code 2026-11-23T10:00:00}), as an instant. */
    static Instant local(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    static String sample(String file, String id, String occurredAt) {
        return sample(file, id, occurredAt, body -> { });
    }

    /** Publishes an event on the store bus at its own time (the clock moves there first) and drains every queue. */
    List<String> publish(String event) {
        Instant at = occurredAt(event);
        if (at.isAfter(clock.instant())) {
            advanceTo(at);
        }
        List<String> queues = cloud.eventBus().publish(event, "storefront", clock.instant());
        functions.drainAll();
        return queues;
    }

    /** Publishes an event and lets CartRecoveryFunction take its copy before any other consumer. */
    void publishToCartsFirst(String event) {
        cloud.eventBus().publish(event, "storefront", clock.instant());
        functions.drain("CartRecoveryFunction");
        functions.drainAll();
    }

    /**
     * Moves time on as the deployed stack lives it: the sweep runs in every minute in which a timer
     * falls due (20 seconds into it), and every queue drains after each run. The minutes in between,
     * in which no timer is due, are skipped: their sweeps would read nothing.
     */
    void advanceTo(Instant target) {
        functions.drainAll();
        for (int runs = 0; ; runs++) {
            if (runs > 10_000) {
                throw new IllegalStateException("timers keep falling due: a timer loop?");
            }
            Optional<Instant> next = nextFiring();
            if (next.isEmpty() || next.get().isAfter(target)) {
                break;
            }
            Instant at = next.get().isAfter(clock.instant()) ? next.get() : clock.instant();
            at = at.truncatedTo(ChronoUnit.MINUTES).plusSeconds(20);
            sweepAt(at.isAfter(target) ? target : at.isBefore(clock.instant()) ? clock.instant() : at);
        }
        sweepAt(target);
    }

    private void sweepAt(Instant at) {
        clock.set(at);
        while (sweep()) {
            functions.drainAll();
        }
        functions.drainAll();
    }

    /** When the earliest timer falls due. */
    private Optional<Instant> nextFiring() {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("TimersTable"))).items().stream()
                .filter(item -> item.containsKey("dueAt"))
                .map(item -> Instant.parse(item.get("dueAt").s()))
                .min(Instant::compareTo);
    }

    void advanceTo(String offsetDateTime) {
        advanceTo(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    /** One run of TimerSweepFunction; true when more timers were due than one run delivers. */
    boolean sweep() {
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) functions.invoke("TimerSweepFunction",
                ScheduledEvents.asMap(clock.instant()));
        return (Boolean) report.get("more");
    }

    List<SentMail> mailTo(String address) {
        return cloud.sentMailTo(address);
    }

    Optional<SendLedger.Entry> ledger(String businessKey) {
        return ledger.find(businessKey, true);
    }

    /** The coupon the product issued for a business key, if any (its code is derived from the key). */
    Optional<Coupon> couponOf(String businessKey) {
        return coupons.find(codes.codeFor("cart", businessKey));
    }

    /** How many coupons the CouponsTable holds. */
    int couponCount() {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("CouponsTable")).consistentRead(true)).count();
    }

    CartDayStats day(String isoDate) {
        LocalDate day = LocalDate.parse(isoDate);
        return stats.days(day, day).getFirst();
    }

    /** The cart's item as stored (for what an operator would see in the table). */
    Map<String, AttributeValue> cartItem(String cartId) {
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("CartsTable"))
                .key(Map.of("cartId", AttributeValue.fromS(cartId))).consistentRead(true)).item();
    }

    boolean timerArmed(String cartId) {
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("TimersTable"))
                .key(Map.of("timerId", AttributeValue.fromS("cart#" + cartId))).consistentRead(true)).hasItem();
    }

    List<Map<String, AttributeValue>> rejects() {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("RejectsTable"))).items();
    }

    static Instant occurredAt(String event) {
        return OffsetDateTime.parse(read(event).get("occurredAt").asText()).toInstant();
    }

    private static JsonNode read(String event) {
        try {
            return JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
