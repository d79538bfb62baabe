package org.hotline.cti.core;

/**
 * Today's counters of one queue. Service level = answered within the threshold / offered
 * (abandons count against it, as utilities report it); ASA = mean wait of answered calls.
 */
public final class QueueStatistics {
    private int offered;
    private int answered;
    private int abandoned;
    private int answeredWithin;
    private long answerWaitMillis;

    /** An immutable copy. */
    public record Figures(int offered, int answered, int abandoned, int answeredWithinThreshold,
                          long answerWaitMillis) {
        public static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

        public double serviceLevelPercent() {
            return offered == 0 ? 100.0 : 100.0 * answeredWithinThreshold / offered;
        }

        public double averageSpeedOfAnswerSeconds() {
            return answered == 0 ? 0 : answerWaitMillis / 1000.0 / answered;
        }

        public Figures plus(Figures o) {
            return new Figures(offered + o.offered, answered + o.answered, abandoned + o.abandoned,
                    answeredWithinThreshold + o.answeredWithinThreshold, answerWaitMillis + o.answerWaitMillis);
        }
    }

    void offered() {
        offered++;
    }

    void answered(long waitMillis, long thresholdMillis) {
        answered++;
        answerWaitMillis += waitMillis;
        if (waitMillis <= thresholdMillis) {
            answeredWithin++;
        }
    }

    void abandoned() {
        abandoned++;
    }

    void reset() {
        offered = answered = abandoned = answeredWithin = 0;
        answerWaitMillis = 0;
    }

    Figures figures() {
        return new Figures(offered, answered, abandoned, answeredWithin, answerWaitMillis);
    }
}
