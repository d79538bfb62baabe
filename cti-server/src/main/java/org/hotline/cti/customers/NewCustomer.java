package org.hotline.cti.customers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A customer entered at the desk (quick-create): the directory assigns the account number.
 * Validated here so that every entry point says the same about bad input: a name, at least one
 * phone number of digits only, sizes the tables hold.
 */
public record NewCustomer(String name, List<String> phones, String address, String district, Customer.Type type) {
    private static final Pattern PHONE = Pattern.compile("[0-9]{3,32}");

    public NewCustomer {
        name = requireNonNull(name, "name").strip();
        requireNonNull(phones, "phones");
        address = address == null ? "" : address.strip();
        district = district == null ? "" : district.strip();
        requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: '' (expected: the customer's name)");
        }
        if (name.length() > 128) {
            throw new IllegalArgumentException("name: " + name.length() + " characters (expected: at most 128)");
        }
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("phones: none (expected: at least one phone number)");
        }
        Set<String> seen = new HashSet<>();
        List<String> stripped = phones.stream().map(p -> p == null ? "" : p.strip()).toList();
        for (String p : stripped) {
            if (!PHONE.matcher(p).matches()) {
                throw new IllegalArgumentException("phone: '" + p + "' (expected: 3 to 32 digits, no spaces or signs)");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException("phone: '" + p + "' given twice (expected: each number once)");
            }
        }
        phones = stripped;
        if (address.length() > 255) {
            throw new IllegalArgumentException("address: " + address.length() + " characters (expected: at most 255)");
        }
        if (district.length() > 64) {
            throw new IllegalArgumentException("district: " + district.length() + " characters (expected: at most 64)");
        }
    }
}
