package org.hotline.cti.customers;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What an agent's desk shows when a call arrives: every customer matched by the caller's number
 * (or the account keyed in the IVR), each with its open work orders and last contacts. No match
 * means an unknown caller; several mean a shared number and the agent picks.
 */
public record ScreenPop(String callId, String callerNumber, List<Match> matches) {
    /** One matched customer with what the agent needs before saying hello. */
    public record Match(Customer customer, List<WorkOrderSummary> openWorkOrders, List<Contact> recentContacts) {
        public Match {
            requireNonNull(customer, "customer");
            openWorkOrders = List.copyOf(openWorkOrders);
            recentContacts = List.copyOf(recentContacts);
        }
    }

    public ScreenPop {
        requireNonNull(callId, "callId");
        requireNonNull(callerNumber, "callerNumber");
        matches = List.copyOf(matches);
    }
}
