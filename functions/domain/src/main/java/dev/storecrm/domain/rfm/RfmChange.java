package dev.storecrm.domain.rfm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One member's RFM going from {@code before} to {@code after} (either empty: no counted order), and
 * what that moves elsewhere: the histogram buckets, the live segment and audience counts, the
 * memberships to delete and to add. Saved as one transaction, so the counts always equal the memberships.
 */
public record RfmChange(String customerId, Optional<RfmState> before, Optional<RfmState> after) {

    /** A segment or an audience a member is in, as the memberships and the counts name it. */
    public record Group(Kind kind, String name) {}

    /** Segments are exclusive; audiences overlap. */
    public enum Kind { SEGMENT, AUDIENCE }

    public long membersDelta() {
        return (after.isPresent() ? 1 : 0) - (before.isPresent() ? 1 : 0);
    }

    public Map<Long, Long> weekDeltas() {
        Map<Long, Long> deltas = new TreeMap<>();
        before.ifPresent(s -> deltas.merge(s.week(), -1L, Long::sum));
        after.ifPresent(s -> deltas.merge(s.week(), 1L, Long::sum));
        deltas.values().removeIf(v -> v == 0);
        return deltas;
    }

    public Map<Integer, Long> frequencyDeltas() {
        Map<Integer, Long> deltas = new TreeMap<>();
        before.ifPresent(s -> deltas.merge(s.frequencyBucket(), -1L, Long::sum));
        after.ifPresent(s -> deltas.merge(s.frequencyBucket(), 1L, Long::sum));
        deltas.values().removeIf(v -> v == 0);
        return deltas;
    }

    public Map<Integer, Long> monetaryDeltas() {
        Map<Integer, Long> deltas = new TreeMap<>();
        before.ifPresent(s -> deltas.merge(s.monetaryBucket(), -1L, Long::sum));
        after.ifPresent(s -> deltas.merge(s.monetaryBucket(), 1L, Long::sum));
        deltas.values().removeIf(v -> v == 0);
        return deltas;
    }

    public List<Group> left() {
        List<Group> left = new ArrayList<>(groups(before));
        left.removeAll(groups(after));
        return left;
    }

    public List<Group> joined() {
        List<Group> joined = new ArrayList<>(groups(after));
        joined.removeAll(groups(before));
        return joined;
    }

    private static List<Group> groups(Optional<RfmState> state) {
        List<Group> groups = new ArrayList<>();
        state.ifPresent(s -> {
            groups.add(new Group(Kind.SEGMENT, s.segment()));
            s.audiences().forEach(a -> groups.add(new Group(Kind.AUDIENCE, a)));
        });
        return groups;
    }
}
