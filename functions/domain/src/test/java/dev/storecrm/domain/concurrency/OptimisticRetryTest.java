package dev.storecrm.domain.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimisticRetryTest {

    private final List<Integer> attempts = new ArrayList<>();

    @Test
    void givesUpAfterItsAttemptsWithAnErrorNamingTheRecordAndTheLastConflictAsCause() {
        List<ConcurrentUpdateException> conflicts = new ArrayList<>();
        ConcurrentUpdateException gaveUp = assertThrows(ConcurrentUpdateException.class,
                () -> new OptimisticRetry(3).run("cart c-1", number -> {
                    attempts.add(number);
                    ConcurrentUpdateException conflict = new ConcurrentUpdateException("cart c-1 changed, " + number);
                    conflicts.add(conflict);
                    throw conflict;
                }));
        assertEquals(List.of(1, 2, 3), attempts, "three attempts, numbered from 1, then no more");
        assertEquals("cart c-1 kept changing: gave up after 3 attempts", gaveUp.getMessage());
        assertSame(conflicts.getLast(), gaveUp.getCause());
    }

    @Test
    void returnsTheFirstSuccessAndTriesNoFurther() {
        String result = OptimisticRetry.standard().run("member m-1", number -> {
            attempts.add(number);
            if (number < 3) {
                throw new ConcurrentUpdateException("member m-1 changed since it was read");
            }
            return "saved on attempt " + number;
        });
        assertEquals("saved on attempt 3", result);
        assertEquals(List.of(1, 2, 3), attempts);
    }

    @Test
    void aFirstAttemptWithoutConflictIsTheOnlyOne() {
        String result = OptimisticRetry.standard().run("dispute d-1", number -> {
            attempts.add(number);
            return "saved on attempt " + number;
        });
        assertEquals("saved on attempt 1", result);
        assertEquals(List.of(1), attempts);
    }

    @Test
    void doesNotRetryOtherErrors() {
        IllegalStateException outage = new IllegalStateException("table unavailable");
        assertSame(outage, assertThrows(IllegalStateException.class,
                () -> OptimisticRetry.standard().run("cart c-1", number -> {
                    attempts.add(number);
                    throw outage;
                })));
        assertEquals(List.of(1), attempts, "an error other than a conflict ends the loop at once");
    }

    @Test
    void aConflictAnInnerLoopGaveUpOnIsNotRetriedByAnOuterOne() {
        ConcurrentUpdateException gaveUp = assertThrows(ConcurrentUpdateException.class,
                () -> new OptimisticRetry(3).run("cart c-1", outer -> {
                    attempts.add(outer);
                    return new OptimisticRetry(2).run("the coupon grants of c-1", inner -> {
                        throw new ConcurrentUpdateException("the coupon grants of c-1 changed");
                    });
                }));
        assertEquals(List.of(1), attempts, "two inner attempts, not three times two");
        assertEquals("the coupon grants of c-1 kept changing: gave up after 2 attempts", gaveUp.getMessage());
    }

    @Test
    void theStandardRetryTriesFiveTimes() {
        assertThrows(ConcurrentUpdateException.class, () -> OptimisticRetry.standard().run("cart c-1", number -> {
            attempts.add(number);
            throw new ConcurrentUpdateException("cart c-1 changed");
        }));
        assertEquals(List.of(1, 2, 3, 4, 5), attempts);
    }

    @Test
    void refusesToTryLessThanOnce() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new OptimisticRetry(0));
        assertEquals("at least one attempt, not 0", refused.getMessage());
    }
}
