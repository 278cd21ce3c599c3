package dev.storecrm.woocommerceadapter;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import dev.storecrm.platform.adapter.ReconciliationMarks;
import dev.storecrm.platform.adapter.ReconciliationMarks.Mark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled reconciliation of WooCommerce orders. WooCommerce does not retry a webhook delivery
 * that failed, merges updates and disables a webhook after repeated failures, so every run reads the
 * orders modified since the last sweep through the store's REST API ({@code modified_after}, oldest
 * id first) and publishes each through the webhook's own mapping ({@link WooCommerceOrders}): the same
 * events under the same ids, which the consumers apply once, so an order both delivered and
 * reconciled counts once and one whose delivery failed is not lost.
 *
 * <p>What a run costs follows the orders that changed: one read and one write of its mark
 * ({@link ReconciliationMarks}) and one REST page per {@code perPage} changed orders (one page when
 * none changed). A sweep longer than {@code maxPagesPerRun} pages goes on in the next run from where
 * it stopped (a page back, in case orders before it were deleted meanwhile); the sweep after it reads
 * from when this one began, less {@code overlap} for the store's clock and for orders saved while it
 * ran. An order the mapping refuses is kept in the RejectsTable, once per order and modification.
 */
public final class WooCommerceReconciliationService {

    /** The mark's name in the ReconciliationTable. */
    static final String MARK = "woocommerce-orders";

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceReconciliationService.class);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /**
     * @param overlap        how far before the last sweep's start a sweep reads again
     * @param firstLookback  how far back the first sweep ever reads (the history import covers the rest)
     * @param perPage        orders per REST page (at most 100)
     * @param maxPagesPerRun pages one run reads before it leaves the rest of its sweep to the next run
     */
    public record Policy(Duration overlap, Duration firstLookback, int perPage, int maxPagesPerRun) {

        public Policy {
            if (perPage < 1 || perPage > WooCommerceRestClient.MAX_PER_PAGE || maxPagesPerRun < 1
                    || overlap.isNegative() || firstLookback.isNegative()) {
                throw new IllegalArgumentException("a reconciliation reads 1 to 100 orders a page, at least a page a"
                        + " run, over a positive overlap and first look-back");
            }
        }
    }

    /**
     * What a run did.
     *
     * @param complete whether the sweep finished (otherwise the next run goes on with it)
     * @param saved    whether the mark was saved (false: an overlapping run saved another first)
     */
    public record Report(int pages, int orders, int published, int refused, boolean complete, boolean saved,
                         Instant since) {

        /** The run's report as the scheduled invocation returns it. */
        public Map<String, Object> asMap() {
            return Map.of("pages", pages, "orders", orders, "published", published, "refused", refused,
                    "complete", complete, "saved", saved, "since", since.toString());
        }
    }

    private final WooCommerceRestClient rest;
    private final ReconciliationMarks marks;
    private final WooCommerceOrders orders;
    private final AdapterPublisher publisher;
    private final AdapterRejects rejects;
    private final Policy policy;
    private final Clock clock;

    public WooCommerceReconciliationService(WooCommerceRestClient rest, ReconciliationMarks marks,
                                            WooCommerceOrders orders, AdapterPublisher publisher,
                                            AdapterRejects rejects, Policy policy) {
        this.rest = rest;
        this.marks = marks;
        this.orders = orders;
        this.publisher = publisher;
        this.rejects = rejects;
        this.policy = policy;
        this.clock = rejects.clock();
    }

    /** One run: the orders modified since the mark, page by page, then the mark moved on. */
    public Report run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Mark mark = marks.read(MARK)
                .orElseGet(() -> new Mark(now.minus(policy.firstLookback()), 1, Optional.empty(), 0));
        Instant sweepStart = mark.sweepStartedAt().orElse(now);
        Map<String, String> query = Map.of("modified_after", gmt(mark.since().minus(policy.overlap())),
                "dates_are_gmt", "true", "orderby", "id", "order", "asc");
        int page = mark.inProgress() ? Math.max(1, mark.nextPage() - 1) : 1;
        int pages = 0;
        int seen = 0;
        int published = 0;
        int refused = 0;
        boolean complete = false;
        while (!complete && pages < policy.maxPagesPerRun()) {
            WooCommerceRestClient.Page result = rest.page("orders", query, page, policy.perPage());
            pages++;
            for (JsonNode order : result.items()) {
                seen++;
                int count = reconcile(order);
                published += Math.max(0, count);
                refused += count < 0 ? 1 : 0;
            }
            complete = result.last() || result.items().isEmpty();
            page++;
        }
        Mark next = complete ? new Mark(sweepStart, 1, Optional.empty(), mark.revision())
                : new Mark(mark.since(), page, Optional.of(sweepStart), mark.revision());
        boolean saved = marks.save(MARK, next);
        LOG.info("woocommerce reconciliation run", entry("since", mark.since().toString()), entry("pages", pages),
                entry("orders", seen), entry("published", published), entry("refused", refused),
                entry("complete", complete), entry("markSaved", saved));
        return new Report(pages, seen, published, refused, complete, saved, mark.since());
    }

    /** Publishes one order's events; answers how many, or -1 if the order was refused and kept. */
    private int reconcile(JsonNode order) {
        String id = order.path("id").asText("unknown");
        String modified = order.path("date_modified_gmt").asText("");
        String messageId = "rest:order:" + id + ":" + modified;
        try {
            Mapping mapping = orders.map(Payload.of(order, "order"));
            List<String> published = publisher.publish(mapping);
            mapping.alsoKept().ifPresent(part -> rejects.keptInPart(messageId, Optional.empty(), Optional.of("order"),
                    part, order.toString()));
            LOG.info("woocommerce order reconciled", entry("orderId", id), entry("outcome", mapping.outcome()),
                    entry("published", published));
            return published.size();
        } catch (InvalidInputException refused) {
            InvalidInputException named = new InvalidInputException(refused.reason(),
                    "WooCommerce REST order " + id + " (modified " + modified + "): " + refused.detail());
            rejects.refused(messageId, Optional.empty(), Optional.of("order"), named, order.toString());
            return -1;
        }
    }

    /** A time as the REST API reads it with {@code dates_are_gmt}: ISO 8601 in UTC, no offset. */
    static String gmt(Instant at) {
        return GMT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
