package dev.storecrm.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.EventMeta;
import dev.storecrm.domain.event.EventType;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.MemberEvent.StatusChange;
import dev.storecrm.domain.event.MemberEvent.TierChange;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.Credit;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.OrdersInMemory;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileChanges;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MemberItemMapperTest {

    private static final MemberPolicy POLICY = new MemberPolicy(Currency.getInstance("CNY"),
            MemberPolicy.Enrolment.SPEND_THRESHOLD, 10_000, BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));

    static Profile profile() {
        return new Profile("样例会员 王", "member@example.com", "+8613800000000", "zh-CN",
                ZoneId.of("Asia/Shanghai"), RecurringDate.parse("--02-29"),
                Map.of("wedding", RecurringDate.parse("2016-10-01")), "CN", ContactPreference.email,
                new Consent(true, Instant.parse("2026-03-01T02:12:00Z"), "registration"), "c-0999",
                new LunarDate(6, 15, true));
    }

    /** A member with every part of the item filled: profile, logs, purchases, an unfinished re-pricing. */
    static MemberRecord fullRecord() {
        List<StoreEvent> events = List.of(
                new MemberRegistered(meta("evt-1", EventType.MemberRegistered, "2026-03-01T02:12:00Z"), "c-1001",
                        new ProfileChanges(profile(), EnumSet.allOf(ProfileField.class))),
                new MemberUpdated(meta("evt-9", EventType.MemberUpdated, "2026-07-01T00:00:00.123456789Z"), "c-1001",
                        new ProfileChanges(Profile.EMPTY.with(ProfileField.PHONE, "+8613800000001")
                                .with(ProfileField.TIME_ZONE, ZoneId.of("Europe/Berlin")),
                                Set.of(ProfileField.PHONE, ProfileField.TIME_ZONE)), Optional.empty()),
                new MemberUpdated(meta("evt-7", EventType.MemberUpdated, "2026-08-01T10:00:00Z"), "c-1001",
                        ProfileChanges.NONE, Optional.of(new StatusChange(MembershipStatus.FROZEN,
                                "review | pending"))),
                new MemberUpdated(meta("evt-11", EventType.MemberUpdated, "2026-08-02T00:00:00Z"), "c-1001",
                        new ProfileChanges(Profile.EMPTY.with(ProfileField.BIRTHDAY_LUNAR, new LunarDate(12, 30,
                                false)),
                                Set.of(ProfileField.BIRTHDAY_LUNAR)), Optional.empty()),
                new MemberUpdated(meta("evt-12", EventType.MemberUpdated, "2026-08-03T00:00:00Z"), "c-1001",
                        new ProfileChanges(Profile.EMPTY, Set.of(ProfileField.BIRTHDAY_LUNAR)), Optional.empty()),
                new MemberUpdated(meta("evt-13", EventType.MemberUpdated, "2026-11-24T00:00:00Z"), "c-1001",
                        ProfileChanges.NONE, Optional.of(new StatusChange(MembershipStatus.ACTIVE, "ok",
                                "console:admin")),
                        Optional.of(new TierChange("VIP2", Instant.parse("2026-12-31T16:00:00Z"), "key | account",
                                "arn:aws:iam::123456789012:user/ops"))),
                paid("evt-3", "2026-06-18T13:41:05.5Z", "o-5002", 129_900),
                new OrderRefunded(meta("evt-4", EventType.OrderRefunded, "2026-06-25T02:00:00Z"), "o-5002", "c-1001",
                        "r-1", Money.of(20_000, "CNY"), null),
                new OrderRefunded(meta("evt-5", EventType.OrderRefunded, "2026-06-26T02:00:00Z"), "o-5002", "c-1001",
                        "r|2", Money.of(100, "CNY"), null),
                paid("evt-10", "2026-05-01T01:00:00Z", "o-5001", 9_000),
                new OrderCancelled(meta("evt-6", EventType.OrderCancelled, "2026-09-09T01:30:00Z"), "o-5003", "c-1001",
                        null));
        MemberRecord record = new MemberLedger(POLICY).replay(MemberRecord.newCustomer("c-1001"), events,
                new OrdersInMemory());
        return record.withPurchases(new Purchases(record.purchases().orderCount(),
                record.purchases().lifetimeSpendMinor(),
                record.purchases().refundCount(), record.purchases().refundedMinor(), record.purchases().points(),
                record.purchases().firstOrderAt(), record.purchases().lastOrderAt(), record.purchases().firstPayment(),
                record.purchases().enrolment(), record.purchases().months(), record.purchases().recent(),
                new Purchases.Repricing(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
                        new Stamp(Instant.parse("2026-01-10T00:00:00Z"), "evt-x"))));
    }

    private static EventMeta meta(String id, EventType type, String at) {
        return new EventMeta(id, type, 1, OffsetDateTime.parse(at));
    }

    private static OrderPaid paid(String id, String at, String orderId, long amount) {
        return new OrderPaid(meta(id, EventType.OrderPaid, at), orderId, "c-1001", Money.of(amount, "CNY"),
                ProfileChanges.NONE);
    }

    @Test
    void aMemberDayCreditKeepsItsMultiplierAndKindInTheOrdersItemAndTheCompactForm() {
        ArchivedOrder order = new ArchivedOrder("o-18", OrderFacts.NONE
                .withPayment(new Stamp(Instant.parse("2027-03-18T04:00:00Z"), "evt-18"), 9_999),
                Optional.of(new Credit(new java.math.BigDecimal("1.50"), 148, true)));
        Map<String, AttributeValue> item = OrderItemMapper.toItem("c-1", order, 3);
        assertEquals("1.5", item.get("pointsMultiplier").n());
        assertEquals(order, OrderItemMapper.fromItem(item));
        assertEquals(order, OrderItemMapper.fromCompact("o-18", OrderItemMapper.compact(order)));
        ArchivedOrder birthday = new ArchivedOrder("o-2", order.facts(), Optional.of(new Credit(2, 198)));
        assertEquals(birthday, OrderItemMapper.fromItem(OrderItemMapper.toItem("c-1", birthday, 3)),
                "a whole multiplier reads back as it did before member days");
    }

    @Test
    void aRecordSurvivesTheRoundTripThroughItsItem() {
        MemberRecord record = fullRecord();
        assertEquals(2, record.purchases().recent().size());
        assertEquals(2, record.zoneLog().size());
        assertEquals(4, record.birthdayLog().size(), "the Gregorian birthday and three lunar settings, one a clearing");
        assertEquals(RecurringDate.parse("--02-29"), record.birthdayAt(Instant.MAX).orElseThrow().date());
        assertEquals(new LunarDate(12, 30, false),
                record.birthdayAt(Instant.parse("2026-08-02T12:00:00Z")).orElseThrow().date());
        MemberSummary summary = MemberSummary.of(record, POLICY, Instant.parse("2026-11-23T00:00:00Z"));
        ArchivedOrder unsettled = new ArchivedOrder("o-5002", OrderFacts.NONE
                .withPayment(new Stamp(Instant.parse("2026-06-18T13:41:05Z"), "evt-3"), 129_900)
                .withRefund("r|2", new Stamp(Instant.parse("2026-06-26T02:00:00Z"), "evt-5"), 100),
                Optional.of(new Credit(1, 1_297)));
        Map<String, AttributeValue> item = MemberItemMapper.toItem(record, summary, 7,
                Instant.parse("2026-11-23T00:00:00Z"),
                List.of(unsettled));

        var back = MemberItemMapper.fromItem(item);
        assertEquals(record, back.value());
        assertEquals(7, back.revision());
        assertEquals(List.of(unsettled), MemberItemMapper.unsettled(item));
        assertEquals("VIP1", item.get("tier").s(), "the summary is stored for people and queries");
        assertEquals("frozen", item.get("status").s());
        assertEquals("1188", item.get("points").n(), "both orders paid as a registered member, net of refunds");
    }

    @Test
    void anItemWrittenBeforeOrdersMovedOutIsReadWithItsOrders() {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "customerId", AttributeValue.fromS("c-7"), "rev", AttributeValue.fromN("3"),
                "registered", AttributeValue.fromS("2026-01-01T00:00:00.000000000Z evt-0"),
                "orders", AttributeValue.fromM(Map.of(
                        "o-1", AttributeValue.fromM(Map.of("p",
                                AttributeValue.fromS("40000|2026-03-01T00:00:00.000000000Z e1"),
                                "r", AttributeValue.fromM(Map.of("r-1", AttributeValue.fromS(
                                        "5000|2026-03-05T00:00:00.000000000Z e2"))))),
                        "o-2", AttributeValue.fromM(Map.of("p",
                                AttributeValue.fromS("30000|2026-04-01T00:00:00.000000000Z e3"),
                                "c", AttributeValue.fromS("2026-04-02T00:00:00.000000000Z e4"))))),
                "points", AttributeValue.fromN("350"), "orderCount", AttributeValue.fromN("1")));
        MemberRecord record = MemberItemMapper.fromItem(item).value();
        assertTrue(record.isLegacy());
        MemberPolicy firstPaid = new MemberPolicy(Currency.getInstance("CNY"),
                MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0,
                BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
        MemberSummary summary = MemberSummary.of(record, firstPaid, Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals(1, summary.orderCount());
        assertEquals(35_000, summary.lifetimeSpendMinor());
        assertEquals(350, summary.points());
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), summary.lastOrderAt());
    }

    @Test
    void profileFieldsSetByOneEventShareOneStampEntry() {
        MemberRecord record = fullRecord();
        Map<String, AttributeValue> item = MemberItemMapper.toItem(record,
                MemberSummary.of(record, POLICY, Instant.parse("2026-11-23T00:00:00Z")), 1,
                Instant.parse("2026-11-23T00:00:00Z"));
        assertEquals(3, item.get("stamps").m().size(),
                "twelve fields, three events (the last clears the lunar birthday)");
        assertTrue(itemSize(item) < 2048, "a profile with its logs and three orders stays under two write units: "
                + itemSize(item));
    }

    /** DynamoDB's item size: attribute names plus values, roughly as DynamoDB counts them. */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (var entry : item.entrySet()) {
            size += entry.getKey().length() + valueSize(entry.getValue());
        }
        return size;
    }

    private static int valueSize(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length();
        }
        if (value.bool() != null) {
            return 1;
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream()
                    .mapToInt(e -> e.getKey().length() + valueSize(e.getValue()) + 1).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> valueSize(v) + 1).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToInt(String::length).sum();
        }
        SdkBytes bytes = value.b();
        return bytes == null ? 1 : bytes.asByteArray().length;
    }
}
