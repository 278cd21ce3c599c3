package dev.storecrm.carelists;

import dev.storecrm.domain.rfm.RfmBook;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmHistogram;
import dev.storecrm.domain.rfm.RfmState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The members' RFM states a test puts in, listed by segment as the ByGroup index lists them (by id). */
final class InMemoryRfmBook implements RfmBook {

    final Map<String, RfmState> states = new TreeMap<>();

    @Override
    public Optional<RfmState> find(String customerId, boolean consistentRead) {
        return Optional.ofNullable(states.get(customerId));
    }

    @Override
    public RfmHistogram histogram(long fromWeek) {
        throw new UnsupportedOperationException("the lists read no histogram");
    }

    @Override
    public void save(RfmChange change, LocalDate day) {
        throw new UnsupportedOperationException("the lists write no RFM");
    }

    @Override
    public Map<RfmChange.Group, Long> counts(LocalDate day) {
        throw new UnsupportedOperationException("the lists read no counts");
    }

    @Override
    public List<String> members(RfmChange.Group group, String after, int limit) {
        return states.values().stream()
                .filter(s -> group.kind() == RfmChange.Kind.SEGMENT ? s.segment().equals(group.name())
                        : s.audiences().contains(group.name()))
                .map(RfmState::customerId).filter(id -> after == null || id.compareTo(after) > 0).limit(limit)
                .toList();
    }
}
