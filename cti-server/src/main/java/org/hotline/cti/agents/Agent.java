package org.hotline.cti.agents;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An agent in the live model. Mutable, and owned by the event loop: never touched elsewhere.
 * Readers get {@link AgentView} snapshots.
 */
public final class Agent {
    private AgentProfile profile;
    private AgentState state = AgentState.LOGGED_OUT;
    private String reason = "";
    private Instant stateSince;
    private Instant idleSince;
    private String extension = "";
    /** What to go to when the current call work ends (a NotReady asked for during a call). */
    private AgentState pendingState;
    private String pendingReason = "";
    private boolean pendingLogout;
    private final Set<String> calls = new LinkedHashSet<>();
    private boolean talked;
    private int callsToday;
    private long handleMillisToday;

    public Agent(AgentProfile profile, Instant now) {
        this.profile = requireNonNull(profile, "profile");
        this.stateSince = now;
        this.idleSince = now;
    }

    public AgentProfile profile() {
        return profile;
    }

    public void updateProfile(AgentProfile p) {
        this.profile = requireNonNull(p, "profile");
    }

    public String id() {
        return profile.agentId();
    }

    public AgentState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** Since when the agent has been free for calls; the router prefers the longest idle. */
    public Instant idleSince() {
        return idleSince;
    }

    public String extension() {
        return extension;
    }

    public void extension(String ext) {
        this.extension = ext == null ? "" : ext;
    }

    public Set<String> calls() {
        return calls;
    }

    public AgentState pendingState() {
        return pendingState;
    }

    public String pendingReason() {
        return pendingReason;
    }

    public void pending(AgentState s, String r) {
        this.pendingState = s;
        this.pendingReason = r == null ? "" : r;
    }

    public boolean pendingLogout() {
        return pendingLogout;
    }

    public void pendingLogout(boolean b) {
        this.pendingLogout = b;
    }

    /** True once the agent was connected in a call since it was last free: ending it means after-call work. */
    public boolean talked() {
        return talked;
    }

    public void talked(boolean b) {
        this.talked = b;
    }

    private Instant talkStartedAt;

    /** The agent was connected: the call counts as handled from here. */
    public void startTalking(Instant now) {
        if (!talked) {
            talked = true;
            talkStartedAt = now;
        }
    }

    /** The call work ended: count the call and its handle time (answer to hang-up). */
    public void stopTalking(Instant now) {
        if (talked && talkStartedAt != null) {
            countHandled(Math.max(0, now.toEpochMilli() - talkStartedAt.toEpochMilli()));
        }
        talked = false;
        talkStartedAt = null;
    }

    public int callsToday() {
        return callsToday;
    }

    public long handleMillisToday() {
        return handleMillisToday;
    }

    public void countHandled(long millis) {
        callsToday++;
        handleMillisToday += millis;
    }

    public void resetDay() {
        callsToday = 0;
        handleMillisToday = 0;
    }

    /**
     * Moves to {@code to} and returns the change to log, or null when nothing changed. Legality
     * is checked by the caller against {@link AgentStateMachine}.
     */
    public AgentStateChange moveTo(AgentState to, String newReason, Instant now, String recordId) {
        String r = to == AgentState.NOT_READY ? (newReason == null ? "" : newReason) : "";
        if (to == state && r.equals(reason)) {
            return null;
        }
        AgentStateChange change = new AgentStateChange(recordId, profile.siteId(), id(), state, to, r, now,
                Math.max(0, now.toEpochMilli() - stateSince.toEpochMilli()));
        if (to == AgentState.READY && state != AgentState.READY) {
            idleSince = now;
        }
        state = to;
        reason = r;
        stateSince = now;
        return change;
    }

    /** A snapshot; the current call's caller and queue come from the caller, who knows the calls. */
    public AgentView view(String currentCallId, String currentCaller, String currentQueue) {
        return new AgentView(profile, state, reason, stateSince, extension, Set.copyOf(calls), callsToday,
                handleMillisToday, pendingState, pendingReason, currentCallId, currentCaller, currentQueue);
    }
}
