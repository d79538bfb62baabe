package org.hotline.agent.pop;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Contact;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.CustomerType;
import org.hotline.api.v1.WorkOrderSummary;

/**
 * What the screen pop asks the server: customers, their timeline and open work orders, the
 * quick-create of an unknown caller, the customer attached to a call, and blacklisting the caller.
 * Futures complete on the FX thread; a failure is a gRPC status with the server's reason.
 */
public interface CustomerGateway {
    CompletableFuture<List<Customer>> lookupByPhone(String phone);

    /** Empty when no customer has that account number. */
    CompletableFuture<Optional<Customer>> getByAccount(String accountNo);

    /** Customers whose name or address contains the fragment. */
    CompletableFuture<List<Customer>> search(String fragment, int limit);

    CompletableFuture<Customer> createCustomer(NewCustomer customer);

    /** The customer's timeline, newest first. */
    CompletableFuture<List<Contact>> listContacts(String accountNo, int limit);

    /** Work orders of the customer that are not closed, newest first. */
    CompletableFuture<List<WorkOrderSummary>> openWorkOrders(String accountNo);

    /** Attaches the customer to the call: the data follows the call through transfers and conferences. */
    CompletableFuture<Void> attachCustomer(String callId, String accountNo);

    /** Blocks the outside party of a call on this desk; {@code days} 0: until removed. */
    CompletableFuture<BlacklistEntry> blacklistCaller(String callId, String reason, int days);

    /** A customer to create; the request id is chosen once, so a retry does not create a second one. */
    record NewCustomer(String requestId, String name, List<String> phones, String address, String district,
                       CustomerType type) {
        public NewCustomer {
            phones = List.copyOf(phones);
        }
    }
}
