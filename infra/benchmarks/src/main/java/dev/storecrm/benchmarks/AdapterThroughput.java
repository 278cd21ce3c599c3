package dev.storecrm.benchmarks;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalActivity;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.TableScan;
import dev.storecrm.platform.adapter.SignedDeliveries;
import dev.storecrm.platform.adapter.WebhookRequest;
import dev.storecrm.simulation.platform.Line;
import dev.storecrm.simulation.platform.Shopper;
import dev.storecrm.simulation.platform.ShopifyPayloads;
import dev.storecrm.simulation.platform.StripePayloads;
import dev.storecrm.simulation.platform.WooCommercePayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The four adapters on the local cloud, one platform topic at a time: N payloads of the topic (the
 * simulation's, built from the full-size samples of events/) through the real adapter function
 * under its IAM policy, measuring how fast they went (relative figures: the local cloud, not
 * Lambda), the canonical events and {@code PutEvents} calls they made, and the DynamoDB capacity
 * units the adapter consumed (its order owners, the signed webhook's replay table), per platform
 * event. Every payload must map: a refusal, a failed message or a non-2xx answer stops the run.
 */
final class AdapterThroughput {

    /** One topic through one adapter. */
    record Phase(String adapter, String topic, int events, double seconds, long canonicalEvents, long putEventsCalls,
                 double readUnits, double writeUnits) {

        double perSecond() {
            return events / Math.max(seconds, 1e-9);
        }
    }

    private static final Instant AT = Instant.parse("2027-02-01T02:00:00Z");
    private static final List<String> CONSUMER_QUEUES = List.of("MemberArchiveQueue", "CartRecoveryQueue",
            "DisputeQueue");

    private final LocalCloud cloud;
    private final LocalFunctions functions;
    private final List<Phase> phases = new ArrayList<>();
    /** The signed webhook's canonical events, numbered on across passes (it refuses an id it published). */
    private final EventFactory events = new EventFactory(new Random(7));
    /** The number of the first payload of each topic (another range for a warm-up pass). */
    private int first;

    /** @param functions the template's functions, at a clock after {@link #AT} */
    AdapterThroughput(LocalCloud cloud, LocalFunctions functions) {
        this.cloud = cloud;
        this.functions = functions;
    }

    /** The clock the functions should read: an hour after the payloads' time. */
    static Instant clock() {
        return AT.plus(Duration.ofHours(1));
    }

    /** Every adapter's topics, {@code n} payloads each. */
    List<Phase> measure(int n) {
        return measure(n, 0);
    }

    /**
     * As {@link #measure(int)}, numbering the payloads (their customers, orders, ids) from
     * {@code first}: a pass with another range, such as a warm-up's, neither repeats nor replays them.
     */
    List<Phase> measure(int n, int first) {
        this.first = first;
        phases.clear();
        shopify(n);
        stripe(n);
        wooCommerce(n);
        signedWebhook(n);
        return List.copyOf(phases);
    }

    private static Shopper shopper(int i) {
        return new Shopper("Bench Member " + i, "bench." + i + "@example.com", i % 2 == 0 ? "zh-CN" : "en", "CN");
    }

    private static long total(int i) {
        return (30 + i % 770) * 100L;
    }

    private static List<Line> lines(int i) {
        return List.of(new Line("SKU-" + i % 97, "Bench tea " + i % 97, 1, total(i)));
    }

    private void shopify(int n) {
        ShopifyPayloads shopify = new ShopifyPayloads("CNY");
        String bus = ShopifyPayloads.PARTNER_SOURCE;
        IntFunction<ShopifyPayloads.Order> order = i -> new ShopifyPayloads.Order(5_820_000_000_000L + i,
                7_290_000_000_000L + i, shopper(i), lines(i), total(i), 38_570_000_000_000L + i, token(i), List.of(),
                AT, null, null);
        partnerBus("ShopifyAdapterFunction", "customers/create", n, bus, i -> shopify.webhook(bus, "customers/create",
                id("customer", i), AT, shopify.customer(7_290_000_000_000L + i, shopper(i), AT, AT)));
        partnerBus("ShopifyAdapterFunction", "customers/email_marketing_consent_update", n, bus, i -> shopify.webhook(
                bus, "customers/email_marketing_consent_update", id("consent", i), AT,
                shopify.emailConsent(7_290_000_000_000L + i, shopper(i).email(), true, AT)));
        partnerBus("ShopifyAdapterFunction", "checkouts/create", n, bus, i -> shopify.webhook(bus, "checkouts/create",
                id("checkout", i), AT, shopify.checkout(38_570_000_000_000L + i, token(i), 7_290_000_000_000L + i,
                        shopper(i), lines(i), total(i), AT, AT)));
        partnerBus("ShopifyAdapterFunction", "orders/create", n, bus, i -> shopify.webhook(bus, "orders/create",
                id("order", i), AT, shopify.order(order.apply(i))));
        partnerBus("ShopifyAdapterFunction", "orders/paid", n, bus, i -> {
            ShopifyPayloads.Order placed = order.apply(i);
            return shopify.webhook(bus, "orders/paid", id("paid", i), AT, shopify.order(new ShopifyPayloads.Order(
                    placed.id(), placed.customerId(), placed.buyer(), placed.lines(), placed.totalMinor(),
                    placed.checkoutId(), placed.checkoutToken(), placed.discountCodes(), AT, AT, null)));
        });
        partnerBus("ShopifyAdapterFunction", "refunds/create", n, bus, i -> shopify.webhook(bus, "refunds/create",
                id("refund", i), AT, shopify.refund(929_000_000L + i, 5_820_000_000_000L + i, total(i) / 3,
                        "Bench refund", AT)));
        partnerBus("ShopifyAdapterFunction", "disputes/create", n, bus, i -> shopify.webhook(bus, "disputes/create",
                id("dispute", i), AT, shopify.dispute(598_000_000L + i, 5_820_000_000_000L + i, total(i),
                        "product_not_received", "needs_response", AT, AT.plus(Duration.ofDays(10)), null)));
    }

    private void stripe(int n) {
        StripePayloads stripe = new StripePayloads("CNY");
        String bus = StripePayloads.PARTNER_SOURCE;
        Map<String, String> metadata = Map.of("birthday", "--05-20", "time_zone", "Asia/Shanghai",
                "marketing_consent", "true");
        IntFunction<StripePayloads.Session> cart = i -> new StripePayloads.Session("cs_live_BenchCart" + i,
                "cus_Bench" + i, shopper(i), total(i), null, null, "https://buy.stripe.com/r/live_Bench" + i, true,
                AT.minus(Duration.ofHours(1)), AT);
        partnerBus("StripeAdapterFunction", "customer.created", n, bus, i -> stripe.event(bus, "customer.created",
                evt("customer", i), AT, stripe.customer("cus_Bench" + i, shopper(i), metadata, AT), null));
        partnerBus("StripeAdapterFunction", "checkout.session.expired", n, bus, i -> stripe.event(bus,
                "checkout.session.expired", evt("expired", i), AT, stripe.expired(cart.apply(i)), null));
        partnerBus("StripeAdapterFunction", "checkout.session.completed", n, bus, i -> stripe.event(bus,
                "checkout.session.completed", evt("completed", i), AT, stripe.completed(new StripePayloads.Session(
                        "cs_live_BenchPaid" + i, "cus_Bench" + i, shopper(i), total(i), "pi_3Bench" + i,
                        "cs_live_BenchCart" + i, null, true, AT, AT.plus(Duration.ofHours(24)))), null));
        partnerBus("StripeAdapterFunction", "refund.created", n, bus, i -> stripe.event(bus, "refund.created",
                evt("refund", i), AT, stripe.refund("re_3Bench" + i, "pi_3Bench" + i, total(i) / 3, AT), null));
        partnerBus("StripeAdapterFunction", "charge.dispute.created", n, bus, i -> stripe.event(bus,
                "charge.dispute.created", evt("dispute", i), AT, stripe.dispute("dp_1Bench" + i, "pi_3Bench" + i,
                        total(i), "product_not_received", "needs_response", AT, AT.plus(Duration.ofDays(10))), null));
    }

    private void wooCommerce(int n) {
        WooCommercePayloads woo = new WooCommercePayloads("CNY");
        byte[] secret = secret("WooCommerceWebhookSecret");
        IntFunction<WooCommercePayloads.Order> order = i -> new WooCommercePayloads.Order(5001 + i, 1001 + i,
                shopper(i), lines(i), total(i), List.of(), AT, null, null, List.of(), AT);
        url("WooCommerceAdapterFunction", "customer.created", n, i -> woo(woo, secret, "customer.created",
                id("woo customer", i), woo.customer(1001 + i, shopper(i), AT, AT)));
        url("WooCommerceAdapterFunction", "order.created", n, i -> woo(woo, secret, "order.created", id("woo order", i),
                woo.order(order.apply(i))));
        url("WooCommerceAdapterFunction", "order.updated (paid)", n, i -> {
            WooCommercePayloads.Order placed = order.apply(i);
            return woo(woo, secret, "order.updated", id("woo paid", i), woo.order(new WooCommercePayloads.Order(
                    placed.id(), placed.customerId(), placed.buyer(), placed.lines(), placed.totalMinor(), List.of(),
                    AT, AT, null, List.of(), AT)));
        });
        url("WooCommerceAdapterFunction", "order.updated (refunded)", n, i -> {
            WooCommercePayloads.Order placed = order.apply(i);
            return woo(woo, secret, "order.updated", id("woo refund", i), woo.order(new WooCommercePayloads.Order(
                    placed.id(), placed.customerId(), placed.buyer(), placed.lines(), placed.totalMinor(), List.of(),
                    AT, AT, null, List.of(new WooCommercePayloads.Refund(90_001 + i, "Bench refund", total(i) / 3)),
                    AT.plusSeconds(60))));
        });
    }

    private void signedWebhook(int n) {
        byte[] secret = secret("SignedWebhookSecret");
        long signedAt = clock().getEpochSecond();
        url("SignedWebhookFunction", "MemberRegistered", n, i -> SignedDeliveries.signedWebhook(
                events.registered(i, AT), signedAt, secret, "bench-registered-" + i));
        url("SignedWebhookFunction", "OrderPaid", n, i -> SignedDeliveries.signedWebhook(
                events.paid(i, i, AT, total(i)), signedAt, secret, "bench-paid-" + i));
    }

    private static WebhookRequest woo(WooCommercePayloads woo, byte[] secret, String topic, String deliveryId,
                                      ObjectNode body) {
        WooCommercePayloads.Delivery delivery = woo.delivery(topic, deliveryId, body);
        return SignedDeliveries.wooCommerce(delivery.headers(), delivery.body().toString(), secret, deliveryId);
    }

    /** Puts the payloads on the partner bus (not timed), then times the adapter draining its queue. */
    private void partnerBus(String function, String topic, int n, String bus, IntFunction<ObjectNode> payload) {
        for (int i = first; i < first + n; i++) {
            if (cloud.eventBus().publish(payload.apply(i), bus).isEmpty()) {
                throw new IllegalStateException(topic + " reached no queue: is the partner event source a parameter?");
            }
        }
        measured(function, topic, n, () -> {
            LocalFunctions.DrainReport report = functions.drain(function);
            if (report.failures().getOrDefault(function, 0) > 0) {
                throw new IllegalStateException(function + " failed messages of " + topic + ": " + report);
            }
        });
    }

    /** Builds the requests (not timed), then times posting them to the function URL one by one. */
    private void url(String function, String topic, int n, IntFunction<WebhookRequest> request) {
        List<WebhookRequest> requests = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            requests.add(request.apply(i));
        }
        measured(function, topic, n, () -> requests.forEach(r -> {
            int status = functions.invokeUrl(function, "POST", "/", "", r.headers(), r.body()).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException(function + " answered " + status + " to " + topic);
            }
        }));
    }

    private void measured(String function, String topic, int n, Runnable work) {
        CapacityRecorder.reset();
        long calls = LocalActivity.putEventsCalls();
        long entries = LocalActivity.putEventsEntries();
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double read = 0;
        double write = 0;
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals(function)) {
                read += usage.readUnits();
                write += usage.writeUnits();
            }
        }
        long kept = TableScan.count(cloud, "RejectsTable");
        if (kept > 0) {
            throw new IllegalStateException(function + " kept " + kept + " payloads in the RejectsTable (" + topic
                    + ")");
        }
        phases.add(new Phase(function.replace("Function", ""), topic, n, seconds,
                LocalActivity.putEventsEntries() - entries, LocalActivity.putEventsCalls() - calls, read, write));
        CONSUMER_QUEUES.forEach(queue -> cloud.sqs().purgeQueue(p -> p.queueUrl(cloud.queueUrl(queue))));
    }

    private byte[] secret(String logicalId) {
        return cloud.secretsManager().getSecretValue(g -> g.secretId(cloud.template().physicalName(logicalId)))
                .secretString().getBytes(StandardCharsets.UTF_8);
    }

    private static String token(int i) {
        return String.format("%032x", 0xbe7c000000L + i);
    }

    private static String id(String what, int i) {
        return UUID.nameUUIDFromBytes(("bench " + what + " " + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String evt(String what, int i) {
        return "evt_1Bench" + id(what, i).replace("-", "");
    }
}
