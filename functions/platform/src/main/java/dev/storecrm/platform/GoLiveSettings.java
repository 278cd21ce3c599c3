package dev.storecrm.platform;

import dev.storecrm.domain.golive.GoLivePolicy;
import java.time.ZoneId;

/**
 * The go-live guard from the function's settings: {@code GO_LIVE_AT} (empty, a date or a moment:
 * template parameter {@code GoLiveAt}), {@code GO_LIVE_RAMP_DAYS} (14: {@code GoLiveRampDays}) and
 * {@code STORE_TIME_ZONE} (for a date without an offset). A bad value stops the function at start-up.
 */
public final class GoLiveSettings {

    private GoLiveSettings() {}

    public static GoLivePolicy from(Settings settings) {
        try {
            return GoLivePolicy.parse(settings.optional("GO_LIVE_AT", ""),
                    settings.longValue("GO_LIVE_RAMP_DAYS", GoLivePolicy.DEFAULT_RAMP.toDays()),
                    ZoneId.of(settings.required("STORE_TIME_ZONE")));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("go-live settings are invalid: " + e.getMessage(), e);
        }
    }
}
