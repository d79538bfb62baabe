package org.hotline.cti.stats;

import java.time.Duration;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * How call records and state changes are rolled up.
 *
 * @param zone                the report zone: the daily rollups (and so day, month and year
 *                            reports) follow its calendar days
 * @param shortAbandon        an abandoned call that waited less than this is a short abandon
 *                            (misdial, caller hung up at once); it is not held against the
 *                            service level
 * @param defaultServiceLevel the service-level threshold of a queue missing from the directory
 */
public record RollupSettings(ZoneId zone, Duration shortAbandon, Duration defaultServiceLevel) {
    public RollupSettings {
        requireNonNull(zone, "zone");
        requireNonNull(shortAbandon, "shortAbandon");
        requireNonNull(defaultServiceLevel, "defaultServiceLevel");
        if (shortAbandon.isNegative()) {
            throw new IllegalArgumentException("shortAbandon: " + shortAbandon + " (expected: >= 0)");
        }
        if (defaultServiceLevel.isNegative()) {
            throw new IllegalArgumentException("defaultServiceLevel: " + defaultServiceLevel + " (expected: >= 0)");
        }
    }

    /** The server's zone, short abandons under 5 s, 20 s service level for unknown queues. */
    public static RollupSettings defaults() {
        return new RollupSettings(ZoneId.systemDefault(), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    public RollupSettings withZone(ZoneId zone) {
        return new RollupSettings(zone, shortAbandon, defaultServiceLevel);
    }

    public RollupSettings withShortAbandon(Duration shortAbandon) {
        return new RollupSettings(zone, shortAbandon, defaultServiceLevel);
    }
}
