package org.hotline.cti.calls;

import org.hotline.cti.agents.AgentStateChange;

/**
 * Where the live model hands finished records. Implementations never block the caller (the
 * event loop): they append to a durable outbox and write to the database in batches.
 * {@code onDurable} runs (on any thread) once the record would survive a crash; only then may
 * the record be acknowledged to anyone.
 */
public interface CdrWriter {
    void segmentEnded(CallSegment segment);

    void callEnded(CallDetailRecord record, Runnable onDurable);

    void agentStateChanged(AgentStateChange change);

    /** A caller's IVR visit, settled (see {@link IvrVisit}). */
    void ivrVisited(IvrVisit visit);
}
