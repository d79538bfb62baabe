package org.hotline.cti.workorders;

import java.util.EnumSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotline.cti.core.CommandException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invariants of the workflow table, over every action and status. */
class WorkOrderActionProperties {

    @Property
    void anActionEitherLeadsToItsStatusOrIsRefusedNamingTheStatus(@ForAll WorkOrderAction action,
                                                                   @ForAll WorkOrderStatus status) {
        if (action.allowedFrom(status)) {
            assertThat(action.apply("WO1", status)).isNotNull();
        } else {
            assertThatThrownBy(() -> action.apply("WO1", status))
                    .isInstanceOf(CommandException.class)
                    .hasMessageContaining("work order WO1 in status " + status);
        }
    }

    @Property
    void closedIsFinalForEveryUserEditOfTheWorkflow(@ForAll WorkOrderAction action) {
        Set<WorkOrderAction> workflow = EnumSet.of(WorkOrderAction.DISPATCH, WorkOrderAction.ACCEPT, WorkOrderAction.REASSIGN,
                WorkOrderAction.RETURN, WorkOrderAction.URGE, WorkOrderAction.RESOLVE, WorkOrderAction.CLOSE);
        if (workflow.contains(action)) {
            assertThat(action.allowedFrom(WorkOrderStatus.CLOSED)).isFalse();
        }
    }

    @Property
    void statusChangingActionsNeverLeadBackToNew(@ForAll WorkOrderAction action, @ForAll WorkOrderStatus status) {
        if (status != WorkOrderStatus.NEW && action.allowedFrom(status)) {
            assertThat(action.apply("WO1", status)).isNotEqualTo(WorkOrderStatus.NEW);
        }
    }
}
