package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.cart.CartDayStats;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbCartStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The report a store's engineer reads after a simulated run: what each journey did, earned and cost. */
final class SimulationReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;
    private final LocalFunctions functions;
    private final SimulationOptions options;
    private final StoreSimulation.Outcome outcome;
    private final ZoneId storeZone;
    private final List<Map<String, AttributeValue>> ledger;

    SimulationReport(LocalCloud cloud, LocalFunctions functions, SimulationOptions options,
                     StoreSimulation.Outcome outcome) {
        this.cloud = cloud;
        this.functions = functions;
        this.options = options;
        this.outcome = outcome;
        this.storeZone = ZoneId.of(functions.spec("GreetingsFunction").environment().getOrDefault("STORE_TIME_ZONE",
                "Asia/Shanghai"));
        this.ledger = Invariants.scan(cloud, "SendLedgerTable");
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d members over %d days from %s (seed %d%s), simulated in %.0f s%n",
                options.members(), options.days(), options.start(), options.seed(),
                options.faults() ? ", with faults" : "", outcome.seconds()));
        out.append(String.format("events published: %,d %s%n", outcome.events(),
                new TreeMap<>(outcome.truth().publishedByType())));
        if (options.faults()) {
            out.append(String.format("faults injected: %,d events delivered twice, %,d delivered late,"
                    + " %d poison messages, %d sends throttled by SES%n", outcome.duplicates(), outcome.delayed(),
                    outcome.poison().size(), outcome.throttledSends()));
        }
        out.append(String.format("one-click unsubscribes: %d; function invocations: %s%n", outcome.unsubscribes(),
                outcome.invocations()));
        if (!outcome.failedAttempts().isEmpty()) {
            out.append("failed attempts, retried: ").append(outcome.failedAttempts()).append('\n');
        }
        return out.toString();
    }

    /** Mail SES accepted, by journey and day (store time zone); and what was not sent, by reason. */
    String messages() {
        Map<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        TreeSet<String> journeys = new TreeSet<>();
        Map<String, Integer> notSent = new TreeMap<>();
        for (Map<String, AttributeValue> entry : ledger) {
            String journey = entry.containsKey("journey") ? entry.get("journey").s() : "?";
            String status = entry.get("status").s();
            if (status.equals("SENT") && entry.containsKey("settledAt")) {
                LocalDate day = Instant.parse(entry.get("settledAt").s()).atZone(storeZone).toLocalDate();
                byDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(journey, 1, Integer::sum);
                journeys.add(journey);
            } else if (!status.equals("SENT")) {
                String reason = entry.containsKey("reason") ? entry.get("reason").s() : status;
                notSent.merge(journey + ": " + reason.replaceAll("[0-9TZ:.-]{15,}", "…"), 1, Integer::sum);
            }
        }
        String[] headers = new String[journeys.size() + 2];
        headers[0] = "day";
        int i = 1;
        for (String journey : journeys) {
            headers[i++] = journey;
        }
        headers[i] = "all";
        TextTable table = new TextTable(headers);
        Map<String, Integer> totals = new TreeMap<>();
        byDay.forEach((day, counts) -> {
            Object[] cells = new Object[headers.length];
            cells[0] = day;
            int j = 1;
            int all = 0;
            for (String journey : journeys) {
                int n = counts.getOrDefault(journey, 0);
                cells[j++] = n == 0 ? "" : n;
                all += n;
                totals.merge(journey, n, Integer::sum);
            }
            cells[j] = all;
            table.row(cells);
        });
        Object[] total = new Object[headers.length];
        total[0] = "total";
        int j = 1;
        int all = 0;
        for (String journey : journeys) {
            total[j++] = totals.getOrDefault(journey, 0);
            all += totals.getOrDefault(journey, 0);
        }
        total[j] = all;
        table.row(total);
        StringBuilder out = new StringBuilder(table.isEmpty() ? "(no mail)\n" : table.render());
        if (!notSent.isEmpty()) {
            out.append("\nnot sent, by reason:\n");
            TextTable reasons = new TextTable("journey: reason", "messages");
            notSent.forEach(reasons::row);
            out.append(reasons.render());
        }
        return out.toString();
    }

    String coupons() {
        Map<String, long[]> byCampaign = new TreeMap<>();
        for (Map<String, AttributeValue> coupon : Invariants.scan(cloud, "CouponsTable")) {
            long[] figures = byCampaign.computeIfAbsent(coupon.get("campaign").s(), c -> new long[2]);
            figures[0]++;
            if (coupon.containsKey("redeemedOrderId")) {
                figures[1]++;
            }
        }
        TextTable table = new TextTable("campaign", "issued", "redeemed", "redemption rate");
        byCampaign.forEach((campaign, f) -> table.row(campaign, f[0], f[1],
                f[0] == 0 ? "" : String.format("%.1f%%", 100.0 * f[1] / f[0])));
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    String carts() {
        LocalDate first = outcome.start().atZone(storeZone).toLocalDate();
        LocalDate last = outcome.end().atZone(storeZone).toLocalDate();
        long[] totals = new long[8];
        var stats = new DynamoDbCartStats(cloud.dynamoDb(), cloud.tableName("CartStatsTable"));
        for (CartDayStats day : stats.days(first, last)) {
            totals[0] += day.abandoned();
            totals[1] += day.reminded();
            totals[2] += day.couponsIssued();
            totals[3] += day.recovered();
            totals[4] += day.recoveredRevenueMinor();
            totals[5] += day.couponCostMinor();
            totals[6] += day.heldOut();
            totals[7] += day.heldOutRecovered();
        }
        TextTable table = new TextTable("abandoned", "reminded", "recovered", "held out", "held out, ordered",
                "coupons issued", "recovered revenue", "coupon cost");
        table.row(totals[0], totals[1], totals[3], totals[6], totals[7], totals[2], money(totals[4]),
                money(totals[5]));
        return table.render();
    }

    /** The wake-up rate per win-back step, as the staff read it from CareListsFunction. */
    String wakeUp() {
        LocalDate from = outcome.start().atZone(storeZone).toLocalDate();
        LocalDate to = outcome.end().minusSeconds(1).atZone(storeZone).toLocalDate();
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/wake-up",
                "from=" + from + "&to=" + to + "&format=json", Map.of(), null);
        if (response.getStatusCode() != 200) {
            return "(the wake-up report answered " + response.getStatusCode() + ": " + response.getBody() + ")\n";
        }
        TextTable table = new TextTable("step", "sent", "woken", "rate", "revenue", "coupon discount", "net revenue",
                "still in window");
        for (JsonNode row : read(response.getBody()).get("rows")) {
            table.row(row.get("step").asText(), row.get("sent").asText(), row.get("woken").asText(),
                    row.get("wakeUpRate").asText(), money(row.get("revenueMinor").asLong()),
                    money(row.get("couponDiscountMinor").asLong()), money(row.get("netRevenueMinor").asLong()),
                    row.get("stillInWindow").asText());
        }
        return table.render();
    }

    /** The lift report per journey, step, variant and week (the run's last 13 at most), from CareListsFunction. */
    String lift() {
        LocalDate last = outcome.end().minusSeconds(1).atZone(storeZone).toLocalDate();
        LocalDate first = outcome.start().atZone(storeZone).toLocalDate();
        first = first.isBefore(last.minusWeeks(12)) ? last.minusWeeks(12) : first;
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/lift",
                "from=" + LiftCell.periodOf(first) + "&to=" + LiftCell.periodOf(last) + "&format=json", Map.of(), null);
        if (response.getStatusCode() != 200) {
            return "(the lift report answered " + response.getStatusCode() + ": " + response.getBody() + ")\n";
        }
        TextTable table = new TextTable("journey", "step", "variant", "week", "eligible", "sent", "skipped",
                "held out", "converted (treated / held out)", "revenue (treated / held out)", "coupon cost",
                "incremental revenue", "ROI");
        for (JsonNode row : read(response.getBody()).get("rows")) {
            table.row(row.get("journey").asText(), row.get("step").asText(), row.get("variant").asText(),
                    row.get("period").asText(), row.get("eligible").asText(), row.get("sent").asText(),
                    row.get("skipped").asText(), row.get("heldOut").asText(),
                    row.get("treatedConverters").asText() + " / " + row.get("heldOutConverters").asText(),
                    money(row.get("treatedRevenue").asLong()) + " / " + money(row.get("heldOutRevenue").asLong()),
                    money(row.get("couponCost").asLong()), row.get("incrementalRevenue").asText(),
                    row.get("roi").asText());
        }
        return table.isEmpty() ? "(no assignments)\n" : table.render();
    }

    String disputes() {
        int opened = 0;
        int resolved = 0;
        for (GroundTruth.Dispute dispute : outcome.truth().disputes().values()) {
            opened += dispute.openedPublishedAt != null ? 1 : 0;
            resolved += dispute.resolvedPublishedAt != null ? 1 : 0;
        }
        Map<String, Integer> byTemplate = new TreeMap<>();
        ledger.stream().filter(e -> "SENT".equals(e.get("status").s()) && e.containsKey("templateId")
                        && e.get("templateId").s().startsWith("dispute-"))
                .forEach(e -> byTemplate.merge(e.get("templateId").s(), 1, Integer::sum));
        int open = 0;
        for (Map<String, AttributeValue> dispute : Invariants.scan(cloud, "DisputesTable")) {
            open += dispute.containsKey("openCustomerId") ? 1 : 0;
        }
        return String.format("opened %d, resolved by the platforms or agents %d, still open %d;"
                        + " reminders to agents %d, escalations %d; mail to customers %d%n", opened, resolved, open,
                byTemplate.getOrDefault("dispute-deadline-reminder", 0),
                byTemplate.getOrDefault("dispute-deadline-breached", 0),
                byTemplate.entrySet().stream().filter(e -> !e.getKey().startsWith("dispute-deadline"))
                        .mapToInt(Map.Entry::getValue).sum());
    }

    String rejects() {
        Map<String, Integer> byReason = new TreeMap<>();
        for (Map<String, AttributeValue> reject : Invariants.scan(cloud, "RejectsTable")) {
            byReason.merge(reject.get("consumer").s() + " | " + reject.get("reason").s(), 1, Integer::sum);
        }
        TextTable table = new TextTable("consumer | reason", "events");
        byReason.forEach(table::row);
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    /** DynamoDB capacity per function (each function is one journey's step), over the run. */
    static String capacity() {
        Map<String, double[]> byFunction = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            double[] units = byFunction.computeIfAbsent(usage.function(), f -> new double[2]);
            units[0] += usage.readUnits();
            units[1] += usage.writeUnits();
        }
        TextTable table = new TextTable("function", "read units", "write units");
        byFunction.forEach((function, units) -> table.row(function, String.format("%,.1f", units[0]),
                String.format("%,.1f", units[1])));
        return table.render();
    }

    private String money(long minor) {
        return String.format("%,.2f", minor / 100.0);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
