package org.hotline.cti.testing;

import java.util.List;
import java.util.ArrayList;
import java.util.Collections;

import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.CdrWriter;
import org.hotline.cti.calls.IvrVisit;

/** Keeps records in memory and calls them durable at once. */
public final class MemoryCdrWriter implements CdrWriter {
    public final List<CallSegment> segments = Collections.synchronizedList(new ArrayList<>());
    public final List<CallDetailRecord> records = Collections.synchronizedList(new ArrayList<>());
    public final List<AgentStateChange> states = Collections.synchronizedList(new ArrayList<>());
    public final List<IvrVisit> ivrVisits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void segmentEnded(CallSegment s) {
        segments.add(s);
    }

    @Override
    public void callEnded(CallDetailRecord r, Runnable onDurable) {
        records.add(r);
        onDurable.run();
    }

    @Override
    public void agentStateChanged(AgentStateChange c) {
        states.add(c);
    }

    @Override
    public void ivrVisited(IvrVisit v) {
        ivrVisits.add(v);
    }

    public List<CallSegment> segmentsOf(String callId) {
        return List.copyOf(segments).stream().filter(s -> s.callId().equals(callId)).toList();
    }
}
