package org.hotline.cti.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A queue of the ACD. An agent qualifies when it has every {@code requiredSkills} entry at at
 * least that level; after {@code overflowAfter} of waiting, {@code overflowSkills} apply instead
 * (a wider set). Higher {@code priority} is served first. {@code dialledNumbers} are the numbers
 * and IVR choices that lead here.
 */
public record QueueDefinition(String queueId, String name, int priority, Map<String, Integer> requiredSkills,
                              Duration overflowAfter, Map<String, Integer> overflowSkills,
                              Duration serviceLevelThreshold, BusinessHours hours, List<String> dialledNumbers,
                              String siteId) {
    public QueueDefinition {
        requireNonNull(queueId, "queueId");
        requireNonNull(name, "name");
        requiredSkills = Map.copyOf(requiredSkills);
        requireNonNull(overflowAfter, "overflowAfter");
        overflowSkills = Map.copyOf(overflowSkills);
        requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        requireNonNull(hours, "hours");
        dialledNumbers = List.copyOf(dialledNumbers);
        requireNonNull(siteId, "siteId");
    }
}
