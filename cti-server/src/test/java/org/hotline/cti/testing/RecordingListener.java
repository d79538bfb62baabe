package org.hotline.cti.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.ModelListener;
import org.hotline.cti.core.QueueView;

/** Records what the live model publishes. */
public final class RecordingListener implements ModelListener {
    public record DeskCall(String agentId, CallChange change, CallView call, String cause) {}

    public final List<DeskCall> calls = new ArrayList<>();
    public final List<AgentView> agents = new ArrayList<>();
    public final List<QueueView> queues = new ArrayList<>();
    public final List<String> recorded = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();

    @Override
    public void agentChanged(AgentView agent, Instant origin) {
        agents.add(agent);
    }

    @Override
    public void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {
        calls.add(new DeskCall(agentId, change, call, cause));
    }

    @Override
    public void queueChanged(QueueView queue, Instant origin) {
        queues.add(queue);
    }

    @Override
    public void callRecorded(String agentId, String callId, String recordId) {
        recorded.add(agentId + ":" + callId);
    }

    @Override
    public void notice(String agentId, String code, String text, String from) {
        notices.add(agentId + ":" + code);
    }

    public List<DeskCall> callsFor(String agentId) {
        return calls.stream().filter(c -> c.agentId().equals(agentId)).toList();
    }

    public DeskCall last(String agentId, CallChange change) {
        List<DeskCall> l = calls.stream().filter(c -> c.agentId().equals(agentId) && c.change() == change).toList();
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }
}
