package dev.storecrm.platform.http;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.loyalty.ExpiryRule;
import dev.storecrm.domain.loyalty.PointsAccount;
import java.time.Instant;
import java.time.ZoneId;

/** A points account as the checkout's redemption API and the staff's member view both show it. */
public final class PointsJson {

    private PointsJson() {}

    /**
     * Puts into {@code view} the member's id, the balance, what can be spent now, what is held by
     * reservations, and what expires when ({@code expiring}: points by last usable day, null for never).
     */
    public static ObjectNode account(ObjectNode view, PointsAccount account, ZoneId storeZone, Instant now) {
        view.put("customerId", account.customerId()).put("balance", account.balance())
                .put("available", account.available(now, storeZone)).put("reserved", account.reserved());
        ArrayNode expiring = view.putArray("expiring");
        account.lots().byDate().forEach((date, points) -> {
            if (date.isAfter(account.today(now, storeZone))) {
                ObjectNode lot = expiring.addObject().put("points", points);
                if (date.equals(ExpiryRule.NEVER_DATE)) {
                    lot.putNull("lastDay");
                } else {
                    lot.put("lastDay", date.minusDays(1).toString());
                }
            }
        });
        return view;
    }
}
