package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * One page of a broadcast's fan-out, as it travels on the BroadcastQueue: the campaign, the page's number (from 1)
 * and the last customer id of the page before it.
 */
public record BroadcastPage(String campaignId, int page, Optional<String> after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BroadcastPage {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1");
        }
        after = after == null ? Optional.empty() : after;
    }

    /** The first page of a campaign. */
    public static BroadcastPage first(String campaignId) {
        return new BroadcastPage(campaignId, 1, Optional.empty());
    }

    /** The page after this one, which begins after {@code lastId}. */
    public BroadcastPage next(String lastId) {
        return new BroadcastPage(campaignId, page + 1, Optional.of(lastId));
    }

    public String json() {
        ObjectNode node = JSON.createObjectNode().put("campaignId", campaignId).put("page", page);
        after.ifPresent(id -> node.put("after", id));
        return node.toString();
    }

    /** A message body; an {@link dev.storecrm.domain.InvalidInputException} names what is wrong. */
    public static BroadcastPage read(String body) {
        JsonFields fields = JsonFields.object(Json.input(body), "").allowOnly(Set.of("campaignId", "page", "after"));
        return new BroadcastPage(fields.matching("campaignId", BroadcastJson.CAMPAIGN_ID, "a campaign id"),
                (int) fields.integer("page", 1, Integer.MAX_VALUE), fields.optionalIdentifier("after"));
    }
}
