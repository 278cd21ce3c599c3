package dev.storecrm.domain.rfm;

/** A member's R, F and M scores, each from 1 (the store's lowest fifth) to 5 (its highest). */
public record RfmScores(int r, int f, int m) {

    public RfmScores {
        if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) {
            throw new IllegalArgumentException("RFM scores are 1 to 5, not " + r + f + m);
        }
    }

    /** The three scores as one string, e.g. {@code 545}. */
    public String code() {
        return "" + r + f + m;
    }
}
