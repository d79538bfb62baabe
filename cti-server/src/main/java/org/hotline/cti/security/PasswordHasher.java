package org.hotline.cti.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import static java.util.Objects.requireNonNull;

/**
 * Hashes and checks passwords with bcrypt ({@code $2y$}, a random 16-byte salt per hash). The
 * cost is the log2 of the work: each step doubles the time of a login attempt for an attacker
 * and for us. {@link #DEFAULT_COST} suits a login screen; tests and the load benchmark that
 * create thousands of users pass a low cost to {@link #hash(String, int)}.
 */
public final class PasswordHasher {
    public static final int DEFAULT_COST = 10;
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 30;
    /** bcrypt reads no further than 72 bytes: longer passwords would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final SecureRandom random;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    public PasswordHasher(int cost) {
        this(cost, new SecureRandom());
    }

    public PasswordHasher(int cost, SecureRandom random) {
        this.cost = checkCost(cost);
        this.random = requireNonNull(random, "random");
    }

    /** The cost {@link #hash(String)} uses. */
    public int cost() {
        return cost;
    }

    /** Hashes with this hasher's cost. */
    public String hash(String password) {
        return hash(password, cost);
    }

    /** Hashes with the given cost (4-30) and a fresh random salt. */
    public String hash(String password, int cost) {
        checkPassword(password);
        checkCost(cost);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, cost);
    }

    /**
     * True when {@code password} matches {@code hash}. The comparison takes the same time
     * wherever the first difference is; a malformed or empty hash (an account without a
     * password) never matches.
     */
    public boolean verify(String password, String hash) {
        requireNonNull(password, "password");
        if (hash == null || hash.isEmpty() || password.isEmpty()
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (RuntimeException malformed) {
            // Not a bcrypt string (e.g. an account imported without a password): no match.
            return false;
        }
    }

    private static void checkPassword(String password) {
        requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password: empty (expected: 1-" + MAX_PASSWORD_BYTES + " bytes)");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException(
                    "password: " + bytes + " bytes in UTF-8 (expected: at most " + MAX_PASSWORD_BYTES + ")");
        }
    }

    private static int checkCost(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost: " + cost + " (expected: " + MIN_COST + "-" + MAX_COST + ")");
        }
        return cost;
    }
}
