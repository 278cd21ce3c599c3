package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An e-mail the SES emulator received, as a test or the local run reads it back: recipients,
 * subject, both bodies, the extra headers ({@code List-Unsubscribe}, {@code In-Reply-To} and friends) and the
 * {@code ReplyToAddresses}.
 */
public record SentMail(String messageId, String from, List<String> to, String subject, String html, String text,
                       Map<String, String> headers, List<String> replyTo) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything the emulator at {@code endpoint} holds ({@code GET /store}), oldest first. */
    static List<SentMail> readStore(URI endpoint) {
        return readStore(endpoint, 0);
    }

    /** What the emulator received since a moment of its own clock (epoch seconds, inclusive). */
    static List<SentMail> readStore(URI endpoint, long sinceEpochSecond) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve(sinceEpochSecond > 0 ? "/store?since=" + sinceEpochSecond
                            : "/store")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode store = JSON.readTree(response.body());
            List<SentMail> mail = new ArrayList<>();
            for (JsonNode email : store.path("emails")) {
                List<String> to = new ArrayList<>();
                email.path("destination").path("to").forEach(t -> to.add(t.asText()));
                Map<String, String> headers = new LinkedHashMap<>();
                email.path("headers").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
                List<String> replyTo = new ArrayList<>();
                email.path("replyTo").forEach(r -> replyTo.add(r.asText()));
                mail.add(new SentMail(email.path("messageId").asText(), email.path("from").asText(), List.copyOf(to),
                        email.path("subject").asText(), email.path("body").path("html").asText(null),
                        email.path("body").path("text").asText(null), Map.copyOf(headers), List.copyOf(replyTo)));
            }
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SES emulator's store", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
