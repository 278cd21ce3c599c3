package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.LocalFunctions;
import java.io.IOException;
import java.util.Map;

/**
 * A whole staff list as the staff get it at any size, through CareListsFunction's IAM-signed function URL:
 * asked for with {@code POST /exports}, written by ListExportFunction from its queue, followed with
 * {@code GET /exports/{id}}; a failure at any step is thrown.
 */
final class JuneExport {

    private static final String LISTS = "CareListsFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JuneExport() {}

    /** The export's final record ({@code rows}, {@code bytes}, {@code url}). */
    static JsonNode of(LocalFunctions functions, String request) {
        JsonNode asked = answer(functions.invokeSignedUrl(LISTS, "POST", "/exports", "",
                Map.of("content-type", "application/json"), request), 202);
        functions.drain("ListExportFunction");
        JsonNode done = answer(functions.invokeSignedUrl(LISTS, "GET", asked.get("statusUrl").asText(), "",
                Map.of(), null), 200);
        if (!done.path("status").asText().equals("done")) {
            throw new IllegalStateException("the export did not finish: " + done);
        }
        return done;
    }

    private static JsonNode answer(APIGatewayV2HTTPResponse response, int expected) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException("the list export answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new IllegalStateException("the list export's answer is not JSON", e);
        }
    }
}
