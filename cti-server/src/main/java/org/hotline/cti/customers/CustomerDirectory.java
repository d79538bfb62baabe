package org.hotline.cti.customers;

import java.util.List;
import java.util.Optional;

/**
 * Finds customers: by any of their phone numbers (the screen pop), by account number, or by a
 * fragment of the name or the address. Calls block on storage: never call from the event loop.
 */
public interface CustomerDirectory {
    /** Every customer with this number, at most {@code limit}; several when a number is shared. */
    List<Customer> byPhone(String phone, int limit);

    Optional<Customer> byAccount(String accountNo);

    /** Customers whose name or address contains {@code fragment}, at most {@code limit}, by account number. */
    List<Customer> search(String fragment, int limit);

    /**
     * Stores a customer entered at the desk under a new account number, unique per site, and
     * returns it as stored; {@link #byPhone} finds it as soon as this returns.
     */
    Customer create(NewCustomer customer);
}
