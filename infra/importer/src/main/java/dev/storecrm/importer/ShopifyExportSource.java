package dev.storecrm.importer;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.shopifyadapter.ShopifyAdapterService;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;

/**
 * Shopify's CSV exports (Shopify admin, Customers and Orders, Export, "CSV for Excel, Numbers, or
 * other spreadsheet programs"): first the customers, one record a row, then the orders, one record
 * an order (its consecutive rows of the same Name, one per line item). Each is turned into the REST
 * resource a webhook carries ({@link ShopifyExportPayloads}) and handed to the Shopify adapter's
 * service as the deliveries its history stands for: a customer as {@code customers/update}; an
 * order as {@code orders/create}, {@code orders/paid} when it was paid, {@code orders/cancelled}
 * when it was cancelled and {@code refunds/create} when money went back. The canonical ids derive
 * from Shopify's ids ({@code shopify:export-<order id>:OrderPlaced}, ...), so an import run twice
 * publishes the same events. Orders are attributed to the customer of the same e-mail address in
 * the customer export (the ids the webhooks use), others to a guest id from the address.
 *
 * <p>Positions: {@code customers:<row>} and {@code orders:<first row of the order>}.
 */
final class ShopifyExportSource implements ImportSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Optional<Path> customers;
    private final Optional<Path> orders;
    private final OffsetDateTime exportedAt;
    private final ShopifyAdapterService shopify;
    private final AdapterRejects rejects;
    private Map<String, String> customerIds;

    /** @param exportedAt when the export was made: the customers' profiles and consent are dated so */
    ShopifyExportSource(Optional<Path> customers, Optional<Path> orders, OffsetDateTime exportedAt,
                        ShopifyAdapterService shopify, AdapterRejects rejects) {
        this.customers = customers;
        this.orders = orders;
        this.exportedAt = exportedAt;
        this.shopify = shopify;
        this.rejects = rejects;
    }

    @Override
    public String fingerprint() {
        List<Path> files = new ArrayList<>();
        customers.ifPresent(files::add);
        orders.ifPresent(files::add);
        return "shopify " + Fingerprints.of(files) + " exported " + ISO.format(exportedAt);
    }

    @Override
    public OptionalLong size() {
        long count = 0;
        for (Iterator<SourceRecord> records = records(""); records.hasNext(); records.next()) {
            count++;
        }
        return OptionalLong.of(count);
    }

    @Override
    public Iterator<SourceRecord> records(String after) {
        String phase = after.isEmpty() ? "" : after.substring(0, after.indexOf(':'));
        long row = after.isEmpty() ? 0 : Long.parseLong(after.substring(after.indexOf(':') + 1));
        Iterator<SourceRecord> customerRecords = customers.isEmpty() || phase.equals("orders")
                ? Collections.emptyIterator() : customerRecords(customers.get(), row);
        Iterator<SourceRecord> orderRecords = orders.isEmpty() ? Collections.emptyIterator()
                : orderRecords(orders.get(), phase.equals("orders") ? row : 0);
        return Records.inOrder(customerRecords, orderRecords);
    }

    private Iterator<SourceRecord> customerRecords(Path file, long afterRow) {
        CsvExport csv = CsvExport.open(file);
        Iterator<CsvExport.Row> rows = csv.rows();
        return Records.until(() -> {
            while (rows.hasNext()) {
                CsvExport.Row row = rows.next();
                if (row.number() > afterRow) {
                    return new SourceRecord("customers:" + row.number(), () -> customer(file, row));
                }
            }
            csv.close();
            return null;
        });
    }

    /** The orders: each the rows from one on that share its Name. */
    private Iterator<SourceRecord> orderRecords(Path file, long afterRow) {
        CsvExport csv = CsvExport.open(file);
        Iterator<CsvExport.Row> rows = csv.rows();
        CsvExport.Row[] pending = {rows.hasNext() ? rows.next() : null};
        return Records.until(() -> {
            while (pending[0] != null) {
                List<CsvExport.Row> order = new ArrayList<>(List.of(pending[0]));
                String name = pending[0].text("Name");
                pending[0] = rows.hasNext() ? rows.next() : null;
                while (!name.isEmpty() && pending[0] != null && pending[0].text("Name").equals(name)) {
                    order.add(pending[0]);
                    pending[0] = rows.hasNext() ? rows.next() : null;
                }
                if (order.getFirst().number() > afterRow) {
                    return new SourceRecord("orders:" + order.getFirst().number(), () -> order(file, order));
                }
            }
            csv.close();
            return null;
        });
    }

    private void customer(Path file, CsvExport.Row row) {
        String where = file.getFileName() + " row " + row.number();
        String topic = "customers/update";
        try {
            ObjectNode customer = ShopifyExportPayloads.customer(row, exportedAt);
            deliver(topic, "export-customer-" + customer.path("id").asText(), ISO.format(exportedAt), customer);
        } catch (InvalidInputException refused) {
            keep(file.getFileName() + ":" + row.number(), topic, where, refused, List.of(row));
        }
    }

    private void order(Path file, List<CsvExport.Row> rows) {
        CsvExport.Row first = rows.getFirst();
        String record = file.getFileName() + ":" + first.number();
        String where = file.getFileName() + (rows.size() > 1 ? " rows " + first.number() + "-" + rows.getLast().number()
                : " row " + first.number()) + " (order " + first.text("Name") + ")";
        ObjectNode order;
        try {
            if (first.text("Name").isEmpty()) {
                throw ShopifyExportPayloads.column(first, "Name", "is empty");
            }
            order = ShopifyExportPayloads.order(rows, first.value("Email")
                    .map(email -> customerIds().get(email.toLowerCase(Locale.ROOT))));
        } catch (InvalidInputException refused) {
            keep(record, "orders/create", where, refused, rows);
            return;
        }
        String eventId = "export-" + order.path("id").asText();
        if (!deliverOrKeep(record, "orders/create", where, rows,
                () -> deliver("orders/create", eventId, order.path("created_at").asText(), order))) {
            return; // What follows the order (its payment, cancellation, refund) would be refused for the same reason.
        }
        Map<String, String> later = new LinkedHashMap<>();
        later.put("orders/paid", order.path("processed_at").asText(""));
        later.put("orders/cancelled", order.path("cancelled_at").asText(""));
        later.forEach((topic, at) -> {
            if (!at.isEmpty()) {
                deliverOrKeep(record + ":" + topic, topic, where, rows, () -> deliver(topic, eventId, at, order));
            }
        });
        deliverOrKeep(record + ":refunds/create", "refunds/create", where, rows, () -> ShopifyExportPayloads
                .refund(order, first, exportedAt)
                .ifPresent(refund -> deliver("refunds/create", eventId, refund.path("processed_at").asText(), refund)));
    }

    /** Runs one delivery; a refusal is kept under {@code record}. Answers whether it went through. */
    private boolean deliverOrKeep(String record, String topic, String where, List<CsvExport.Row> rows,
                                  Runnable delivery) {
        try {
            delivery.run();
            return true;
        } catch (InvalidInputException refused) {
            keep(record, topic, where, refused, rows);
            return false;
        }
    }

    private void deliver(String topic, String eventId, String at, ObjectNode payload) {
        shopify.handle(ShopifyExportPayloads.delivery(topic, eventId, at, payload));
    }

    private void keep(String record, String topic, String where, InvalidInputException refused,
                      List<CsvExport.Row> rows) {
        String csv = rows.stream().map(row -> CSVFormat.RFC4180.format(row.record().values()))
                .collect(Collectors.joining("\n"));
        rejects.refused(record, Optional.empty(), Optional.of(topic), new InvalidInputException(refused.reason(),
                where + ": " + refused.detail()), csv);
    }

    /** The customer export's ids by e-mail address (lower case), read once. */
    private Map<String, String> customerIds() {
        if (customerIds == null) {
            customerIds = new HashMap<>();
            customers.ifPresent(file -> {
                try (CsvExport csv = CsvExport.open(file)) {
                    for (Iterator<CsvExport.Row> rows = csv.rows(); rows.hasNext(); ) {
                        CsvExport.Row row = rows.next();
                        Optional<String> id = row.value("Customer ID").filter(value -> value.matches("\\d{1,20}"));
                        Optional<String> email = row.value("Email").map(value -> value.toLowerCase(Locale.ROOT));
                        if (id.isPresent() && email.isPresent()) {
                            customerIds.putIfAbsent(email.get(), id.get());
                        }
                    }
                }
            });
        }
        return customerIds;
    }
}
