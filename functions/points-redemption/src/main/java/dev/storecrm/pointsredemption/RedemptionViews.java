package dev.storecrm.pointsredemption;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.loyalty.LoyaltyPolicy;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.Redemption;
import dev.storecrm.domain.loyalty.RedemptionOutcome;
import dev.storecrm.platform.http.PointsJson;
import java.time.Clock;

/** The JSON the checkout gets: an account, a redemption, a refusal, an error. */
final class RedemptionViews {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LoyaltyPolicy policy;
    private final Clock clock;

    RedemptionViews(LoyaltyPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The balance, what can be spent now, what is held by reservations, and what expires when (last usable day). */
    ObjectNode account(PointsAccount account) {
        return PointsJson.account(JSON.createObjectNode(), account, policy.storeZone(), clock.instant());
    }

    ObjectNode redemption(String customerId, String orderId, Redemption redemption, PointsAccount account) {
        return redemption(customerId, orderId, redemption, account.available(clock.instant(), policy.storeZone()));
    }

    ObjectNode redemption(String customerId, String orderId, Redemption redemption, long available) {
        Redemption.Status status = redemption.status() == Redemption.Status.RESERVED
                && !redemption.expiresAt().isAfter(clock.instant()) ? Redemption.Status.EXPIRED : redemption.status();
        ObjectNode view = JSON.createObjectNode().put("customerId", customerId).put("orderId", orderId)
                .put("status", status.wire()).put("points", redemption.points()).put("returned", redemption.returned())
                .put("reservedAt", redemption.reservedAt().toString())
                .put("expiresAt", redemption.expiresAt().toString());
        redemption.settledAt().ifPresent(at -> view.put("settledAt", at.toString()));
        return view.put("available", available);
    }

    ObjectNode refused(RedemptionOutcome.Refused refused) {
        return error(refused.refusal().wire(), refused.detail()).put("orderId", refused.orderId())
                .put("available", refused.available());
    }

    static ObjectNode error(String code, String reason) {
        return JSON.createObjectNode().put("error", code).put("reason", reason);
    }
}
