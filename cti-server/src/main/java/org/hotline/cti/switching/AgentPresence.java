package org.hotline.cti.switching;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the switch needs to know about an agent so that its own fallback routing (a plain
 * Asterisk queue when the CTI server is gone) matches the CTI server's view.
 */
public record AgentPresence(String device, String agentId, Mode mode, String reason, List<String> queues) {
    public enum Mode { LOGGED_OFF, READY, NOT_READY }

    public AgentPresence {
        requireNonNull(device, "device");
        requireNonNull(agentId, "agentId");
        requireNonNull(mode, "mode");
        reason = reason == null ? "" : reason;
        queues = List.copyOf(queues);
    }
}
