package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import dev.storecrm.simulation.StorePlay;
import dev.storecrm.simulation.platform.Platform;
import dev.storecrm.simulation.platform.ShopifyPayloads;
import dev.storecrm.simulation.platform.StripePayloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The events the cold-start benchmark replays: for each function, the last one it handled
 * successfully in a short simulated store that ends today (so that the events' times and the
 * console's tokens hold at the wall clock the replay runs at), then what the store does not do on
 * its own in a short run, from the samples of {@code events/}: a staff list export, the agents'
 * dispute queue, a data request, a Shopify and a Stripe delivery on their partner buses.
 */
final class ColdStartEvents {

    /** Not reached here, and why. */
    static final Map<String, String> NOT_REACHED = Map.of(
            "CareDeskFunction", "a staff API route behind the JWT authorizer",
            "SmsOptOutFunction", "no member answers STOP in a short run",
            "WooCommerceAdapterFunction", "a delivery signed with the store's webhook secret",
            "WooCommerceReconciliationFunction", "it reads the store's REST API",
            "SignedWebhookFunction", "a delivery signed with the store's webhook secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartEvents() {}

    /** Before the cloud starts: the partner buses of Shopify and Stripe exist, as in a store connected to both. */
    static void connectPlatforms() {
        Platform.SHOPIFY.useTemplateParameters();
        Platform.STRIPE.useTemplateParameters();
    }

    static Map<String, LocalFunctions.Invocation> capture(LocalCloud cloud, int members, int days, Path work) {
        Map<String, LocalFunctions.Invocation> last = new HashMap<>();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        StorePlay.play(cloud, members, days, start, work.resolve("mail"), quiet, invocation -> keep(last, invocation));

        LocalFunctions functions = cloud.functions(Clock.systemUTC());
        functions.observe(invocation -> keep(last, invocation));
        JuneExport.of(functions, "{\"list\":\"birthdays\",\"month\":\"" + YearMonth.now(ZoneOffset.UTC) + "\"}");
        functions.invokeSignedUrl("DisputeQueueFunction",
                FunctionUrlRequest.sample("dispute-queue/list-awaiting-seller.json"));
        cloud.eventBus().publish(sample("privacy-requests/customer-data-requested.json"), "samples", Instant.now());
        try {
            cloud.eventBus().publish(JSON.readTree(sample("shopify-adapter/orders-paid.json")),
                    ShopifyPayloads.PARTNER_SOURCE);
            cloud.eventBus().publish(JSON.readTree(sample("stripe-adapter/checkout-session-completed.json")),
                    StripePayloads.PARTNER_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        functions.drainAll();
        return last;
    }

    private static void keep(Map<String, LocalFunctions.Invocation> last, LocalFunctions.Invocation invocation) {
        boolean succeeded = switch (invocation.response()) {
            case SQSBatchResponse batch -> batch.getBatchItemFailures() == null
                    || batch.getBatchItemFailures().isEmpty();
            case APIGatewayV2HTTPResponse http -> http.getStatusCode() / 100 == 2;
            case null -> false;
            default -> true;
        };
        if (succeeded) {
            last.put(invocation.function(), invocation);
        }
    }

    private static String sample(String path) {
        try {
            return Files.readString(Template.projectRoot().resolve("events").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
