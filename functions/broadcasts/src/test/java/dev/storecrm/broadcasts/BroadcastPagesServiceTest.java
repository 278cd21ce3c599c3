package dev.storecrm.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.broadcast.BroadcastJson;
import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.broadcast.BroadcastStatus;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.rfm.RfmBook;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmHistogram;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BroadcastPagesServiceTest {

    private static final Instant NOW = Instant.parse("2027-03-10T02:00:00Z");
    private static final String DEFINITION = """
            {"campaignId": "tea-week", "audience": {"segment": "loyal"}, "holdoutPercent": "50",
             "variants": [{"name": "A", "share": 100, "content": {"en": {"headline": "Tea week", "message": "Hi"},
                                                                 "zh-CN": {"headline": "茶周", "message": "您好"}}}],
             "window": {"start": "2027-03-10T09:00", "end": "2027-03-10T21:00"},
             "coupon": {"value": "10%", "validDays": 7}}""";

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryBroadcastBook book = new InMemoryBroadcastBook();
    private final InMemoryMembers members = new InMemoryMembers(StorePolicies.defaults().members(), clock);
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final List<String> queued = new ArrayList<>();
    private final List<String> loyal = IntStream.range(0, 7).mapToObj(i -> "c-" + i).toList();
    private final BroadcastPagesService service = new BroadcastPagesService(book,
            new BroadcastPagesService.Audiences(new Loyal(), members), coupons, outbox,
            (page, at) -> queued.add(page.json() + "@" + at), 3, StorePolicies.STORE_ZONE, clock);
    private final Broadcast broadcast = BroadcastJson.read(DEFINITION, Holdout.NONE);

    @Test
    void pagesHandEveryMemberOnceWithTheWindowInTheirZoneAndTheHeldOutWithoutCoupon() {
        loyal.forEach(id -> members.apply(Events.memberRegistered(id).at("2027-01-01T00:00:00Z")
                .timeZone(id.equals("c-1") ? "Europe/Berlin" : "Asia/Shanghai").locale(id.equals("c-2") ? "zh-CN"
                        : "en")));
        start();

        assertEquals(BroadcastPagesService.Outcome.HANDED_OVER, service.handle(BroadcastPage.first("tea-week").json()));
        assertEquals(BroadcastPagesService.Outcome.COUNTED_BEFORE,
                service.handle(BroadcastPage.first("tea-week").json()), "a redelivered page counts nothing");
        assertEquals(BroadcastPagesService.Outcome.HANDED_OVER, service.handle(new BroadcastPage("tea-week", 2,
                Optional.of("c-2")).json()));
        assertEquals(BroadcastPagesService.Outcome.LAST_PAGE, service.handle(new BroadcastPage("tea-week", 3,
                Optional.of("c-5")).json()));

        List<String> keys = outbox.requests().stream().map(MessageRequest::businessKey).distinct().toList();
        assertEquals(loyal.stream().map(broadcast::businessKey).toList(), keys, "every member, in id order");
        MessageRequest berlin = outbox.only(broadcast.businessKey("c-1"));
        assertEquals(Optional.of(Instant.parse("2027-03-10T08:00:00Z")), berlin.notBefore(), "09:00 in Berlin");
        assertEquals(Optional.of(Instant.parse("2027-03-10T20:00:00Z")), berlin.notAfter(), "21:00 in Berlin");
        assertEquals("茶周", outbox.only(broadcast.businessKey("c-2")).data().get("headline"), "the member's locale");
        for (String id : loyal) {
            MessageRequest request = outbox.requests().stream().filter(r -> r.businessKey().endsWith("#" + id))
                    .findFirst().orElseThrow();
            assertEquals(broadcast.holdsOut(id), request.heldOut(), id);
            assertEquals(!broadcast.holdsOut(id), coupons.forKey(broadcast.businessKey(id)).isPresent(),
                    "a coupon for the treated only: " + id);
        }
        BroadcastBook.Stored done = book.find("tea-week", true).orElseThrow();
        assertEquals(BroadcastStatus.SENT, done.status());
        long held = loyal.stream().filter(broadcast::holdsOut).count();
        assertTrue(held > 0 && held < loyal.size(), "the draw gives this test both cases");
        assertEquals(new BroadcastBook.PageCounts(7, held, 0, Map.of("A", 7 - held)), done.counts());
        assertEquals(List.of("{\"campaignId\":\"tea-week\",\"page\":2,\"after\":\"c-2\"}@" + NOW,
                "{\"campaignId\":\"tea-week\",\"page\":2,\"after\":\"c-2\"}@" + NOW,
                "{\"campaignId\":\"tea-week\",\"page\":3,\"after\":\"c-5\"}@" + NOW), queued,
                "the next page, again on the redelivery (in case the first was lost), none after the last");
    }

    @Test
    void aPageBeforeTheWindowWaitsAndACancelledBroadcastStops() {
        start();
        clock.set(Instant.parse("2027-03-09T18:00:00Z"));
        assertEquals(BroadcastPagesService.Outcome.WAITING, service.handle(BroadcastPage.first("tea-week").json()));
        assertEquals(List.of(BroadcastPage.first("tea-week").json() + "@2027-03-09T19:00:00Z"), queued,
                "until 09:00 at UTC+14");
        book.cancel("tea-week", "console:marketer", clock.instant());
        clock.set(NOW);
        assertEquals(BroadcastPagesService.Outcome.STOPPED, service.handle(BroadcastPage.first("tea-week").json()));
        assertEquals(List.of(), outbox.requests());
    }

    @Test
    void aMemberNotInTheArchiveIsCountedAndGetsNothing() {
        start();
        service.handle(new BroadcastPage("tea-week", 1, Optional.empty()).json());
        assertEquals(3, book.find("tea-week", true).orElseThrow().counts().notFound());
        assertEquals(List.of(), outbox.requests());
    }

    private void start() {
        book.create(broadcast, "console:marketer", NOW);
        book.schedule("tea-week", NOW);
    }

    /** The segment {@code loyal}: c-0 to c-6. */
    private final class Loyal implements RfmBook {
        @Override
        public List<String> members(RfmChange.Group group, String after, int limit) {
            return loyal.stream().filter(id -> after == null || id.compareTo(after) > 0).limit(limit).toList();
        }

        @Override
        public Optional<RfmState> find(String customerId, boolean consistentRead) {
            throw new UnsupportedOperationException("a broadcast reads memberships only");
        }

        @Override
        public RfmHistogram histogram(long fromWeek) {
            throw new UnsupportedOperationException("a broadcast reads memberships only");
        }

        @Override
        public void save(RfmChange change, LocalDate day) {
            throw new UnsupportedOperationException("a broadcast reads memberships only");
        }

        @Override
        public Map<RfmChange.Group, Long> counts(LocalDate day) {
            throw new UnsupportedOperationException("a broadcast reads memberships only");
        }
    }
}
