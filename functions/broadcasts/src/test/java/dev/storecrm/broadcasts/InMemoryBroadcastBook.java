package dev.storecrm.broadcasts;

import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.broadcast.BroadcastStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Broadcasts in memory, with the BroadcastsTable's conditions. */
final class InMemoryBroadcastBook implements BroadcastBook {

    private final Map<String, Stored> stored = new HashMap<>();

    @Override
    public boolean create(Broadcast broadcast, String by, Instant at) {
        return stored.putIfAbsent(broadcast.campaignId(), new Stored(broadcast, BroadcastStatus.DRAFT, 0,
                Optional.empty(), new PageCounts(0, 0, 0, Map.of()), at, by, Optional.empty(), Optional.empty()))
                == null;
    }

    @Override
    public Optional<Stored> find(String campaignId, boolean consistentRead) {
        return Optional.ofNullable(stored.get(campaignId));
    }

    @Override
    public Listing list(Optional<String> after, int limit) {
        java.util.List<Stored> newest = stored.values().stream().sorted(java.util.Comparator
                .comparing((Stored s) -> s.createdAt() + "#" + s.broadcast().campaignId()).reversed())
                .filter(s -> after.map(a -> (s.createdAt() + "#" + s.broadcast().campaignId()).compareTo(a) < 0)
                        .orElse(true)).toList();
        java.util.List<Stored> page = newest.subList(0, Math.min(limit, newest.size()));
        return new Listing(page, newest.size() > limit ? Optional.of(page.getLast().createdAt() + "#"
                + page.getLast().broadcast().campaignId()) : Optional.empty());
    }

    @Override
    public boolean schedule(String campaignId, Instant at) {
        Stored s = stored.get(campaignId);
        if (s.status() != BroadcastStatus.DRAFT) {
            return false;
        }
        stored.put(campaignId, new Stored(s.broadcast(), BroadcastStatus.SCHEDULED, 0, s.after(), s.counts(),
                s.createdAt(), s.createdBy(), Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public boolean cancel(String campaignId, String by, Instant at) {
        Stored s = stored.get(campaignId);
        if (s.status() == BroadcastStatus.SENT || s.status() == BroadcastStatus.CANCELLED) {
            return false;
        }
        stored.put(campaignId, new Stored(s.broadcast(), BroadcastStatus.CANCELLED, s.pagesDone(), s.after(),
                s.counts(), s.createdAt(), s.createdBy(), Optional.of(at), Optional.of(by)));
        return true;
    }

    @Override
    public boolean recordPage(String campaignId, int page, PageCounts counts, Optional<String> after, boolean last,
                              Instant at) {
        Stored s = stored.get(campaignId);
        if (s.pagesDone() != page - 1 || !s.status().fansOut()) {
            return false;
        }
        Map<String, Long> queued = new HashMap<>(s.counts().queued());
        counts.queued().forEach((variant, n) -> queued.merge(variant, n, Long::sum));
        PageCounts sum = new PageCounts(s.counts().members() + counts.members(),
                s.counts().heldOut() + counts.heldOut(), s.counts().notFound() + counts.notFound(), queued);
        stored.put(campaignId, new Stored(s.broadcast(), last ? BroadcastStatus.SENT : BroadcastStatus.SENDING, page,
                after.or(s::after), sum, s.createdAt(), s.createdBy(), last ? Optional.of(at) : Optional.empty(),
                Optional.empty()));
        return true;
    }
}
