package dev.storecrm.domain.member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The VIP levels and the trailing-year spend (minor units of the store currency) each needs.
 * Written as configuration {@code VIP1=50000,VIP2=200000,VIP3=1000000}; members below the first
 * threshold hold the base tier.
 */
public record TierLadder(String baseTier, List<Level> levels) {

    public record Level(String name, long thresholdMinor) {}

    public TierLadder {
        levels = levels.stream().sorted(Comparator.comparingLong(Level::thresholdMinor)).toList();
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).thresholdMinor() == levels.get(i - 1).thresholdMinor()) {
                throw new IllegalArgumentException("two tiers share the threshold " + levels.get(i).thresholdMinor());
            }
        }
    }

    public static TierLadder parse(String baseTier, String spec) {
        List<Level> levels = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] nameAndThreshold = part.trim().split("=");
                if (nameAndThreshold.length != 2 || nameAndThreshold[0].isBlank()) {
                    throw new IllegalArgumentException("tier thresholds must look like VIP1=50000,VIP2=200000");
                }
                long threshold = Long.parseLong(nameAndThreshold[1].trim());
                if (threshold <= 0) {
                    throw new IllegalArgumentException("tier thresholds must be positive");
                }
                levels.add(new Level(nameAndThreshold[0].trim(), threshold));
            }
        }
        return new TierLadder(baseTier, levels);
    }

    /** The rank reached with this spend: 0 is the base tier, 1 the first level and so on. */
    public int rankFor(long spendMinor) {
        int rank = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (spendMinor >= levels.get(i).thresholdMinor()) {
                rank = i + 1;
            }
        }
        return rank;
    }

    /** The rank of a tier by name: 0 the base tier, 1 the first level and so on; empty for a name not on the ladder. */
    public OptionalInt rankOf(String name) {
        if (baseTier.equals(name)) {
            return OptionalInt.of(0);
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(name)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    public String nameOf(int rank) {
        return rank == 0 ? baseTier : levels.get(rank - 1).name();
    }
}
