package dev.storecrm.domain.loyalty;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Points given or taken outside orders, once per {@code requestKey}: an operator's adjustment
 * (either way, with the acting identity and the reason) or a referral reward. Credited points
 * expire by the rule from the day they are granted.
 */
public record Grant(EntryKind kind, long points, String requestKey, Optional<String> actor, Optional<String> reason) {

    private static final Set<EntryKind> KINDS = Set.of(EntryKind.ADJUSTMENT, EntryKind.REFERRAL);

    public Grant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        if (!KINDS.contains(kind) || points == 0 || (points < 0 && kind != EntryKind.ADJUSTMENT)) {
            throw new IllegalArgumentException("a grant is an adjustment (either way) or a referral reward, not "
                    + points + " " + kind.wire());
        }
        if (kind == EntryKind.ADJUSTMENT && (actor.isEmpty() || reason.isEmpty())) {
            throw new IllegalArgumentException("an adjustment names who made it and why");
        }
    }

    /** What a grant did; {@code available}: the points the member can spend afterwards. */
    public record Outcome(boolean applied, boolean refused, long available) {}
}
