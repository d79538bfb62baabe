package org.hotline.cti.switching.asterisk;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How to reach one Asterisk and how its dialplan is laid out (the sample configuration in
 * {@code docs/asterisk/} matches the defaults).
 *
 * @param host             AMI host
 * @param port             AMI port (5038)
 * @param username         AMI user ({@code manager.conf})
 * @param secret           AMI secret
 * @param trunks           PJSIP endpoints that are trunks: their channels are outside parties ("tel:")
 * @param externalContexts dialplan contexts whose Local channels reach outside numbers
 * @param agentsContext    where agent extensions and outside numbers are dialled from (Originate, Atxfer)
 * @param queuesContext    where a queue is an extension (blind transfer to a queue)
 * @param conferenceContext where {@code 90XX} is a ConfBridge room
 * @param queueExtensions  queue name -> its extension in {@code queuesContext}
 * @param pingInterval     how often the link is probed
 * @param deadAfter        silence after which the link counts as dead (at most 5 s by the issue)
 */
public record AsteriskSettings(String host, int port, String username, String secret, Set<String> trunks,
                               Set<String> externalContexts, String agentsContext, String queuesContext,
                               String conferenceContext, Map<String, String> queueExtensions,
                               Duration pingInterval, Duration deadAfter) {
    public AsteriskSettings {
        requireNonNull(host, "host");
        requireNonNull(username, "username");
        requireNonNull(secret, "secret");
        trunks = Set.copyOf(trunks);
        externalContexts = Set.copyOf(externalContexts);
        requireNonNull(agentsContext, "agentsContext");
        requireNonNull(queuesContext, "queuesContext");
        requireNonNull(conferenceContext, "conferenceContext");
        queueExtensions = Map.copyOf(queueExtensions);
        requireNonNull(pingInterval, "pingInterval");
        requireNonNull(deadAfter, "deadAfter");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
        }
        if (deadAfter.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("deadAfter: " + deadAfter + " (expected: > pingInterval " + pingInterval + ")");
        }
    }

    /** The lab layout of the captures and of the sample configuration. */
    public static AsteriskSettings defaults(String host, int port, String username, String secret) {
        return new AsteriskSettings(host, port, username, secret, Set.of("pstn"), Set.of("fake-pstn", "outbound"),
                "agents", "queues", "conferences", Map.of("service", "8100", "repair", "8200"), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public AsteriskSettings withLiveness(Duration ping, Duration dead) {
        return new AsteriskSettings(host, port, username, secret, trunks, externalContexts, agentsContext,
                queuesContext, conferenceContext, queueExtensions, ping, dead);
    }
}
