package org.hotline.cti.switching.sim;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One way through the IVR menus that a share of a stream's callers take.
 *
 * @param weight       relative share among the stream's choices (> 0)
 * @param digits       keys pressed ("13")
 * @param queueHint    the queue the menus lead to ("" for none)
 * @param duration     time spent in the IVR
 * @param accountShare probability (0..1) that the caller keys in an account number on the way
 * @param hangUpShare  probability (0..1) that the caller hangs up in the IVR before it hands the call
 *                     over (served by the self-service, or gave up)
 */
public record IvrChoice(double weight, String digits, String queueHint, Duration duration, double accountShare,
                        double hangUpShare) {
    public IvrChoice {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: > 0)");
        }
        if (!(accountShare >= 0 && accountShare <= 1)) {
            throw new IllegalArgumentException("accountShare: " + accountShare + " (expected: 0..1)");
        }
        if (!(hangUpShare >= 0 && hangUpShare <= 1)) {
            throw new IllegalArgumentException("hangUpShare: " + hangUpShare + " (expected: 0..1)");
        }
        requireNonNull(digits, "digits");
        requireNonNull(duration, "duration");
        queueHint = queueHint == null ? "" : queueHint;
        // Let IvrScript check the keys and the duration now, not at the first arrival.
        new IvrScript(digits, queueHint, null, duration);
    }

    /** A choice whose callers all go through to the CTI server. */
    public IvrChoice(double weight, String digits, String queueHint, Duration duration, double accountShare) {
        this(weight, digits, queueHint, duration, accountShare, 0);
    }
}
