package dev.storecrm.winback;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.winback.WinBackTimer;

/** What WinBackQueue carries: the win-back timers the sweep delivers; anything else is refused with its reason. */
final class WinBackInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WinBackInput() {}

    static WinBackTimer read(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "win-back timer is not valid JSON");
        }
        if (node == null || !WinBackTimer.isOne(node)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, "not a win-back timer");
        }
        return WinBackTimer.read(node);
    }
}
