package dev.storecrm.privacyrequests;

import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.privacy.PersonalData;
import dev.storecrm.domain.privacy.PersonalDataEraser;
import dev.storecrm.domain.privacy.PrivacyRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The privacy requests and one member's data in memory, for the services' unit tests. */
final class InMemoryPrivacy implements PrivacyRequests, PersonalData, PersonalDataEraser {

    /** Erasures by request id. */
    final Map<String, ErasureProgress> erasures = new HashMap<>();
    /** Erasure requests ended. */
    final Set<String> erased = new HashSet<>();
    /** The steps run, in order, with the pseudonym each was given. */
    final List<String> stepsRun = new ArrayList<>();
    /** A step that fails (once) the next time it runs, as a throttled write would. */
    Step failing;

    /** Kept requests by type and request id: the event's id. */
    final Map<String, String> kept = new LinkedHashMap<>();
    /** Exports by data request id. */
    final Map<String, String> exports = new HashMap<>();
    /** Records by customer id and part. */
    final Map<String, Map<Part, List<Map<String, Object>>>> data = new HashMap<>();
    /** Customer ids by normalised e-mail address. */
    final Map<String, List<String>> emails = new HashMap<>();

    void add(String customerId, Part part, Map<String, Object> record) {
        data.computeIfAbsent(customerId, c -> new EnumMap<>(Part.class))
                .computeIfAbsent(part, p -> new ArrayList<>()).add(record);
    }

    @Override
    public boolean keep(PrivacyEvent request, String eventJson, Instant receivedAt) {
        return kept.putIfAbsent(request.meta().type() + "#" + request.requestId(), request.meta().id()) == null;
    }

    @Override
    public void exported(PrivacyEvent.CustomerDataRequested request, String exportJson, Instant at) {
        exports.put(request.requestId(), exportJson);
    }

    @Override
    public Optional<String> export(String requestId) {
        return Optional.ofNullable(exports.get(requestId));
    }

    @Override
    public Optional<ErasureProgress> erasure(PrivacyEvent.CustomerErasureRequested request) {
        return Optional.ofNullable(erasures.get(request.requestId()));
    }

    @Override
    public ErasureProgress beginErasure(PrivacyEvent.CustomerErasureRequested request, ErasureProgress start,
                                        Instant at) {
        return erasures.computeIfAbsent(request.requestId(), id -> start);
    }

    @Override
    public void stepDone(PrivacyEvent.CustomerErasureRequested request, Step step, Instant at) {
        ErasureProgress progress = erasures.get(request.requestId());
        Set<Step> done = new HashSet<>(progress.done());
        done.add(step);
        erasures.put(request.requestId(), new ErasureProgress(progress.customerId(), progress.pseudonym(),
                progress.addressHash(), done));
    }

    @Override
    public void erased(PrivacyEvent.CustomerErasureRequested request, Instant at) {
        erased.add(request.requestId());
    }

    @Override
    public void erase(Step step, Subject subject) {
        if (step == failing) {
            failing = null;
            throw new IllegalStateException("throttled");
        }
        stepsRun.add(step + " " + subject.customerId() + " " + subject.pseudonym());
    }

    @Override
    public Section read(String customerId, Part part, int limit) {
        List<Map<String, Object>> records = data.getOrDefault(customerId, Map.of()).getOrDefault(part, List.of());
        return new Section(part, records.stream().limit(limit).toList(), records.size() > limit);
    }

    @Override
    public List<String> idsByEmail(String emailKey, int limit) {
        return emails.getOrDefault(emailKey, List.of()).stream().limit(limit).toList();
    }
}
