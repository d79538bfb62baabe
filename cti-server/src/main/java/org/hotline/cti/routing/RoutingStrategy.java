package org.hotline.cti.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Pure routing decision: which waiting calls go to which ready agents now. No state, no clock
 * of its own ({@code now} is given), so it is property-tested in isolation.
 */
public interface RoutingStrategy {
    /**
     * @param waiting calls waiting, in any order (a set sorted in their natural order is walked as it is)
     * @param ready   agents free for a call, indexed by the queues they qualify for
     * @param queues  queue definitions by id
     * @return assignments, each call and each agent at most once
     */
    List<Assignment> assign(Collection<WaitingCall> waiting, ReadyPool ready,
                            Map<String, QueueDefinition> queues, Instant now);
}
