package org.hotline.cti.customers;

import java.util.List;
import java.util.Optional;

/** Storage of blocked numbers. Calls block on storage: never call from the event loop. */
public interface Blacklist {
    /** Every entry, expired ones included (they are kept until removed, for the record). */
    List<BlacklistEntry> entries();

    /** Adds the number or replaces its entry (a new reason, a new expiry). */
    void put(BlacklistEntry entry);

    /** Removes the number; false when it was not listed. */
    boolean remove(String phone);

    Optional<BlacklistEntry> find(String phone);
}
