package dev.storecrm.domain.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The fixed buckets of the RFM histogram, so that its items stay bounded whatever the store's size:
 * <ul>
 *   <li>R: the UTC week (days since 1970-01-01 divided by 7) of the last counted order; only the
 *       {@link #RECENCY_WEEKS} weeks up to now are read, every older member is one bucket;</li>
 *   <li>F: the counted orders, 1 to {@link #FREQUENCY_CAP} (that many or more);</li>
 *   <li>M: net lifetime spend on a log scale, four buckets per doubling ({@code floor(4 log2 minor)}),
 *       {@link #MONETARY_BUCKETS} buckets up to 2^40 minor units.</li>
 * </ul>
 */
public final class RfmBuckets {

    public static final int RECENCY_WEEKS = 104;
    public static final int FREQUENCY_CAP = 30;
    public static final int MONETARY_BUCKETS = 160;

    private RfmBuckets() {}

    public static long week(Instant at) {
        return Math.floorDiv(at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(), 7);
    }

    /** The first day of a week bucket. */
    public static LocalDate weekStart(long week) {
        return LocalDate.ofEpochDay(week * 7);
    }

    public static int frequency(long orders) {
        return (int) Math.max(1, Math.min(FREQUENCY_CAP, orders));
    }

    public static int monetary(long spendMinor) {
        if (spendMinor <= 1) {
            return 0;
        }
        int bucket = (int) Math.floor(4 * Math.log(spendMinor) / Math.log(2));
        return Math.min(MONETARY_BUCKETS - 1, bucket);
    }

    /** The least spend (minor units) of a monetary bucket. */
    public static long monetaryFloor(int bucket) {
        return bucket == 0 ? 0 : (long) Math.ceil(Math.pow(2, bucket / 4.0));
    }
}
