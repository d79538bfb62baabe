package org.hotline.agent.desk;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline.api.v1.Call;
import org.hotline.api.v1.Connection;
import org.hotline.api.v1.ConnectionState;

import static java.util.Objects.requireNonNull;

/**
 * Which softphone actions are valid now, from the calls on this desk: pure, so every rule is
 * unit tested without a screen. The desk enables a button only when its action is here.
 */
public final class CallActions {
    /** Everything an agent can do with a call. */
    public enum Action {
        ANSWER, HANGUP, HOLD, RETRIEVE, CONSULT, COMPLETE_TRANSFER, BLIND_TRANSFER, CONFERENCE, MUTE, DIGITS, DIAL
    }

    private final String myDevice;
    private final String myAgentId;

    public CallActions(String myDevice, String myAgentId) {
        this.myDevice = requireNonNull(myDevice, "myDevice");
        this.myAgentId = requireNonNull(myAgentId, "myAgentId");
    }

    /** This desk's own connection in {@code call}, if it has one. */
    public Optional<Connection> mine(Call call) {
        return call.getConnectionsList().stream()
                .filter(c -> c.getDevice().equals(myDevice) || !myAgentId.isEmpty() && c.getAgentId().equals(myAgentId))
                .filter(c -> c.getState() != ConnectionState.CONNECTION_STATE_CLEARED)
                .findFirst();
    }

    public ConnectionState myState(Call call) {
        return mine(call).map(Connection::getState).orElse(ConnectionState.CONNECTION_STATE_UNSPECIFIED);
    }

    /**
     * The call the softphone bar acts on: a connected one first, then one ringing here, then a held one
     * (so a consultation in progress wins over the held original).
     */
    public Optional<Call> active(List<Call> calls) {
        for (ConnectionState wanted : List.of(ConnectionState.CONNECTION_STATE_CONNECTED,
                ConnectionState.CONNECTION_STATE_INITIATED, ConnectionState.CONNECTION_STATE_ALERTING,
                ConnectionState.CONNECTION_STATE_HELD)) {
            for (Call c : calls) {
                if (myState(c) == wanted) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The held call a consultation was made from, when {@code consultation} is one of this desk's
     * consultations: what CompleteTransfer and Conference act on.
     */
    public Optional<Call> consultedFrom(Call consultation, List<Call> calls) {
        if (consultation.getConsultedFromCallId().isEmpty()) {
            return Optional.empty();
        }
        return calls.stream().filter(c -> c.getCallId().equals(consultation.getConsultedFromCallId()))
                .filter(c -> myState(c) == ConnectionState.CONNECTION_STATE_HELD).findFirst();
    }

    public Set<Action> valid(List<Call> calls, boolean loggedIn) {
        EnumSet<Action> out = EnumSet.noneOf(Action.class);
        Optional<Call> active = active(calls);
        if (active.isEmpty()) {
            // A call already on the extension stays controllable whatever the agent state says; dialling needs a login.
            if (loggedIn) {
                out.add(Action.DIAL);
            }
            return out;
        }
        Call call = active.get();
        switch (myState(call)) {
            case CONNECTION_STATE_ALERTING -> out.add(Action.ANSWER);
            case CONNECTION_STATE_INITIATED -> out.add(Action.HANGUP);
            case CONNECTION_STATE_CONNECTED -> {
                out.add(Action.HANGUP);
                out.add(Action.MUTE);
                out.add(Action.DIGITS);
                if (consultedFrom(call, calls).isPresent()) {
                    out.add(Action.COMPLETE_TRANSFER);
                    out.add(Action.CONFERENCE);
                } else {
                    out.add(Action.HOLD);
                    out.add(Action.CONSULT);
                    out.add(Action.BLIND_TRANSFER);
                }
            }
            case CONNECTION_STATE_HELD -> {
                out.add(Action.RETRIEVE);
                out.add(Action.HANGUP);
            }
            default -> { }
        }
        return out;
    }
}
