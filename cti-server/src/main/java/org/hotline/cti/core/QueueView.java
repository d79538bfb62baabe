package org.hotline.cti.core;

import java.util.List;

import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.WaitingCall;

/** An immutable snapshot of a queue: waiting calls and today's figures. */
public record QueueView(QueueDefinition definition, List<Waiting> waiting, long longestWaitSeconds,
                        QueueStatistics.Figures today, int agentsReady, int agentsBusy, int agentsNotReady) {
    public record Waiting(WaitingCall call, String callerNumber) {}

    public QueueView {
        waiting = List.copyOf(waiting);
    }
}
