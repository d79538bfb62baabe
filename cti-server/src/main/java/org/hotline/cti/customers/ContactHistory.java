package org.hotline.cti.customers;

import java.util.List;

/** The customers' timelines. Calls block on storage: never call from the event loop. */
public interface ContactHistory {
    /** The newest {@code limit} contacts of a customer, newest first. */
    List<Contact> latest(Customer customer, int limit);

    /** Appends contacts in one batch; each names its customer by {@link Contact#accountNo()}. Unknown accounts are skipped. */
    int append(List<Contact> contacts);
}
