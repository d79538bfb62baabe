package org.hotline.agent.desk;

import java.util.List;

import org.hotline.agent.desk.CallActions.Action;
import org.hotline.api.v1.ConnectionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.agent.desk.Calls.ME;
import static org.hotline.agent.desk.Calls.call;
import static org.hotline.agent.desk.Calls.consultation;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_ALERTING;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_CONNECTED;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_HELD;

class CallActionsTest {
    private final CallActions actions = new CallActions(ME, ME);

    @Test
    void anIdleDeskCanOnlyDial() {
        assertThat(actions.valid(List.of(), true)).containsExactly(Action.DIAL);
    }

    @Test
    void aLoggedOutDeskCanDoNothing() {
        assertThat(actions.valid(List.of(), false)).isEmpty();
    }

    @Test
    void aRingingCallCanOnlyBeAnswered() {
        assertThat(actions.valid(List.of(call("c1", CONNECTION_STATE_ALERTING)), true)).containsExactly(Action.ANSWER);
    }

    @Test
    void aConnectedCallCanBeHeldConsultedTransferredMutedAndHungUp() {
        assertThat(actions.valid(List.of(call("c1", CONNECTION_STATE_CONNECTED)), true)).containsExactlyInAnyOrder(
                Action.HANGUP, Action.HOLD, Action.CONSULT, Action.BLIND_TRANSFER, Action.MUTE, Action.DIGITS);
    }

    @Test
    void aHeldCallCanBeRetrievedOrHungUp() {
        assertThat(actions.valid(List.of(call("c1", CONNECTION_STATE_HELD)), true))
                .containsExactlyInAnyOrder(Action.RETRIEVE, Action.HANGUP);
    }

    @Test
    void duringAConsultationTheDeskCanCompleteTheTransferOrConferenceButNotConsultAgain() {
        var calls = List.of(call("c1", CONNECTION_STATE_HELD), consultation("c2", "c1", CONNECTION_STATE_CONNECTED));
        assertThat(actions.active(calls)).map(c -> c.getCallId()).contains("c2");
        assertThat(actions.valid(calls, true)).contains(Action.COMPLETE_TRANSFER, Action.CONFERENCE, Action.HANGUP)
                .doesNotContain(Action.CONSULT, Action.HOLD, Action.DIAL);
        assertThat(actions.consultedFrom(calls.get(1), calls)).map(c -> c.getCallId()).contains("c1");
    }

    @Test
    void aConsultationRingingAtTheOtherDeskIsAnsweredThere() {
        // The consulted agent sees only the consultation, ringing, with no held original of its own.
        var calls = List.of(consultation("c2", "c1", CONNECTION_STATE_ALERTING));
        assertThat(actions.valid(calls, true)).containsExactly(Action.ANSWER);
    }

    @Test
    void theConnectedCallWinsOverARingingOne() {
        var calls = List.of(call("ring", CONNECTION_STATE_ALERTING), call("talk", CONNECTION_STATE_CONNECTED));
        assertThat(actions.active(calls)).map(c -> c.getCallId()).contains("talk");
    }

    @Test
    void aClearedConnectionIsNotMine() {
        var c = call("c1", ConnectionState.CONNECTION_STATE_CLEARED);
        assertThat(actions.mine(c)).isEmpty();
        assertThat(actions.valid(List.of(c), true)).containsExactly(Action.DIAL);
    }
}
