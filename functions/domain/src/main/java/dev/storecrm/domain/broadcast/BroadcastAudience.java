package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.rfm.RfmChange;
import java.util.List;
import java.util.Objects;

/** Whom a broadcast goes to: a segment's or an audience's members (RfmFunction's), or a list of members. */
public sealed interface BroadcastAudience {

    /** The most members a list may name; beyond it, a segment or an audience is the way. */
    int MAX_MEMBERS = 1_000;

    /** A segment's or an audience's members, read a page at a time from the RfmTable's {@code ByGroup} index. */
    record Group(RfmChange.Group group) implements BroadcastAudience {
        public Group {
            Objects.requireNonNull(group, "group");
        }
    }

    /** Members named one by one, kept sorted and without repeats, so that pages follow customer ids. */
    record Members(List<String> customerIds) implements BroadcastAudience {
        public Members {
            customerIds = customerIds.stream().distinct().sorted().toList();
            if (customerIds.isEmpty() || customerIds.size() > MAX_MEMBERS) {
                throw new IllegalArgumentException("a list of members holds 1 to " + MAX_MEMBERS + " ids, not "
                        + customerIds.size() + " (use a segment or an audience for more)");
            }
        }

        /** At most {@code limit} ids after {@code after} (null: from the first). */
        public List<String> page(String after, int limit) {
            return customerIds.stream().filter(id -> after == null || id.compareTo(after) > 0).limit(limit).toList();
        }
    }
}
