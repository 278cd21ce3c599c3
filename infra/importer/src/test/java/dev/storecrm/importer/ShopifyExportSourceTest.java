package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.batch.RejectedMessage;
import dev.storecrm.shopifyadapter.ShopifyAdapterService;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Shopify's CSV exports of events/import/shopify/ (every column of the admin's export: orders of
 * several line items, discounts, partial and full refunds, a cancelled order, a voided one, a pending
 * bank transfer, a guest, an order in another currency, broken rows) through the Shopify adapter's
 * own service, into an in-memory bus.
 */
class ShopifyExportSourceTest {

    static final Path EXPORTS = dev.storecrm.localcloud.Template.projectRoot().resolve("events/import/shopify");
    static final OffsetDateTime EXPORTED_AT = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");

    private final AdapterFixtures fx = new AdapterFixtures();

    private ShopifyExportSource source() {
        return new ShopifyExportSource(Optional.of(EXPORTS.resolve("customers_export.csv")),
                Optional.of(EXPORTS.resolve("orders_export.csv")), EXPORTED_AT,
                new ShopifyAdapterService(new Amounts("CNY"), fx.orderOwners(), fx.bus(), fx.rejects("history-import"),
                        Optional.empty(), false), fx.rejects("history-import"));
    }

    private void importAll(String after) {
        source().records(after).forEachRemaining(record -> record.map().run());
    }

    private JsonNode event(String id) {
        return fx.published.stream().filter(e -> e.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + ids()));
    }

    private List<String> ids() {
        return fx.published.stream().map(e -> e.path("id").asText()).toList();
    }

    @Test
    void anOrderOfSeveralRowsIsOneOrderWithItsLinesPaymentAndCustomerFromTheCustomerExport() {
        importAll("");
        JsonNode placed = event("shopify:export-5820011001:OrderPlaced");
        assertEquals("2026-09-01T10:15:00+08:00", placed.path("occurredAt").asText());
        assertEquals("shopify:5820011001", placed.at("/body/orderId").asText());
        assertEquals("shopify:7210448301001", placed.at("/body/customerId").asText(), "the customer export's id");
        assertEquals(65300, placed.at("/body/total/amount").asLong());
        List<String> skus = StreamSupport.stream(placed.at("/body/lines").spliterator(), false)
                .map(line -> line.path("sku").asText() + " x" + line.path("quantity").asInt() + " @"
                        + line.at("/unitPrice/amount").asLong()).toList();
        assertEquals(List.of("SKU-TEA-002 x2 @10000", "shopify:line:5820011001-2 x1 @19800", "SKU-POT-200 x1 @27000"),
                skus, "a line without a SKU is named by its place in the order");
        assertEquals("AUTUMN30", placed.at("/body/couponCodes/0").asText());
        JsonNode paid = event("shopify:export-5820011001:OrderPaid");
        assertEquals("2026-09-01T10:16:02+08:00", paid.path("occurredAt").asText(), "Paid at");
        assertEquals(65300, paid.at("/body/amount/amount").asLong());
        assertEquals("Sample Member Li", paid.at("/body/customer/name").asText(), "the billing name");
        assertEquals("CN", paid.at("/body/customer/country").asText());
    }

    @Test
    void refundsCancellationsVoidedAndPendingOrdersAreWhatTheyWere() {
        importAll("");
        JsonNode partial = event("shopify:export-5820011002:OrderRefunded");
        assertEquals(9000, partial.at("/body/amount/amount").asLong());
        assertEquals("shopify:export-5820011002", partial.at("/body/refundId").asText());
        assertEquals("2026-12-01T09:00:00+08:00", partial.path("occurredAt").asText(),
                "the total refunded as of the export");
        JsonNode cancelled = event("shopify:export-5820011004:OrderCancelled");
        assertEquals("2026-11-03T09:12:00+08:00", cancelled.path("occurredAt").asText());
        assertEquals(29800, event("shopify:export-5820011004:OrderRefunded").at("/body/amount/amount").asLong());
        assertTrue(ids().contains("shopify:export-5820011005:OrderCancelled"));
        assertFalse(ids().contains("shopify:export-5820011005:OrderPaid"), "voided: never paid");
        assertEquals(List.of("shopify:export-5820011006:OrderPlaced"), ids().stream()
                .filter(id -> id.contains("5820011006")).toList(), "a pending bank transfer is placed, not paid");
    }

    @Test
    void aGuestIsTheGuestOfTheAddressAndAnAddressIsMatchedWhateverItsCase() {
        importAll("");
        assertEquals(CustomerIds.guest("shopify", "guest.2001@example.com"),
                event("shopify:export-5820011003:OrderPlaced").at("/body/customerId").asText());
        JsonNode sun = event("shopify:export-5820011010:OrderPlaced");
        assertEquals("shopify:7210448301006", sun.at("/body/customerId").asText(), "Member.1006@Example.COM");
        assertEquals(1, sun.at("/body/lines").size(), "the line of quantity 0 (removed) is left out");
        assertEquals("[\"WINTER10\",\"FREESHIP\"]", sun.at("/body/couponCodes").toString());
    }

    @Test
    void customersBecomeTheirProfileAndConsentAsOfTheExport() {
        importAll("");
        JsonNode li = event("shopify:export-customer-7210448301001:MemberUpdated");
        assertEquals("2026-12-01T09:00:00+08:00", li.path("occurredAt").asText());
        assertEquals("+8613800001001", li.at("/body/profile/phone").asText(), "Shopify's apostrophe taken off");
        assertEquals("CN", li.at("/body/profile/country").asText());
        JsonNode consent = event("shopify:export-customer-7210448301001:MemberUpdated.consent");
        assertTrue(consent.at("/body/profile/marketingConsent/granted").asBoolean());
        assertEquals("2026-12-01T09:00:00+08:00", consent.at("/body/profile/marketingConsent/at").asText());
        assertFalse(event("shopify:export-customer-7210448301002:MemberUpdated.consent")
                .at("/body/profile/marketingConsent/granted").asBoolean(), "Accepts Email Marketing: no");
        assertTrue(event("shopify:export-customer-7210448301004:MemberUpdated").at("/body/profile/phone")
                .isMissingNode(),
                "(415) 555-0101 is not E.164: left out, the rest kept");
    }

    @Test
    void brokenRowsAreKeptWithTheirReasonAndRowAndTheImportGoesOn() {
        importAll("");
        List<String> kept = fx.kept.stream().map(k -> k.reason() + " " + k.messageId()).toList();
        assertEquals(List.of("SCHEMA_VIOLATION customers_export.csv:6", "WRONG_CURRENCY orders_export.csv:11",
                "SCHEMA_VIOLATION orders_export.csv:12", "SCHEMA_VIOLATION orders_export.csv:13"), kept);
        RejectedMessage date = fx.kept.get(2);
        assertEquals("orders_export.csv row 12 (order #1008): column 'Created at' is not a time such as"
                + " 2026-09-01 10:15:00 +0800", date.detail());
        assertTrue(date.body().startsWith("\"#1008\",member.1001@example.com,paid,"), "the row itself, as CSV: "
                + date.body());
        assertEquals(RejectReason.SCHEMA_VIOLATION, fx.kept.getFirst().reason());
        assertTrue(fx.kept.stream().noneMatch(k -> k.detail().contains("@")), "reasons name columns, never values");
        assertTrue(ids().contains("shopify:export-5820011010:OrderPaid"), "orders after the broken ones are imported");
    }

    @Test
    void theSameExportGivesTheSameEventsAndAResumeStartsAfterItsPosition() {
        importAll("");
        List<JsonNode> first = List.copyOf(fx.published);
        fx.published.clear();
        importAll("");
        assertEquals(first, fx.published, "ids and contents derive from the export alone");

        Iterator<ImportSource.SourceRecord> after = source().records("orders:7");
        assertEquals("orders:8", after.next().position(), "the order after the one of row 7");
        assertEquals(16, source().size().getAsLong(), "6 customers and 10 orders");
    }
}
