package org.hotline.cti.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A customer of the utility as the hotline sees it. {@code accountNo} is the customer's id
 * across the API and in attached call data; {@code id} is the storage key. Balance, arrears and
 * the last reading are a copy of what the {@link BillingGateway} reports.
 *
 * @param lastReadingAt null when the meter was never read
 */
public record Customer(long id, String accountNo, String name, List<String> phones, String address, String district,
                       String gridArea, String meterId, Type type, BigDecimal balance, BigDecimal arrears,
                       BigDecimal lastReading, Instant lastReadingAt, Status status) {
    /** Customer types the routing and the desk treat differently (VIP and large accounts first). */
    public enum Type { RESIDENTIAL, COMMERCIAL, LARGE_ACCOUNT, VIP }

    /** Service status of the account. */
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    public Customer {
        requireNonNull(accountNo, "accountNo");
        requireNonNull(name, "name");
        phones = List.copyOf(phones);
        requireNonNull(address, "address");
        requireNonNull(district, "district");
        requireNonNull(gridArea, "gridArea");
        requireNonNull(meterId, "meterId");
        requireNonNull(type, "type");
        requireNonNull(balance, "balance");
        requireNonNull(arrears, "arrears");
        requireNonNull(lastReading, "lastReading");
        requireNonNull(status, "status");
        if (accountNo.isBlank()) {
            throw new IllegalArgumentException("accountNo: '" + accountNo + "' (expected: not blank)");
        }
    }
}
