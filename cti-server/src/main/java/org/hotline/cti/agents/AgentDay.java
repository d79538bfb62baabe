package org.hotline.cti.agents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One agent's figures for today ("my day"): calls handled, talk, handle time and time in each
 * state since local midnight, the current state counted up to {@code asOf}. Handle time is talk
 * (holds included) plus after-call work. LoggedOut time is not counted.
 */
public record AgentDay(Instant dayStart, Instant asOf, int callsHandled, long talkMillis, long handleMillis,
                       Map<AgentState, Long> millisInState) {
    /** One of the agent's talk legs on a call. */
    public record TalkLeg(String callId, Instant start, Instant end) {
        public TalkLeg {
            requireNonNull(callId, "callId");
            requireNonNull(start, "start");
            requireNonNull(end, "end");
        }
    }

    public AgentDay {
        requireNonNull(dayStart, "dayStart");
        requireNonNull(asOf, "asOf");
        EnumMap<AgentState, Long> copy = new EnumMap<>(AgentState.class);
        copy.putAll(millisInState);
        millisInState = Collections.unmodifiableMap(copy);
    }

    /** Local midnight of the clock's day in the clock's zone (the server's zone in production). */
    public static Instant startOfDay(Clock clock) {
        ZoneId zone = clock.getZone();
        return LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant();
    }

    /** Handle time per call handled, in whole seconds (rounded); 0 without calls. */
    public long averageHandleSeconds() {
        return callsHandled == 0 ? 0 : Math.round(handleMillis / 1000.0 / callsHandled);
    }

    /**
     * Computes the day from the durable log and the live state.
     *
     * @param stateAtStart  the state at {@code dayStart} (the last logged change before it), null if none was logged
     * @param changes       logged state changes at or after {@code dayStart}
     * @param current       the live state, which the log may not hold yet (the outbox writes in batches)
     * @param currentSince  when the live state began
     * @param talk          the agent's talk legs that ended after {@code dayStart}; clipped to the day here
     */
    public static AgentDay compute(Instant dayStart, Instant now, AgentState stateAtStart, List<AgentStateChange> changes,
                                   AgentState current, Instant currentSince, List<TalkLeg> talk) {
        requireNonNull(dayStart, "dayStart");
        requireNonNull(now, "now");
        requireNonNull(current, "current");
        requireNonNull(currentSince, "currentSince");
        if (now.isBefore(dayStart)) {
            throw new IllegalArgumentException("now: " + now + " (expected: at or after the day start " + dayStart + ")");
        }
        List<AgentStateChange> today = new ArrayList<>();
        for (AgentStateChange c : changes) {
            if (!c.at().isBefore(dayStart) && !c.at().isAfter(now)) {
                today.add(c);
            }
        }
        today.sort(Comparator.comparing(AgentStateChange::at));
        // Nothing logged before today: the first change says what came before it; with no change
        // logged at all, the live state is all there is (logged out until it began today).
        AgentState state = stateAtStart != null ? stateAtStart
                : !today.isEmpty() ? today.get(0).from()
                : currentSince.isAfter(dayStart) ? AgentState.LOGGED_OUT : current;
        Map<AgentState, Long> millis = new EnumMap<>(AgentState.class);
        Instant t = dayStart;
        for (AgentStateChange c : today) {
            add(millis, state, t, c.at());
            state = c.to();
            t = c.at();
        }
        // The log holds milliseconds: a live change later than the last logged one is not written yet.
        Instant since = currentSince.truncatedTo(ChronoUnit.MILLIS);
        if (since.isAfter(t) && !since.isAfter(now)) {
            add(millis, state, t, since);
            t = since;
        }
        add(millis, current, t, now);
        millis.remove(AgentState.LOGGED_OUT);

        long talkMillis = 0;
        Set<String> calls = new HashSet<>();
        for (TalkLeg leg : talk) {
            Instant from = leg.start().isBefore(dayStart) ? dayStart : leg.start();
            Instant to = leg.end().isAfter(now) ? now : leg.end();
            if (to.isAfter(from)) {
                talkMillis += Duration.between(from, to).toMillis();
                calls.add(leg.callId());
            }
        }
        long handle = talkMillis + millis.getOrDefault(AgentState.AFTER_CALL_WORK, 0L);
        return new AgentDay(dayStart, now, calls.size(), talkMillis, handle, millis);
    }

    private static void add(Map<AgentState, Long> millis, AgentState state, Instant from, Instant to) {
        if (to.isAfter(from)) {
            millis.merge(state, Duration.between(from, to).toMillis(), Long::sum);
        }
    }
}
