package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.OrderEvent;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.OrderHistory;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.money.Money;
import dev.storecrm.memberarchive.MemberArchiveService.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemberArchiveServiceTest {

    private static final MemberPolicy POLICY = new MemberPolicy(java.util.Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryArchive archive = new InMemoryArchive();
    private final List<OrderEvent> history = new ArrayList<>();
    private final OrderHistory orders = event -> history.add(event);
    private final List<String> redeemed = new ArrayList<>();
    private final CouponBook coupons = new CouponBook() {
        @Override
        public Coupon issue(Issue issue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Coupon> find(String code) {
            return Optional.empty();
        }

        @Override
        public Optional<Coupon> redeem(String code, String orderId, String customerId, Money total, Instant at) {
            redeemed.add(code + "@" + orderId);
            return Optional.empty();
        }

        @Override
        public List<Coupon> issuedTo(String customerId, String campaign, Instant since) {
            return List.of();
        }
    };
    private final MemberArchiveService service = new MemberArchiveService(archive, orders, coupons, POLICY, CLOCK);

    private static String sample(String name) throws Exception {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("events"))) {
                return Files.readString(d.resolve("events").resolve(name));
            }
        }
        throw new IllegalStateException("no events/ directory");
    }

    @Test
    void moneyInAnotherCurrencyIsRefusedBeforeAnythingIsWritten() throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.handle(EventParser.parse(sample("invalid/wrong-currency.json"))));
        assertEquals(RejectReason.WRONG_CURRENCY, refused.reason());
        assertTrue(refused.detail().contains("USD") && refused.detail().contains("CNY"), refused.detail());
        assertTrue(history.isEmpty());
        assertEquals(0, archive.saves);
    }

    @Test
    void aCartEventIsNotForThisConsumer() throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.handle(EventParser.parse(sample("invalid/cart-event-on-member-queue.json"))));
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused.reason());
    }

    @Test
    void aDuplicateIsRecognisedAndNotWrittenAgain() throws Exception {
        var paid = EventParser.parse(sample("member-archive/05-order-paid.json"));
        assertEquals(Outcome.APPLIED, service.handle(paid));
        assertEquals(Outcome.UNCHANGED, service.handle(paid));
        assertEquals(1, archive.saves);
    }

    @Test
    void anOrderPlacementGoesToTheHistoryOnly() throws Exception {
        assertEquals(Outcome.APPLIED, service.handle(EventParser.parse(sample("member-archive/04-order-placed.json"))));
        assertEquals(1, history.size());
        assertEquals(0, archive.saves);
        assertEquals(List.of(), redeemed, "no coupon on this order");
    }

    @Test
    void anOrderPlacedWithACouponRedeemsIt() throws Exception {
        service.handle(EventParser.parse(sample("member-archive/08-order-placed-large.json")));
        assertEquals(List.of("WELCOME-20@o-5002"), redeemed);
    }

    @Test
    void aConcurrentWriterIsDetectedAndTheEventReappliedOnAFreshRead() throws Exception {
        service.handle(EventParser.parse(sample("member-archive/01-member-registered.json")));
        archive.conflictsToSimulate = 2;
        assertEquals(Outcome.APPLIED, service.handle(EventParser.parse(sample("member-archive/05-order-paid.json"))));
        assertEquals(List.of(false, false, true, true), archive.consistentReads,
                "first read eventually consistent, retries consistent");
        assertEquals(399, MemberSummary.of(archive.find("c-1001", true).orElseThrow().value(), POLICY, CLOCK.instant()).points());
    }

    @Test
    void persistentContentionGoesBackToTheQueueInsteadOfLosingTheEvent() throws Exception {
        archive.conflictsToSimulate = MemberArchiveService.ATTEMPTS;
        assertThrows(ConcurrentUpdateException.class,
                () -> service.handle(EventParser.parse(sample("member-archive/05-order-paid.json"))));
    }

    /** A member archive in a map, with revisions, that can simulate concurrent writers. */
    static final class InMemoryArchive implements MemberArchive {
        final Map<String, Revisioned<MemberRecord>> records = new HashMap<>();
        final List<Boolean> consistentReads = new ArrayList<>();
        int conflictsToSimulate;
        int saves;

        @Override
        public Optional<Revisioned<MemberRecord>> find(String customerId, boolean consistentRead) {
            consistentReads.add(consistentRead);
            return Optional.ofNullable(records.get(customerId));
        }

        @Override
        public void save(MemberRecord record, MemberSummary summary, OptionalLong expectedRevision) {
            if (conflictsToSimulate > 0) {
                conflictsToSimulate--;
                throw new ConcurrentUpdateException("simulated");
            }
            Revisioned<MemberRecord> current = records.get(record.customerId());
            long currentRevision = current == null ? -1 : current.revision();
            if (expectedRevision.orElse(-1) != currentRevision) {
                throw new ConcurrentUpdateException("revision moved");
            }
            saves++;
            records.put(record.customerId(), new Revisioned<>(record, currentRevision + 1));
        }
    }
}
