package dev.storecrm.importer;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of Shopify's CSV exports in the shape of Shopify's REST resources, the shape the Shopify
 * adapter maps: a customer row as a Customer, an order's rows (one per line item, the order's
 * fields on the first) as an Order, its Refunded Amount as a Refund. This is a change of format
 * only; what becomes of them is the adapter's mapping ({@code ShopifyAdapterService}), the same as
 * for the webhooks. Columns the mapping needs are checked here first, so that a refusal names the
 * column of the export rather than a field of the REST resource.
 *
 * <p>The exports have no refund ids or dates, and the customer export no dates at all: an order's
 * refunds are one refund, {@code export-<order id>}, of its Refunded Amount; that refund, the
 * profiles and the e-mail consent are the export's state, dated {@code exportedAt}.
 */
final class ShopifyExportPayloads {

    /** Shopify's export writes times as {@code 2026-09-01 10:15:00 +0800}. */
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopifyExportPayloads() {}

    /** A row of {@code customers_export.csv} as a Customer. */
    static ObjectNode customer(CsvExport.Row row, OffsetDateTime exportedAt) {
        String id = id(row, "Customer ID");
        ObjectNode customer = JSON.createObjectNode().put("id", id);
        row.value("First Name").ifPresent(v -> customer.put("first_name", v));
        row.value("Last Name").ifPresent(v -> customer.put("last_name", v));
        row.value("Email").ifPresent(v -> customer.put("email", v));
        row.value("Phone").ifPresent(v -> customer.put("phone", v));
        customer.put("updated_at", ISO.format(exportedAt)).put("note", row.text("Note")).put("tags", row.text("Tags"))
                .put("tax_exempt", yes(row, "Tax Exempt")).put("total_spent", row.text("Total Spent"))
                .put("orders_count", row.text("Total Orders"));
        customer.putObject("email_marketing_consent")
                .put("state", yes(row, "Accepts Email Marketing") ? "subscribed" : "not_subscribed")
                .put("consent_updated_at", ISO.format(exportedAt));
        customer.putObject("sms_marketing_consent")
                .put("state", yes(row, "Accepts SMS Marketing") ? "subscribed" : "not_subscribed");
        ObjectNode address = customer.putObject("default_address").put("default", true);
        Map.of("company", "Company", "address1", "Address1", "address2", "Address2", "city", "City",
                "province_code", "Province Code", "country_code", "Country Code", "zip", "Zip", "phone", "Phone")
                .forEach((field, column) -> row.value("Default Address " + column, column)
                        .ifPresent(v -> address.put(field, v)));
        return customer;
    }

    /** The rows of one order of {@code orders_export.csv} as an Order; {@code customerId} from the customer export. */
    static ObjectNode order(List<CsvExport.Row> rows, Optional<String> customerId) {
        CsvExport.Row first = rows.getFirst();
        String id = id(first, "Id");
        String currency = first.value("Currency").orElseThrow(() -> column(first, "Currency", "is empty"));
        ObjectNode order = JSON.createObjectNode().put("id", id).put("name", first.text("Name"))
                .put("currency", currency).put("presentment_currency", currency)
                .put("created_at", time(first, "Created at").orElseThrow(() -> column(first, "Created at", "is empty")))
                .put("financial_status", first.text("Financial Status"))
                .put("fulfillment_status", first.text("Fulfillment Status"))
                .put("total_price", first.text("Total")).put("subtotal_price", first.text("Subtotal"))
                .put("total_discounts", first.text("Discount Amount")).put("total_tax", first.text("Taxes"))
                .put("note", first.text("Notes")).put("tags", first.text("Tags"))
                .put("source_name", first.text("Source"))
                .put("test", false);
        first.value("Email").ifPresent(v -> order.put("email", v).put("contact_email", v));
        first.value("Phone").ifPresent(v -> order.put("phone", v));
        time(first, "Paid at").ifPresent(at -> order.put("processed_at", at));
        time(first, "Cancelled at").ifPresent(at -> order.put("cancelled_at", at));
        order.set("total_price_set", money(first.text("Total"), currency));
        order.set("subtotal_price_set", money(first.text("Subtotal"), currency));
        order.set("total_shipping_price_set", money(first.text("Shipping"), currency));
        order.putArray("payment_gateway_names").add(first.text("Payment Method"));
        ArrayNode codes = order.putArray("discount_codes");
        for (String code : first.text("Discount Code").split(",")) {
            if (!code.isBlank()) {
                codes.addObject().put("code", code.strip()).put("type", "fixed_amount");
            }
        }
        customerId.ifPresent(customer -> order.putObject("customer").put("id", customer)
                .put("email", first.text("Email")));
        order.set("billing_address", address(first, "Billing"));
        order.set("shipping_address", address(first, "Shipping"));
        ArrayNode lines = order.putArray("line_items");
        for (int i = 0; i < rows.size(); i++) {
            lines.add(line(rows.get(i), id + "-" + (i + 1), currency));
        }
        return order;
    }

    /**
     * The order's refunds as one Refund of its Refunded Amount, if any money went back, dated when the
     * export was made: the total refunded as of then, so that a later export, imported with its later
     * time, replaces it with the new total (the archive keeps a refund's latest fact).
     */
    static Optional<ObjectNode> refund(ObjectNode order, CsvExport.Row first, OffsetDateTime exportedAt) {
        BigDecimal refunded = decimal(first, "Refunded Amount").orElse(BigDecimal.ZERO);
        if (refunded.signum() <= 0) {
            return Optional.empty();
        }
        String at = ISO.format(exportedAt);
        ObjectNode refund = JSON.createObjectNode().put("id", "export-" + order.path("id").asText())
                .put("order_id", order.path("id").asText()).put("created_at", at).put("processed_at", at)
                .put("restock", false);
        refund.putArray("transactions").addObject().put("kind", "refund").put("status", "success")
                .put("amount", refunded.toPlainString()).put("currency", order.path("currency").asText())
                .put("gateway", first.text("Payment Method"));
        refund.putArray("refund_line_items");
        refund.putArray("order_adjustments");
        return Optional.of(refund);
    }

    /** The {@code detail} of a {@code shopifyWebhook} event, as Shopify's partner event source would deliver it. */
    static String delivery(String topic, String eventId, String triggeredAt, ObjectNode payload) {
        ObjectNode detail = JSON.createObjectNode();
        detail.putObject("metadata").put("X-Shopify-Topic", topic).put("X-Shopify-Event-Id", eventId)
                .put("X-Shopify-Triggered-At", triggeredAt).put("X-Shopify-Test", "false");
        detail.set("payload", payload);
        return detail.toString();
    }

    private static ObjectNode line(CsvExport.Row row, String lineId, String currency) {
        String quantity = row.value("Lineitem quantity")
                .orElseThrow(() -> column(row, "Lineitem quantity", "is empty"));
        if (!quantity.matches("\\d{1,9}")) {
            throw column(row, "Lineitem quantity", "is not a whole number");
        }
        ObjectNode line = JSON.createObjectNode().put("id", lineId).put("quantity", Integer.parseInt(quantity))
                .put("name", row.text("Lineitem name")).put("title", row.text("Lineitem name"))
                .put("sku", row.text("Lineitem sku")).put("vendor", row.text("Vendor"))
                .put("price", row.text("Lineitem price"))
                .put("requires_shipping", "true".equalsIgnoreCase(row.text("Lineitem requires shipping")))
                .put("taxable", "true".equalsIgnoreCase(row.text("Lineitem taxable")))
                .put("fulfillment_status", row.text("Lineitem fulfillment status"));
        line.set("price_set", money(row.text("Lineitem price"), currency));
        return line;
    }

    private static ObjectNode address(CsvExport.Row row, String prefix) {
        ObjectNode address = JSON.createObjectNode();
        Map.of("name", "Name", "address1", "Address1", "address2", "Address2", "company", "Company", "city", "City",
                "zip", "Zip", "province_code", "Province", "province", "Province Name", "country_code", "Country",
                "phone", "Phone").forEach((field, column) -> row.value(prefix + " " + column)
                .ifPresent(v -> address.put(field, v)));
        return address;
    }

    private static ObjectNode money(String amount, String currency) {
        ObjectNode set = JSON.createObjectNode();
        set.putObject("shop_money").put("amount", amount).put("currency_code", currency);
        set.putObject("presentment_money").put("amount", amount).put("currency_code", currency);
        return set;
    }

    private static String id(CsvExport.Row row, String column) {
        String id = row.value(column).orElseThrow(() -> column(row, column, "is empty: without Shopify's id the record"
                + " cannot be matched to what the store's webhooks send (export again from a current Shopify admin)"));
        if (!id.matches("\\d{1,20}")) {
            throw column(row, column, "is not a Shopify id (digits)");
        }
        return id;
    }

    /** A time of the export as ISO 8601 ({@code 2026-09-01T10:15:00+08:00}); ISO 8601 is read as well. */
    private static Optional<String> time(CsvExport.Row row, String column) {
        return row.value(column).map(text -> {
            try {
                return ISO.format(OffsetDateTime.parse(text, EXPORT_TIME));
            } catch (DateTimeParseException notTheExportsFormat) {
                try {
                    return ISO.format(OffsetDateTime.parse(text));
                } catch (DateTimeParseException e) {
                    throw column(row, column, "is not a time such as 2026-09-01 10:15:00 +0800");
                }
            }
        });
    }

    private static Optional<BigDecimal> decimal(CsvExport.Row row, String column) {
        return row.value(column).map(text -> {
            if (!text.matches("-?\\d{1,15}(\\.\\d{1,9})?")) {
                throw column(row, column, "is not an amount such as 90.00");
            }
            return new BigDecimal(text);
        });
    }

    private static boolean yes(CsvExport.Row row, String column) {
        return row.value(column).map(v -> v.toLowerCase(Locale.ROOT)).filter(v -> v.equals("yes") || v.equals("true"))
                .isPresent();
    }

    static InvalidInputException column(CsvExport.Row row, String column, String problem) {
        return new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "column '" + column + "' "
                + (row.record().isMapped(column) ? "" : "(missing) ") + problem);
    }
}
