package org.hotline.cti.routing;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A call waiting in a queue. {@code enteredAt} is when it joined this queue; {@code headOfQueue}
 * puts it before the others of its priority (a call that rang out at an agent goes back to the
 * head of its queue); {@code sequence} breaks ties so ordering is total.
 */
public record WaitingCall(String callId, String queueId, int priority, Instant enteredAt, boolean headOfQueue,
                          long sequence) implements Comparable<WaitingCall> {
    public WaitingCall {
        requireNonNull(callId, "callId");
        requireNonNull(queueId, "queueId");
        requireNonNull(enteredAt, "enteredAt");
    }

    /** Serving order: higher priority, then head of queue, then longest waiting. */
    @Override
    public int compareTo(WaitingCall o) {
        int c = Integer.compare(o.priority, priority);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(o.headOfQueue, headOfQueue);
        if (c != 0) {
            return c;
        }
        c = enteredAt.compareTo(o.enteredAt);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
