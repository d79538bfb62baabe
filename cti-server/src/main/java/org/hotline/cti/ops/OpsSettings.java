package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where the {@link OpsServer} listens.
 *
 * @param bindAddress the address to bind; loopback by default so metrics and health are not
 *     exposed to the network unless an operator says so (e.g. "0.0.0.0" for a Prometheus elsewhere)
 * @param port the TCP port; 0 picks a free one (tests)
 * @param healthCheckTimeout how long {@code /health} waits for a check before counting it as down
 */
public record OpsSettings(String bindAddress, int port, Duration healthCheckTimeout) {

    /** The port an operator points Prometheus at unless configured otherwise. */
    public static final int DEFAULT_PORT = 9464;
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    public OpsSettings {
        requireNonNull(bindAddress, "bindAddress");
        requireNonNull(healthCheckTimeout, "healthCheckTimeout");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress: '" + bindAddress
                    + "' (expected: an address such as 127.0.0.1 or 0.0.0.0)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0..65535, 0 for any free port)");
        }
        if (healthCheckTimeout.isNegative() || healthCheckTimeout.isZero()) {
            throw new IllegalArgumentException("healthCheckTimeout: " + healthCheckTimeout + " (expected: > 0)");
        }
    }

    /** Loopback, {@link #DEFAULT_PORT}, two seconds per health check. */
    public static OpsSettings defaults() {
        return new OpsSettings(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_HEALTH_CHECK_TIMEOUT);
    }

    /** These settings with another port. */
    public OpsSettings withPort(int newPort) {
        return new OpsSettings(bindAddress, newPort, healthCheckTimeout);
    }

    /** These settings with another bind address. */
    public OpsSettings withBindAddress(String newBindAddress) {
        return new OpsSettings(newBindAddress, port, healthCheckTimeout);
    }
}
