package org.hotline.cti.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The utility's billing / customer information system (CIS), the source of truth for what a
 * customer owes, their meter readings and planned supply interruptions.
 *
 * <p>To plug in a site's own system, implement this interface in an adapter (a REST, SOAP or
 * database-link client) and hand it to the composition root instead of the implementation on
 * Hotline's own tables. Contract for implementations:
 * <ul>
 *   <li>calls may block (they run on worker threads, never on the event loop) but must answer
 *       within a second or throw: the desk shows the customer card without billing figures
 *       rather than wait;</li>
 *   <li>an unknown account is {@link Optional#empty()}, not an exception;</li>
 *   <li>amounts are in the utility's currency with two decimals; times are instants (UTC);</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 */
public interface BillingGateway {
    /** Balance, arrears and the last meter reading of an account. */
    record Account(String accountNo, BigDecimal balance, BigDecimal arrears, BigDecimal lastReading,
                   Instant lastReadingAt, Customer.Status status) {}

    /** A planned interruption of supply (停氣 / 停水 / 停電預告) in a district or grid area. */
    record PlannedOutage(String district, String gridArea, Instant from, Instant until, String reason) {}

    Optional<Account> account(String accountNo);

    /** Outages that overlap [{@code from}, {@code until}) and touch this customer's district or grid area. */
    List<PlannedOutage> plannedOutages(String district, String gridArea, Instant from, Instant until);
}
