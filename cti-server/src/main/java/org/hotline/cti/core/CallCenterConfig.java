package org.hotline.cti.core;

import java.time.Duration;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the live model. {@code ringNoAnswer}: how long a routed call rings before it goes
 * back to the head of its queue and the agent becomes NotReady("missed"). {@code afterCallWork}:
 * wrap-up time before the agent is Ready again by itself. {@code defaultQueueId}: where a call
 * goes that names no known queue.
 */
public record CallCenterConfig(String siteId, Duration ringNoAnswer, Duration afterCallWork, String defaultQueueId,
                               ZoneId zone) {
    public CallCenterConfig {
        requireNonNull(siteId, "siteId");
        requireNonNull(ringNoAnswer, "ringNoAnswer");
        requireNonNull(afterCallWork, "afterCallWork");
        requireNonNull(defaultQueueId, "defaultQueueId");
        requireNonNull(zone, "zone");
        if (ringNoAnswer.isNegative() || ringNoAnswer.isZero()) {
            throw new IllegalArgumentException("ringNoAnswer: " + ringNoAnswer + " (expected: > 0)");
        }
        if (afterCallWork.isNegative()) {
            throw new IllegalArgumentException("afterCallWork: " + afterCallWork + " (expected: >= 0)");
        }
    }

    public static CallCenterConfig defaults(String defaultQueueId) {
        return new CallCenterConfig("main", Duration.ofSeconds(15), Duration.ofSeconds(30), defaultQueueId,
                ZoneId.systemDefault());
    }

    public CallCenterConfig withAfterCallWork(Duration d) {
        return new CallCenterConfig(siteId, ringNoAnswer, d, defaultQueueId, zone);
    }

    public CallCenterConfig withRingNoAnswer(Duration d) {
        return new CallCenterConfig(siteId, d, afterCallWork, defaultQueueId, zone);
    }
}
