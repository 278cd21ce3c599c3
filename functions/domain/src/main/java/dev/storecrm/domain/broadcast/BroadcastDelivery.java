package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.messaging.MessageRequest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the sender did with a broadcast's messages, counted per campaign, variant and outcome where it settles each
 * one in the send ledger (once per business key): {@code SENT}, {@code HELD_OUT}, or why not (the ledger's reason
 * code: {@code NO_MARKETING_CONSENT}, {@code EXPIRED_UNDER_CAP}, {@code EXPIRED}, {@code REJECTED_BY_SES}, …). The
 * outcomes are a small fixed set and a broadcast has at most five variants, so a campaign's counts are one small
 * item, read whole.
 */
public interface BroadcastDelivery {

    /** The data field a broadcast's request names its campaign with. */
    String CAMPAIGN = "campaign";
    /** The data field a broadcast's request names its variant with. */
    String VARIANT = "variant";
    /** The outcome of a message that went. */
    String SENT = "SENT";
    /** The outcome of a held-out member's request: recorded, never sent (not a failure). */
    String HELD_OUT = "HELD_OUT";

    /** Counts one settled message of the campaign's variant with {@code outcome}. */
    void count(String campaignId, String variant, String outcome);

    /** The campaign's counts so far (empty before its first message settles). */
    Tally read(String campaignId);

    /** The campaign and variant a settled request counts under: none unless it is a broadcast's. */
    static Optional<Line> lineOf(MessageRequest request) {
        if (!Broadcast.JOURNEY.equals(request.journey())
                || !(request.data().get(CAMPAIGN) instanceof String campaign) || campaign.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Line(campaign, variantOf(request)));
    }

    /** The variant a request names in its data, or {@code -} when it names none (every journey but broadcasts). */
    static String variantOf(MessageRequest request) {
        return request.data().get(VARIANT) instanceof String variant && !variant.isBlank() ? variant : "-";
    }

    /** A campaign's variant. */
    record Line(String campaignId, String variant) {}

    /** Per variant, the number of messages settled with each outcome. */
    record Tally(Map<String, Map<String, Long>> byVariant) {

        public Tally {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            byVariant.forEach((variant, outcomes) -> copy.put(variant, Map.copyOf(outcomes)));
            byVariant = java.util.Collections.unmodifiableMap(copy);
        }

        /** Counts of one variant: sent, not sent by reason, held out. */
        public record Figures(long sent, Map<String, Long> notSent, long heldOut) {

            /** Every message settled (sent, not sent, held out). */
            public long settled() {
                return sent + heldOut + notSent.values().stream().mapToLong(Long::longValue).sum();
            }
        }

        /** The figures of one variant (all zero if none of its messages settled yet). */
        public Figures of(String variant) {
            return figures(Map.of(variant, byVariant.getOrDefault(variant, Map.of())));
        }

        /** The figures of every variant together. */
        public Figures total() {
            return figures(byVariant);
        }

        private static Figures figures(Map<String, Map<String, Long>> variants) {
            long sent = 0;
            long heldOut = 0;
            Map<String, Long> notSent = new TreeMap<>();
            for (Map<String, Long> outcomes : variants.values()) {
                for (Map.Entry<String, Long> outcome : outcomes.entrySet()) {
                    switch (outcome.getKey()) {
                        case SENT -> sent += outcome.getValue();
                        case HELD_OUT -> heldOut += outcome.getValue();
                        default -> notSent.merge(outcome.getKey(), outcome.getValue(), Long::sum);
                    }
                }
            }
            return new Figures(sent, notSent, heldOut);
        }
    }
}
