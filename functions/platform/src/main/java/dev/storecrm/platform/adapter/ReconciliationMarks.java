package dev.storecrm.platform.adapter;

import java.time.Instant;
import java.util.Optional;

/**
 * How far a scheduled reconciliation has read a platform's changes (a high-water mark): the time
 * its next sweep reads changes since, and, while a sweep is too long for one run, the page it goes
 * on from and when that sweep began. One small item per reconciliation, read and written once a run,
 * whatever the store's size: a run costs what the changes it reads cost.
 *
 * @param since          changes made at or after this time are read (less the reconciliation's overlap)
 * @param nextPage       the page a sweep in progress goes on from; 1 when none is in progress
 * @param sweepStartedAt when the sweep in progress began: the {@code since} of the next one
 * @param revision       the revision this mark was read at, so that overlapping runs never move it back
 */
public interface ReconciliationMarks {

    record Mark(Instant since, int nextPage, Optional<Instant> sweepStartedAt, long revision) {

        public Mark {
            if (nextPage < 1) {
                throw new IllegalArgumentException("pages count from 1");
            }
        }

        /** Whether a sweep is in progress (it stopped at its page limit and goes on in the next run). */
        public boolean inProgress() {
            return sweepStartedAt.isPresent();
        }
    }

    Optional<Mark> read(String name);

    /**
     * Saves a mark unless another run saved one since this run read {@code revision} (0: none saved
     * yet); answers whether it was saved.
     */
    boolean save(String name, Mark mark);
}
