package org.hotline.supervisor.agents;

import java.time.Duration;

import org.hotline.api.v1.AgentState;

/**
 * When a row of the agents grid turns amber (warn) and red (alarm): time in Not ready, in
 * after-call work, on one call, and ringing unanswered.
 */
public record Thresholds(Duration notReadyWarn, Duration notReadyAlarm, Duration wrapUpWarn, Duration wrapUpAlarm,
                         Duration callWarn, Duration callAlarm, Duration ringingWarn) {
    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofSeconds(60), Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofSeconds(15));

    /** The level for an agent who has been {@code in} state {@code s} for {@code d}. */
    public Level level(AgentState s, Duration d) {
        return switch (s) {
            case AGENT_STATE_NOT_READY -> of(d, notReadyWarn, notReadyAlarm);
            case AGENT_STATE_AFTER_CALL_WORK -> of(d, wrapUpWarn, wrapUpAlarm);
            case AGENT_STATE_ON_CALL, AGENT_STATE_HELD -> of(d, callWarn, callAlarm);
            case AGENT_STATE_RESERVED -> d.compareTo(ringingWarn) >= 0 ? Level.WARN : Level.OK;
            default -> Level.OK;
        };
    }

    private static Level of(Duration d, Duration warn, Duration alarm) {
        return d.compareTo(alarm) >= 0 ? Level.ALARM : d.compareTo(warn) >= 0 ? Level.WARN : Level.OK;
    }

    /** A row's colour. */
    public enum Level { OK, WARN, ALARM }
}
