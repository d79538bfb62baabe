package org.hotline.cti.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.Switch;
import org.hotline.cti.switching.SwitchListener;

/**
 * A switch that accepts every service and records it; the test plays the switch's events.
 * New calls are named c1, c2, ...
 */
public final class ScriptedSwitch implements Switch {
    public final List<String> services = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger(100);
    private SwitchListener listener;

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void start(SwitchListener l) {
        this.listener = l;
    }

    public SwitchListener listener() {
        return listener;
    }

    private <T> CompletionStage<T> ok(String what, T v) {
        services.add(what);
        return CompletableFuture.completedFuture(v);
    }

    @Override
    public CompletionStage<CallId> makeCall(String fromDevice, Destination destination, Map<String, String> data) {
        CallId id = new CallId("c" + calls.incrementAndGet());
        return ok("makeCall " + fromDevice + " " + destination + " -> " + id, id);
    }

    @Override
    public CompletionStage<Void> answerCall(ConnectionId c) {
        return ok("answer " + c, null);
    }

    @Override
    public CompletionStage<Void> clearConnection(ConnectionId c) {
        return ok("clear " + c, null);
    }

    @Override
    public CompletionStage<Void> holdCall(ConnectionId c) {
        return ok("hold " + c, null);
    }

    @Override
    public CompletionStage<Void> retrieveCall(ConnectionId c) {
        return ok("retrieve " + c, null);
    }

    @Override
    public CompletionStage<CallId> consultationCall(ConnectionId active, Destination destination) {
        CallId id = new CallId("c" + calls.incrementAndGet());
        return ok("consult " + active + " " + destination + " -> " + id, id);
    }

    @Override
    public CompletionStage<Void> transferCall(ConnectionId held, ConnectionId consultation) {
        return ok("transfer " + held + " " + consultation, null);
    }

    @Override
    public CompletionStage<Void> singleStepTransfer(ConnectionId c, Destination destination) {
        return ok("blindTransfer " + c + " " + destination, null);
    }

    @Override
    public CompletionStage<Void> conferenceCall(ConnectionId held, ConnectionId consultation) {
        return ok("conference " + held + " " + consultation, null);
    }

    @Override
    public CompletionStage<Void> singleStepConference(CallId call, String agentDevice, String supervisorDevice,
                                                      MonitorMode mode) {
        return ok("monitor " + call + " " + agentDevice + " " + supervisorDevice + " " + mode, null);
    }

    @Override
    public CompletionStage<Void> generateDigits(ConnectionId c, String digits) {
        return ok("digits " + c + " " + digits, null);
    }

    @Override
    public CompletionStage<String> startRecording(CallId call) {
        return ok("record " + call, "/rec/" + call + ".wav");
    }

    @Override
    public CompletionStage<Void> setMute(ConnectionId c, boolean muted) {
        return ok("mute " + c + " " + muted, null);
    }

    @Override
    public CompletionStage<Void> routeSelect(CallId call, String device) {
        return ok("route " + call + " " + device, null);
    }

    @Override
    public CompletionStage<Void> playAnnouncement(CallId call, Announcement a) {
        return ok("announce " + call + " " + a, null);
    }

    @Override
    public CompletionStage<Void> setAgentPresence(AgentPresence p) {
        return ok("presence " + p.device() + " " + p.mode(), null);
    }

    @Override
    public void close() {}
}
