package dev.storecrm.domain.care;

import java.time.YearMonth;
import java.util.Optional;

/** Where follow-up calls are kept: one per member and list month, the latest. */
public interface FollowUpBook {

    void record(FollowUpCall call);

    Optional<FollowUpCall> find(String list, YearMonth month, String customerId);
}
