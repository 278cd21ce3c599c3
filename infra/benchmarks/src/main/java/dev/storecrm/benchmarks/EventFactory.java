package dev.storecrm.benchmarks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/** Synthetic, PII-free canonical events for benchmarks (member {@code m} is customer {@code bench-c-m}). */
final class EventFactory {

    private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/Berlin", "America/Los_Angeles",
            "Pacific/Kiritimati", "Pacific/Honolulu", "Asia/Tokyo");

    /** Always with seconds: {@code OffsetDateTime.toString()} drops ":00", which the contract refuses. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Random random;
    private long sequence;

    EventFactory(Random random) {
        this.random = random;
    }

    private String envelope(String type, Instant at, String body) {
        return "{\"id\":\"bench-" + (++sequence) + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\""
                + ISO.format(at.atOffset(ZoneOffset.ofHours(8))) + "\",\"body\":" + body + "}";
    }

    String registered(int member, Instant at) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(month == 2 ? 29 : 30);
        return envelope("MemberRegistered", at, String.format("""
                {"customerId":"bench-c-%d","profile":{"name":"Bench Member %d","email":"bench.%d@example.com",\
                "locale":"%s","timeZone":"%s","birthday":"--%02d-%02d","country":"CN",\
                "marketingConsent":{"granted":true,"at":"%s","source":"benchmark"}}}""",
                member, member, member, random.nextBoolean() ? "zh-CN" : "en", ZONES.get(random.nextInt(ZONES.size())),
                month, day, ISO.format(at.atOffset(ZoneOffset.UTC))));
    }

    String placed(int order, int member, Instant at, long amount) {
        return envelope("OrderPlaced", at, String.format("""
                {"orderId":"bench-o-%d","customerId":"bench-c-%d","total":{"amount":%d,"currency":"CNY"},\
                "lines":[{"sku":"SKU-%d","name":"Bench item %d","quantity":1,\
                "unitPrice":{"amount":%d,"currency":"CNY"}}]}""",
                order, member, amount, order % 500, order % 500, amount));
    }

    String paid(int order, int member, Instant at, long amount) {
        return envelope("OrderPaid", at, String.format("""
                {"orderId":"bench-o-%d","customerId":"bench-c-%d","amount":{"amount":%d,"currency":"CNY"}}""",
                order, member, amount));
    }

    String refunded(int order, int member, Instant at, long amount) {
        return envelope("OrderRefunded", at, String.format("""
                {"orderId":"bench-o-%d","customerId":"bench-c-%d","refundId":"bench-r-%d",\
                "amount":{"amount":%d,"currency":"CNY"}}""",
                order, member, order, amount));
    }

    String cancelled(int order, int member, Instant at) {
        return envelope("OrderCancelled", at, String.format("""
                {"orderId":"bench-o-%d","customerId":"bench-c-%d"}""", order, member));
    }
}
