package dev.storecrm.platform.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.BirthdayEntry;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.member.StatusEntry;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.time.RecurringDate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MemberItemMapperTest {

    private static Stamp stamp(String at, String id) {
        return new Stamp(Instant.parse(at), id);
    }

    static MemberRecord fullRecord() {
        Profile profile = new Profile("样例会员 王", "member@example.com", "+8613800000000", "zh-CN",
                ZoneId.of("Asia/Shanghai"), RecurringDate.parse("--02-29"),
                Map.of("wedding", RecurringDate.parse("2016-10-01")), "CN", ContactPreference.email,
                new Consent(true, Instant.parse("2026-03-01T02:12:00Z"), "registration"), "c-0999");
        Map<ProfileField, Stamp> stamps = new EnumMap<>(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            stamps.put(field, stamp("2026-03-01T02:12:00Z", "evt-1"));
        }
        stamps.put(ProfileField.PHONE, stamp("2026-07-01T00:00:00.123456789Z", "evt-9"));
        OrderFacts facts = OrderFacts.NONE.withPayment(stamp("2026-06-18T13:41:05Z", "evt-3"), 129_900)
                .withRefund("r-1", stamp("2026-06-25T02:00:00Z", "evt-4"), 20_000)
                .withRefund("r|2", stamp("2026-06-26T02:00:00Z", "evt-5"), 100);
        OrderFacts cancelled = OrderFacts.NONE.withCancellation(stamp("2026-09-09T01:30:00Z", "evt-6"));
        return new MemberRecord("c-1001", profile, stamps, stamp("2026-03-01T02:12:00Z", "evt-1"),
                List.of(new StatusEntry(stamp("2026-08-01T10:00:00Z", "evt-7"), MembershipStatus.FROZEN, "review | pending"),
                        new StatusEntry(stamp("2026-08-02T10:00:00Z", "evt-8"), MembershipStatus.ACTIVE, null)),
                List.of(new BirthdayEntry(stamp("2026-03-01T02:12:00Z", "evt-1"), RecurringDate.parse("--02-29")),
                        new BirthdayEntry(stamp("2026-02-01T02:12:00Z", "evt-0"), null)),
                Map.of("o-5002", facts, "o-5003", cancelled));
    }

    @Test
    void aRecordSurvivesTheRoundTripThroughItsItem() {
        MemberRecord record = fullRecord();
        MemberPolicy policy = new MemberPolicy(Currency.getInstance("CNY"), MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0,
                BigDecimal.ONE, TierLadder.parse("MEMBER", "VIP1=50000"));
        MemberSummary summary = MemberSummary.of(record, policy, Instant.parse("2026-11-23T00:00:00Z"));
        Map<String, AttributeValue> item = MemberItemMapper.toItem(record, summary, 7, Instant.parse("2026-11-23T00:00:00Z"));

        var back = MemberItemMapper.fromItem(item);
        assertEquals(record, back.value());
        assertEquals(7, back.revision());
        assertEquals("VIP1", item.get("tier").s(), "the summary is stored for people and queries");
        assertEquals("active", item.get("status").s());
        assertEquals("1098", item.get("points").n());
    }

    @Test
    void profileFieldsSetByOneEventShareOneStampEntry() {
        Map<String, AttributeValue> item = MemberItemMapper.toItem(fullRecord(),
                MemberSummary.of(fullRecord(), new MemberPolicy(Currency.getInstance("CNY"),
                        MemberPolicy.Enrolment.FIRST_PAID_ORDER, 0, BigDecimal.ONE, TierLadder.parse("M", "")),
                        Instant.parse("2026-11-23T00:00:00Z")), 1, Instant.parse("2026-11-23T00:00:00Z"));
        assertEquals(2, item.get("stamps").m().size(), "eleven fields, two events");
        assertTrue(itemSize(item) < 2048, "a profile with two orders stays under two write units: " + itemSize(item));
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
            return 3 + value.m().entrySet().stream().mapToInt(e -> e.getKey().length() + valueSize(e.getValue()) + 1).sum();
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
