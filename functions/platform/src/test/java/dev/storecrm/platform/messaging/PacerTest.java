package dev.storecrm.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void aSendCountsFromWhenItReturnedSoASlowRequestCannotBunchUpWithTheNextAtTheProvider() throws Exception {
        Pacer pacer = new Pacer(1);
        long[] firstReturned = new long[1];
        assertEquals("m-1", pacer.paced(() -> {
            pause(200);
            firstReturned[0] = System.nanoTime();
            return "m-1";
        }));
        long secondStarted = pacer.paced(System::nanoTime);
        assertTrue(secondStarted - firstReturned[0] >= Pacer.WINDOW_NANOS,
                "one send a second: the next starts a full window after the slow one returned, not after it began");
    }

    @Test
    void aFailedSendStillCounts() {
        Pacer pacer = new Pacer(1);
        long[] failedAt = new long[1];
        try {
            pacer.paced(() -> {
                failedAt[0] = System.nanoTime();
                throw new IllegalStateException("throttled");
            });
        } catch (IllegalStateException expected) {
            // the provider may have counted it
        }
        long next = pacer.paced(System::nanoTime);
        assertTrue(next - failedAt[0] >= Pacer.WINDOW_NANOS, "the failed send held its slot");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
