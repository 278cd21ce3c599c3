package dev.storecrm.domain.reputation;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the reputation guard keeps its counts and its state: bounded counters (one per hour of an epoch, so
 * nothing grows with the sending history) and one state item, whose {@code epoch} starts again at each resume.
 */
public interface SendingReputation {

    /** What SES reported: a send it accepted, a hard bounce, a complaint. */
    enum Event { SEND, BOUNCE, COMPLAINT }

    /** Sends, hard bounces and complaints counted in a window. */
    record Counts(long sends, long bounces, long complaints) {

        public static final Counts NONE = new Counts(0, 0, 0);

        /** Bounces per send, in percent (0 with no sends). */
        public double bouncePercent() {
            return sends == 0 ? 0 : 100.0 * bounces / sends;
        }

        /** Complaints per send, in percent (0 with no sends). */
        public double complaintPercent() {
            return sends == 0 ? 0 : 100.0 * complaints / sends;
        }
    }

    /** Why and when marketing was paused, with the counts that decided it. */
    record Pause(Instant at, String reason, Counts counts) {}

    /** Who resumed marketing, and when. */
    record Resume(Instant at, String by) {}

    /**
     * The guard's state: the epoch counts go to, whether marketing is paused, and the last pause and resume (kept
     * after a resume, for the record).
     */
    record State(long epoch, boolean paused, Optional<Pause> lastPause, Optional<Resume> lastResume) {

        public static final State FIRST = new State(0, false, Optional.empty(), Optional.empty());
    }

    /** The state now (the first state if none was ever written). */
    State state();

    /** Counts one event in the hour of {@code at}, in {@code epoch}. */
    void count(long epoch, Event event, Instant at);

    /** The counts of {@code epoch} in the hours from the one holding {@code from} to the one holding {@code to}. */
    Counts window(long epoch, Instant from, Instant to);

    /** Pauses marketing, unless it is paused already or a resume started another epoch: true if this paused it. */
    boolean pause(long epoch, Pause pause);

    /** Resumes paused marketing and starts the next epoch; empty if marketing was not paused. */
    Optional<State> resume(Resume resume);
}
