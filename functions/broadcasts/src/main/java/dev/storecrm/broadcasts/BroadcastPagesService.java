package dev.storecrm.broadcasts;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastAudience;
import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.broadcast.BroadcastPages;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.rfm.RfmBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one page of a broadcast's audience to the outbox, then puts the next page on the queue: the cost of a page
 * is one Query of the RfmTable's {@code ByGroup} index (or a slice of the listed members), one eventually
 * consistent GetItem per member, a coupon per treated member if the campaign has one, and one SendMessageBatch per
 * ten requests, whatever the audience's size. Per member: the holdout draw (held out: a request marked held out, no
 * coupon), the variant draw, the window read in the member's time zone (fallback: the store's) as the request's
 * {@code notBefore} and {@code notAfter}. The sender then applies consent, suppression, caps and quiet hours, and
 * its ledger sends each business key ({@code BROADCAST#<campaign>#<member>}) once, so a page handled twice sends
 * nothing twice. A cancelled broadcast's next page stops; a page that comes before the window opens anywhere
 * waits as a timer until it does.
 */
public final class BroadcastPagesService {

    /** What a page message did. */
    public enum Outcome { HANDED_OVER, LAST_PAGE, COUNTED_BEFORE, WAITING, STOPPED }

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastPagesService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** Where the audience and the members are read. */
    record Audiences(RfmBook rfm, MemberArchive members) {}

    private final BroadcastBook book;
    private final Audiences audiences;
    private final CouponBook coupons;
    private final MessageOutbox outbox;
    private final BroadcastPages pages;
    private final int pageSize;
    private final ZoneId storeZone;
    private final Clock clock;

    BroadcastPagesService(BroadcastBook book, Audiences audiences, CouponBook coupons, MessageOutbox outbox,
                          BroadcastPages pages, int pageSize, ZoneId storeZone, Clock clock) {
        this.book = book;
        this.audiences = audiences;
        this.coupons = coupons;
        this.outbox = outbox;
        this.pages = pages;
        this.pageSize = pageSize;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    /** Handles one page message. */
    public Outcome handle(String body) {
        BroadcastPage page = BroadcastPage.read(body);
        BroadcastBook.Stored stored = book.find(page.campaignId(), true).orElseThrow(() -> new InvalidInputException(
                RejectReason.SCHEMA_VIOLATION, "no broadcast " + page.campaignId()));
        Broadcast broadcast = stored.broadcast();
        Instant now = clock.instant();
        if (!stored.status().fansOut()) {
            LOG.info("broadcast page stopped", entry("campaignId", broadcast.campaignId()), entry("page", page.page()),
                    entry("status", stored.status().name()));
            return Outcome.STOPPED;
        }
        if (stored.pagesDone() >= page.page()) {
            // Counted before: a redelivery after a crash between the count and the next page. Hand the next on.
            stored.after().filter(after -> stored.pagesDone() == page.page())
                    .ifPresent(after -> pages.send(page.next(after), now));
            return Outcome.COUNTED_BEFORE;
        }
        Instant opens = broadcast.window().opensFirst();
        if (now.isBefore(opens)) {
            pages.send(page, opens);
            return Outcome.WAITING;
        }
        List<String> ids = read(broadcast.audience(), page.after().orElse(null));
        boolean last = ids.size() <= pageSize;
        List<String> served = ids.subList(0, Math.min(pageSize, ids.size()));
        BroadcastBook.PageCounts counts = handOver(broadcast, served, now);
        Optional<String> lastId = served.isEmpty() ? Optional.empty() : Optional.of(served.getLast());
        if (!book.recordPage(broadcast.campaignId(), page.page(), counts, lastId, last, now)) {
            return Outcome.COUNTED_BEFORE;
        }
        LOG.info("broadcast page handed over", entry("campaignId", broadcast.campaignId()),
                entry("page", page.page()), entry("members", counts.members()), entry("heldOut", counts.heldOut()),
                entry("last", last));
        if (last) {
            return Outcome.LAST_PAGE;
        }
        pages.send(page.next(lastId.orElseThrow()), now);
        return Outcome.HANDED_OVER;
    }

    /** The page's ids and one more (to know whether another page follows). */
    private List<String> read(BroadcastAudience audience, String after) {
        return switch (audience) {
            case BroadcastAudience.Group group -> audiences.rfm().members(group.group(), after, pageSize + 1);
            case BroadcastAudience.Members members -> members.page(after, pageSize + 1);
        };
    }

    private BroadcastBook.PageCounts handOver(Broadcast broadcast, List<String> ids, Instant now) {
        List<MessageRequest> requests = new ArrayList<>();
        Map<String, Long> queued = new HashMap<>();
        long heldOut = 0;
        long notFound = 0;
        for (String customerId : ids) {
            Optional<MemberRecord> member = audiences.members().find(customerId, false).map(Revisioned::value);
            if (member.isEmpty()) {
                notFound++;
                continue;
            }
            ZoneId zone = member.get().zoneAt(now).orElse(storeZone);
            Broadcast.Variant variant = broadcast.variantOf(customerId);
            Map<String, Object> data = new LinkedHashMap<>(content(variant, member.get().profile().locale()));
            data.put("campaign", broadcast.campaignId());
            data.put(BroadcastDelivery.VARIANT, variant.name()); // the lift report's line and the delivery counts
            data.putIfAbsent("link", false);
            data.putIfAbsent("linkText", false);
            data.put("coupon", false);
            Instant end = broadcast.window().endIn(zone);
            boolean held = broadcast.holdsOut(customerId);
            if (held) {
                heldOut++;
            } else {
                broadcast.coupon().ifPresent(offer -> data.put("coupon", coupon(broadcast, offer, customerId, end,
                        zone, now)));
                queued.merge(variant.name(), 1L, Long::sum);
            }
            MessageRequest request = MessageRequest.marketing(broadcast.businessKey(customerId), Broadcast.JOURNEY,
                    customerId, variant.templateId(), data, now).notBefore(broadcast.window().startIn(zone))
                    .notAfter(end);
            request = broadcast.capPriority().map(request::withCapPriority).orElse(request);
            requests.add(held ? request.heldOutOf() : request);
        }
        outbox.enqueueAll(requests);
        return new BroadcastBook.PageCounts(ids.size(), heldOut, notFound, queued);
    }

    private static Map<String, String> content(Broadcast.Variant variant, String locale) {
        Map<String, String> own = locale == null ? null : variant.content().get(locale);
        return own != null ? own : variant.content().values().iterator().next();
    }

    /** The member's coupon, issued once per business key (a page handled twice gets the same one). */
    private Map<String, Object> coupon(Broadcast broadcast, Broadcast.Offer offer, String customerId, Instant end,
                                       ZoneId zone, Instant now) {
        Coupon coupon = coupons.issue(new CouponBook.Issue(broadcast.businessKey(customerId),
                Broadcast.JOURNEY, customerId, offer.value(), now, end.plus(Duration.ofDays(offer.validDays()))));
        return Map.of("code", coupon.code(), "discount", coupon.value().describe(),
                "expiresAt", DAY.format(coupon.expiresAt().atZone(zone)));
    }
}
