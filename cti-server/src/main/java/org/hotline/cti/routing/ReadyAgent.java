package org.hotline.cti.routing;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** An agent free for a call, as the router sees it. Ordered longest idle first. */
public record ReadyAgent(String agentId, Instant idleSince, Map<String, Integer> skills)
        implements Comparable<ReadyAgent> {
    public ReadyAgent {
        requireNonNull(agentId, "agentId");
        requireNonNull(idleSince, "idleSince");
        skills = Map.copyOf(skills);
    }

    @Override
    public int compareTo(ReadyAgent o) {
        int c = idleSince.compareTo(o.idleSince);
        return c != 0 ? c : agentId.compareTo(o.agentId);
    }

    /** True when the agent has every skill at least at the given level. */
    public boolean hasAll(Map<String, Integer> required) {
        return hasAll(skills, required);
    }

    /** True when {@code skills} has every required skill at least at the given level. */
    public static boolean hasAll(Map<String, Integer> skills, Map<String, Integer> required) {
        for (Map.Entry<String, Integer> e : required.entrySet()) {
            if (skills.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
