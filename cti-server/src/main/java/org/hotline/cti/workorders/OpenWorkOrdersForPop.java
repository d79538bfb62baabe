package org.hotline.cti.workorders;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.hotline.cti.customers.OpenWorkOrders;
import org.hotline.cti.customers.WorkOrderSummary;
import org.hotline.cti.security.Role;

import static java.util.Objects.requireNonNull;

/**
 * The screen pop's open work orders of a caller's account, read from the work orders. Searched
 * with an agent's rights, so confidential complaints never reach a pop (nor the audit log).
 */
public final class OpenWorkOrdersForPop implements OpenWorkOrders {
    private static final Actor POP = new Actor("screen-pop", Role.AGENT);
    private static final int SHOWN = 10;

    private final WorkOrders orders;

    public OpenWorkOrdersForPop(WorkOrders orders) {
        this.orders = requireNonNull(orders, "orders");
    }

    @Override
    public List<WorkOrderSummary> of(String accountNo) {
        if (accountNo == null || accountNo.isBlank()) {
            return List.of();
        }
        WorkOrderQuery q = new WorkOrderQuery(null, null, null, accountNo, null, null, null, null, null,
                EnumSet.complementOf(EnumSet.of(WorkOrderStatus.CLOSED)), null, null, SHOWN, null);
        List<WorkOrderSummary> out = new ArrayList<>();
        for (WorkOrder o : orders.search(POP, q)) {
            if (o.confidential()) {
                continue;
            }
            out.add(new WorkOrderSummary(o.orderNo(), o.typeCode(), o.status().name(), o.priority().name(),
                    o.createdAt(), o.deadlines() == null ? null : o.deadlines().resolveBy(), o.title()));
        }
        return out;
    }
}
