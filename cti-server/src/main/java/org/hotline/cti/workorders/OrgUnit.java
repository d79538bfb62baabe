package org.hotline.cti.workorders;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A department or team of the organisation that work orders are dispatched to.
 *
 * @param parentUnitId the unit above, {@code null} at the top
 * @param leadAgentId  who receives escalations for this unit, {@code null} if nobody
 */
public record OrgUnit(String unitId, String parentUnitId, Kind kind, String name, String leadAgentId) {
    /** Departments hold teams; orders go to a department and optionally one of its teams. */
    public enum Kind { DEPARTMENT, TEAM }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public OrgUnit {
        requireNonNull(unitId, "unitId");
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        if (!ID.matcher(unitId).matches()) {
            throw new IllegalArgumentException("unit id: \"" + unitId + "\" (expected: 1-64 letters, digits, '_', '.', '-')");
        }
        if (unitId.equals(parentUnitId)) {
            throw new IllegalArgumentException("unit " + unitId + " is its own parent (expected: another unit or none)");
        }
    }
}
