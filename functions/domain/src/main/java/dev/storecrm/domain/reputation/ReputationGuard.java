package dev.storecrm.domain.reputation;

import dev.storecrm.domain.reputation.SendingReputation.Counts;
import dev.storecrm.domain.reputation.SendingReputation.Event;
import dev.storecrm.domain.reputation.SendingReputation.Pause;
import dev.storecrm.domain.reputation.SendingReputation.Resume;
import dev.storecrm.domain.reputation.SendingReputation.State;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the sending reputation: counts what SES reports (sends, hard bounces, complaints) and, when a bounce or a
 * complaint takes a rate over its pause threshold in the rolling window (with at least the policy's minimum of
 * sends in it), pauses marketing e-mail; an account alarm (SES's own reputation metrics) pauses it too. Only an
 * operator resumes it; counting then starts again (a new epoch), so the complaints that caused the pause do not
 * pause it again at once.
 */
public final class ReputationGuard {

    /** Why marketing was paused. */
    public enum Reason { COMPLAINT_RATE, BOUNCE_RATE, ACCOUNT_COMPLAINT_RATE, ACCOUNT_BOUNCE_RATE }

    private final SendingReputation store;
    private final ReputationPolicy policy;
    private final Clock clock;

    public ReputationGuard(SendingReputation store, ReputationPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** Counts one event; true if it paused marketing. */
    public boolean record(Event event, Instant at) {
        State state = store.state();
        store.count(state.epoch(), event, at);
        if (event == Event.SEND || state.paused()) {
            return false;
        }
        Instant now = clock.instant();
        Counts counts = store.window(state.epoch(), now.minus(policy.window()), now);
        return policy.breach(counts)
                .map(reason -> store.pause(state.epoch(), new Pause(now, reason.name(), counts)))
                .orElse(false);
    }

    /** Pauses marketing because an account alarm fired; true if this paused it. */
    public boolean accountAlarm(Reason reason) {
        State state = store.state();
        Instant now = clock.instant();
        return !state.paused() && store.pause(state.epoch(),
                new Pause(now, reason.name(), store.window(state.epoch(), now.minus(policy.window()), now)));
    }

    /** Resumes marketing, recording who did it and when; empty if it was not paused. */
    public Optional<State> resume(String by) {
        return store.resume(new Resume(clock.instant(), by));
    }

    /** The state and the counts of the current window. */
    public Status status() {
        State state = store.state();
        Instant now = clock.instant();
        return new Status(state, store.window(state.epoch(), now.minus(policy.window()), now), policy);
    }

    /** What the staff see: the state, the current window's counts, the policy. */
    public record Status(State state, Counts window, ReputationPolicy policy) {}
}
