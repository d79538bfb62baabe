package org.hotline.cti.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Builds screen pops from the directory, the open work orders and the contact history. Blocks
 * on storage: runs on workers (see {@link ScreenPopListener}), never on the event loop.
 */
public final class ScreenPops {
    /** The most customers a pop lists for one number: beyond that the agent searches. */
    public static final int MAX_MATCHES = 10;
    public static final int RECENT_CONTACTS = 10;

    private final CustomerDirectory directory;
    private final OpenWorkOrders workOrders;
    private final ContactHistory history;

    public ScreenPops(CustomerDirectory directory, OpenWorkOrders workOrders, ContactHistory history) {
        this.directory = requireNonNull(directory, "directory");
        this.workOrders = requireNonNull(workOrders, "workOrders");
        this.history = requireNonNull(history, "history");
    }

    /**
     * The pop for a call: customers with the caller's number, plus the account keyed in the IVR
     * (first, when it is not among them).
     */
    public ScreenPop compute(String callId, String callerNumber, String enteredAccount) {
        List<Customer> found = new ArrayList<>();
        if (enteredAccount != null && !enteredAccount.isEmpty()) {
            Optional<Customer> byAccount = directory.byAccount(enteredAccount);
            byAccount.ifPresent(found::add);
        }
        if (callerNumber != null && !callerNumber.isEmpty()) {
            for (Customer c : directory.byPhone(callerNumber, MAX_MATCHES)) {
                if (found.size() < MAX_MATCHES && found.stream().noneMatch(f -> f.id() == c.id())) {
                    found.add(c);
                }
            }
        }
        List<ScreenPop.Match> matches = new ArrayList<>(found.size());
        for (Customer c : found) {
            matches.add(new ScreenPop.Match(c, workOrders.of(c.accountNo()), history.latest(c, RECENT_CONTACTS)));
        }
        return new ScreenPop(callId, callerNumber == null ? "" : callerNumber, matches);
    }
}
