package org.hotline.cti.stats;

/**
 * The call figures of one report row: the rolled-up sums and the rates derived from them.
 * Durations are sums in milliseconds; averages are in seconds.
 */
public record CallFigures(long offered, long answered, long answeredInServiceLevel, long abandoned,
                          long shortAbandoned, long answerWaitMillis, long abandonWaitMillis, long handled,
                          long transferred, long held, long talkMillis, long holdMillis, long afterCallWorkCount,
                          long afterCallWorkMillis) {
    static CallFigures of(long[] v) {
        return new CallFigures(v[RollupBatch.OFFERED], v[RollupBatch.ANSWERED], v[RollupBatch.ANSWERED_IN_SL],
                v[RollupBatch.ABANDONED], v[RollupBatch.SHORT_ABANDONED], v[RollupBatch.ANSWER_WAIT_MS],
                v[RollupBatch.ABANDON_WAIT_MS], v[RollupBatch.HANDLED], v[RollupBatch.TRANSFERRED], v[RollupBatch.HELD],
                v[RollupBatch.TALK_MS], v[RollupBatch.HOLD_MS], v[RollupBatch.ACW_COUNT], v[RollupBatch.ACW_MS]);
    }

    /**
     * Answered within the queue's threshold, in percent of the offered calls that were not short
     * abandons; 0 when there are none.
     */
    public double serviceLevelPercent() {
        long base = offered - shortAbandoned;
        return base <= 0 ? 0 : 100.0 * answeredInServiceLevel / base;
    }

    /** Abandoned calls in percent of offered calls. */
    public double abandonPercent() {
        return offered == 0 ? 0 : 100.0 * abandoned / offered;
    }

    public double averageSpeedOfAnswerSeconds() {
        return perCount(answerWaitMillis, answered);
    }

    public double averageAbandonWaitSeconds() {
        return perCount(abandonWaitMillis, abandoned);
    }

    /** Talk (hold not included) per handled call. */
    public double averageTalkSeconds() {
        return perCount(talkMillis, handled);
    }

    /** Hold per handled call. */
    public double averageHoldSeconds() {
        return perCount(holdMillis, handled);
    }

    /** After-call work per handled call. */
    public double averageAfterCallWorkSeconds() {
        return perCount(afterCallWorkMillis, handled);
    }

    /** Talk + hold + after-call work per handled call. */
    public double averageHandleSeconds() {
        return perCount(talkMillis + holdMillis + afterCallWorkMillis, handled);
    }

    private static double perCount(long millis, long count) {
        return count == 0 ? 0 : millis / 1000.0 / count;
    }
}
