package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.LocalFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The store's checkout redeeming points, through PointsRedemptionFunction's signed URL as the
 * checkout backend calls it: for about one order in five of the period, the member's points are
 * looked up a minute before the order is placed and, if there are at least 100, up to half of
 * them are reserved; the reservation is confirmed a minute after the payment, or released a minute
 * after a cancellation. With faults, one confirmation in ten is sent twice (a retried call).
 * What was redeemed comes back by the ledger's own rules when orders are refunded or cancelled.
 */
final class PointsCheckouts {

    static final String FUNCTION = "PointsRedemptionFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunctions functions;
    private final Random random;
    private final boolean faults;
    private final Instant start;
    private final Set<String> reserved = new HashSet<>();

    PointsCheckouts(SimulationOptions options, LocalFunctions functions) {
        this.functions = functions;
        this.random = new Random(options.seed() * 31 + 7);
        this.faults = options.faults();
        this.start = options.start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The store's plan with the checkout's calls added, around the orders placed during the period. */
    List<Planned> around(List<Planned> plan) {
        Map<String, Instant> paid = new HashMap<>();
        Map<String, Instant> cancelled = new HashMap<>();
        List<JsonNode> placed = new ArrayList<>();
        for (Planned planned : plan) {
            if (planned instanceof Planned.Publish publish && !publish.copy()) {
                JsonNode event = publish.event();
                String orderId = event.path("body").path("orderId").asText();
                Instant at = OffsetDateTime.parse(event.get("occurredAt").asText()).toInstant();
                switch (event.get("type").asText()) {
                    case "OrderPlaced" -> placed.add(event);
                    case "OrderPaid" -> paid.put(orderId, at);
                    case "OrderCancelled" -> cancelled.put(orderId, at);
                    default -> { }
                }
            }
        }
        List<Planned> all = new ArrayList<>(plan);
        for (JsonNode order : placed) {
            Instant at = OffsetDateTime.parse(order.get("occurredAt").asText()).toInstant();
            if (at.isBefore(start.plusSeconds(120)) || random.nextInt(100) >= 20) {
                continue; // the store's past, or a checkout that uses no points
            }
            String customerId = order.path("body").path("customerId").asText();
            String orderId = order.path("body").path("orderId").asText();
            all.add(new Planned.Call(at.minusSeconds(60), FUNCTION, () -> reserve(customerId, orderId)));
            if (cancelled.containsKey(orderId)) {
                all.add(new Planned.Call(cancelled.get(orderId).plusSeconds(60), FUNCTION,
                        () -> settle(customerId, orderId, "/release", 1)));
            } else if (paid.containsKey(orderId)) {
                int times = faults && random.nextInt(10) == 0 ? 2 : 1;
                all.add(new Planned.Call(paid.get(orderId).plusSeconds(60), FUNCTION,
                        () -> settle(customerId, orderId, "/confirm", times)));
            }
        }
        return all;
    }

    /** Looks the points up and reserves up to half of them, in hundreds; the number of calls made. */
    private int reserve(String customerId, String orderId) {
        JsonNode points = read(functions.invokeSignedUrl(FUNCTION, "GET", "/members/" + customerId + "/points", "",
                Map.of(), null));
        long available = points.path("available").asLong();
        if (available < 100) {
            return 1;
        }
        long wanted = Math.max(100, available / 2 / 100 * 100);
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(FUNCTION, "POST",
                "/members/" + customerId + "/redemptions/" + orderId, "", Map.of("content-type", "application/json"),
                "{\"points\":" + wanted + "}");
        if (response.getStatusCode() == 200) {
            reserved.add(orderId);
        }
        return 2;
    }

    private int settle(String customerId, String orderId, String action, int times) {
        if (!reserved.contains(orderId)) {
            return 0;
        }
        for (int i = 0; i < times; i++) {
            String path = "/members/" + customerId + "/redemptions/" + orderId + action;
            functions.invokeSignedUrl(FUNCTION, "POST", path, "", Map.of(), null);
        }
        return times;
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
