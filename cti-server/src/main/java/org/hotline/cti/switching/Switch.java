package org.hotline.cti.switching;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The CSTA-style port to a PBX. Two adapters implement it: {@code asterisk} (AMI + FastAGI) and
 * {@code sim} (the in-process simulated PBX). Nothing above the port knows which one runs.
 *
 * <p>Services return at once; their stage completes when the switch accepted the request, or
 * fails with a {@link SwitchException} that says why. What then happens arrives as
 * {@link SwitchEvent}s. No method blocks the caller.
 */
public interface Switch extends AutoCloseable {

    /** Short name for logs and metrics ("sim", "asterisk"). */
    String name();

    /** Connects and starts delivering events to {@code listener}. */
    void start(SwitchListener listener);

    /** Calls {@code destination} from {@code fromDevice}; the returned id names the new call. */
    CompletionStage<CallId> makeCall(String fromDevice, Destination destination, Map<String, String> data);

    CompletionStage<Void> answerCall(ConnectionId connection);

    CompletionStage<Void> clearConnection(ConnectionId connection);

    CompletionStage<Void> holdCall(ConnectionId connection);

    CompletionStage<Void> retrieveCall(ConnectionId connection);

    /** Holds {@code active} and calls {@code destination} from the same device: a new call. */
    CompletionStage<CallId> consultationCall(ConnectionId active, Destination destination);

    /** Joins the held call's other party with the consulted party; the transferring device leaves. */
    CompletionStage<Void> transferCall(ConnectionId held, ConnectionId consultation);

    /** Blind transfer: the device leaves and the call goes to {@code destination}. */
    CompletionStage<Void> singleStepTransfer(ConnectionId connection, Destination destination);

    /** Three-party conference of the held call and the consultation call. */
    CompletionStage<Void> conferenceCall(ConnectionId held, ConnectionId consultation);

    /** A supervisor's device joins {@code call} to listen, whisper or barge. */
    CompletionStage<Void> singleStepConference(CallId call, String agentDevice, String supervisorDevice, MonitorMode mode);

    CompletionStage<Void> generateDigits(ConnectionId connection, String digits);

    /** Starts recording the whole call; completes with where the file is written. */
    CompletionStage<String> startRecording(CallId call);

    CompletionStage<Void> setMute(ConnectionId connection, boolean muted);

    /** Routing (CSTA RouteSelect): delivers a call waiting after {@link SwitchEvent.RouteRequested} to a device. */
    CompletionStage<Void> routeSelect(CallId call, String device);

    /** Plays a message to a waiting caller; CLOSED and BLOCKED end the call afterwards. */
    CompletionStage<Void> playAnnouncement(CallId call, Announcement announcement);

    /** Mirrors an agent's presence into the switch's own fallback routing. */
    CompletionStage<Void> setAgentPresence(AgentPresence presence);

    @Override
    void close();
}
