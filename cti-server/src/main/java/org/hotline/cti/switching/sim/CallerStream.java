package org.hotline.cti.switching.sim;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Callers of one kind: who dials which number how often, how long they wait and talk, and what
 * they choose in the IVR.
 *
 * @param name          for counters and logs ("gas-hotline")
 * @param dialledNumber the number they call ("95598")
 * @param callsPerHour  mean arrival rate of a Poisson process (20 calls/s = 72,000 per hour)
 * @param meanPatience  mean of the exponential time a caller waits for an agent after the IVR before
 *                      hanging up, or {@code null} for callers who never give up
 * @param meanTalkTime  mean of the exponential time a connected caller talks before hanging up, or
 *                      {@code null} for callers who wait for the agent to end the call
 * @param maxTalkTime   after this long connected the caller hangs up, or {@code null} for no limit
 * @param choices       the IVR paths, picked by weight
 */
public record CallerStream(String name, String dialledNumber, double callsPerHour, Duration meanPatience,
                           Duration meanTalkTime, Duration maxTalkTime, List<IvrChoice> choices) {
    public CallerStream {
        requireNonNull(name, "name");
        requireNonNull(dialledNumber, "dialledNumber");
        if (!(callsPerHour > 0) || Double.isInfinite(callsPerHour)) {
            throw new IllegalArgumentException("callsPerHour: " + callsPerHour + " (expected: > 0)");
        }
        if (meanPatience != null && (meanPatience.isZero() || meanPatience.isNegative())) {
            throw new IllegalArgumentException("meanPatience: " + meanPatience + " (expected: > 0, or null for none)");
        }
        if (meanTalkTime != null && (meanTalkTime.isZero() || meanTalkTime.isNegative())) {
            throw new IllegalArgumentException("meanTalkTime: " + meanTalkTime + " (expected: > 0, or null for none)");
        }
        if (maxTalkTime != null && (maxTalkTime.isZero() || maxTalkTime.isNegative())) {
            throw new IllegalArgumentException("maxTalkTime: " + maxTalkTime + " (expected: > 0, or null for none)");
        }
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choices: [] (expected: at least one IVR choice)");
        }
    }

    double callsPerSecond() {
        return callsPerHour / 3600.0;
    }
}
