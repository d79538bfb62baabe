package org.hotline.cti.customers;

import java.util.List;

/**
 * The open work orders of a customer, for the screen pop. The work-order feature implements it;
 * until it is wired, {@link #NONE} answers that there are none. May block: called on workers.
 */
public interface OpenWorkOrders {
    OpenWorkOrders NONE = accountNo -> List.of();

    /** Open (not closed) work orders of the account, most urgent first. */
    List<WorkOrderSummary> of(String accountNo);
}
