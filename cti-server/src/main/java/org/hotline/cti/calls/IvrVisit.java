package org.hotline.cti.calls;

import java.time.Instant;
import java.util.List;

import org.hotline.cti.switching.IvrOutcome;

import static java.util.Objects.requireNonNull;

/**
 * One caller's visit to the IVR, written when it is settled: when the caller hung up in the menus,
 * or when the CTI server took the call (a queue, or the closed or blocked announcement).
 *
 * @param menuPath the keys pressed, one per menu level, joined by {@code >} ("1>3"); "" when none
 * @param queueId  the queue the visit led to; "" for a caller who hung up in the IVR
 */
public record IvrVisit(String recordId, String siteId, String callId, String callerNumber, String dialledNumber,
                       Instant startedAt, Instant endedAt, String menuPath, String queueId, IvrOutcome outcome) {
    public IvrVisit {
        requireNonNull(siteId, "siteId");
        requireNonNull(callId, "callId");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(endedAt, "endedAt");
        requireNonNull(outcome, "outcome");
        menuPath = menuPath == null ? "" : menuPath;
        queueId = queueId == null ? "" : queueId;
    }

    /** The menu path of {@code choices} ("1", "3" -> "1>3"). */
    public static String path(List<String> choices) {
        return String.join(">", choices);
    }

    /** Time spent in the IVR, in milliseconds. */
    public long millis() {
        return Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
    }

    /** The same visit, settled by the CTI server: the queue it resolved and what it did with the call. */
    public IvrVisit settled(String queue, IvrOutcome how) {
        return new IvrVisit(recordId, siteId, callId, callerNumber, dialledNumber, startedAt, endedAt, menuPath, queue, how);
    }

    /** The same visit with the outbox's record id. */
    public IvrVisit withRecordId(String id) {
        return new IvrVisit(id, siteId, callId, callerNumber, dialledNumber, startedAt, endedAt, menuPath, queueId, outcome);
    }
}
