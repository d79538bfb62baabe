package org.hotline.cti.workorders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured departments and teams, and the escalation chain of each. */
public final class OrgTree {
    private final Map<String, OrgUnit> units = new LinkedHashMap<>();

    public OrgTree(List<OrgUnit> units) {
        units.forEach(u -> this.units.put(u.unitId(), u));
    }

    public Optional<OrgUnit> unit(String unitId) {
        return Optional.ofNullable(unitId == null ? null : units.get(unitId));
    }

    public List<OrgUnit> units() {
        return List.copyOf(units.values());
    }

    /**
     * The leads to escalate to, nearest first: the lead of {@code unitId} (the order's team, or
     * its department when no team), then of each unit above. Units without a lead are skipped,
     * and a person leading two levels is asked once.
     */
    public List<String> escalationChain(String unitId) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        OrgUnit u = unitId == null ? null : units.get(unitId);
        while (u != null && seen.add(u.unitId())) {
            if (u.leadAgentId() != null && !chain.contains(u.leadAgentId())) {
                chain.add(u.leadAgentId());
            }
            u = u.parentUnitId() == null ? null : units.get(u.parentUnitId());
        }
        return chain;
    }
}
