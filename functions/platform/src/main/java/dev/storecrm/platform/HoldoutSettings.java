package dev.storecrm.platform;

import dev.storecrm.domain.campaign.Holdout;

/**
 * The marketing journeys' holdout from the function's settings: {@code HOLDOUT_PERCENT} (template parameter
 * {@code HoldoutPercent}, default 5, 0 turns holdouts off). A bad value stops the function at start-up.
 */
public final class HoldoutSettings {

    static final String DEFAULT_PERCENT = "5";

    private HoldoutSettings() {}

    public static Holdout from(Settings settings) {
        String percent = settings.optional("HOLDOUT_PERCENT", DEFAULT_PERCENT);
        try {
            return Holdout.percent(percent);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("HOLDOUT_PERCENT is invalid: " + e.getMessage(), e);
        }
    }
}
