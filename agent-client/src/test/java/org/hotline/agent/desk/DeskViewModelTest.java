package org.hotline.agent.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.CallActions.Action;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.hotline.api.v1.Notice;
import org.hotline.api.v1.ReasonCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.agent.desk.Calls.ME;
import static org.hotline.agent.desk.Calls.call;
import static org.hotline.agent.desk.Calls.consultation;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_ALERTING;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_CONNECTED;
import static org.hotline.api.v1.ConnectionState.CONNECTION_STATE_HELD;

class DeskViewModelTest {
    private final FakeSoftphone phone = new FakeSoftphone();
    private final List<String> alerts = new ArrayList<>();
    private Instant now = Instant.ofEpochSecond(1_000);
    private final DeskViewModel vm = new DeskViewModel(phone, Messages.forLocale(Locale.ENGLISH),
            new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            new DeskAlerts() {
                @Override
                public void ringing() {
                    alerts.add("ring");
                }

                @Override
                public void quiet() {
                    alerts.add("quiet");
                }
            }, ME, ME, List.of(ReasonCode.newBuilder().setCode("lunch").setLabel("Lunch").build()));

    private static DeskEvent agent(AgentState s, String reason, long since) {
        return DeskEvent.newBuilder().setAgent(AgentStatus.newBuilder().setAgentId(ME).setState(s).setReasonCode(reason)
                .setStateSince(Timestamp.newBuilder().setSeconds(since))).build();
    }

    private static DeskEvent update(CallUpdate.Kind kind, org.hotline.api.v1.Call c) {
        return DeskEvent.newBuilder().setCall(CallUpdate.newBuilder().setKind(kind).setCall(c)).build();
    }

    @Test
    void showsTheStateWithItsReasonAndTimeInState() {
        vm.apply(agent(AgentState.AGENT_STATE_NOT_READY, "lunch", 1_000));
        now = now.plus(Duration.ofSeconds(75));
        vm.tick();
        assertThat(vm.stateTextProperty().get()).isEqualTo("Not ready · Lunch");
        assertThat(vm.timeInStateProperty().get()).isEqualTo("1:15");
        now = now.plus(Duration.ofHours(2));
        vm.tick();
        assertThat(vm.timeInStateProperty().get()).isEqualTo("2:01:15");
    }

    @Test
    void aRingingCallRingsShowsTheCallerAndCanBeAnswered() {
        vm.apply(agent(AgentState.AGENT_STATE_READY, "", 1_000));
        vm.apply(update(CallUpdate.Kind.KIND_RINGING, call("c1", CONNECTION_STATE_ALERTING)));
        assertThat(alerts).containsExactly("ring");
        assertThat(vm.ringingProperty().get()).isTrue();
        assertThat(vm.callerTextProperty().get()).isEqualTo("13900000001");
        assertThat(vm.callDetailProperty().get()).contains("Queue general", "IVR 1", "Keyed in G1");
        now = now.plusSeconds(42);
        vm.tick();
        assertThat(vm.callTimeProperty().get()).isEqualTo("waited 0:42");
        assertThat(vm.enabled(Action.ANSWER).get()).isTrue();
        assertThat(vm.enabled(Action.HANGUP).get()).isFalse();

        vm.answer();
        assertThat(phone.sent).containsExactly("answer c1");
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        assertThat(alerts).containsExactly("ring", "quiet");
        assertThat(vm.enabled(Action.ANSWER).get()).isFalse();
        assertThat(vm.enabled(Action.HOLD).get()).isTrue();
    }

    @Test
    void holdAndRetrieveAreOneToggle() {
        vm.apply(agent(AgentState.AGENT_STATE_ON_CALL, "", 1_000));
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        vm.toggleHold();
        vm.apply(update(CallUpdate.Kind.KIND_HELD, call("c1", CONNECTION_STATE_HELD)));
        vm.toggleHold();
        assertThat(phone.sent).containsExactly("hold c1", "retrieve c1");
    }

    @Test
    void aConsultationIsCompletedOnTheHeldOriginal() {
        vm.apply(update(CallUpdate.Kind.KIND_HELD, call("c1", CONNECTION_STATE_HELD)));
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, consultation("c2", "c1", CONNECTION_STATE_CONNECTED)));
        vm.completeTransfer();
        vm.conference();
        assertThat(phone.sent).containsExactly("transfer c1", "conference c1");
    }

    @Test
    void consultNeedsADestination() {
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        vm.consult("  ");
        assertThat(phone.sent).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Choose an agent, a queue or a number first.");
        vm.consult(" 2002 ");
        assertThat(phone.sent).containsExactly("consult c1 2002");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anActionThatIsNotValidNowSendsNothing() {
        vm.apply(update(CallUpdate.Kind.KIND_RINGING, call("c1", CONNECTION_STATE_ALERTING)));
        vm.hangup();
        vm.toggleHold();
        vm.toggleMute();
        vm.dial("13800000000");
        assertThat(phone.sent).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Finish the current call before dialling.");
    }

    @Test
    void dialCleansTheNumberAndRefusesWhatIsNoNumber() {
        vm.apply(agent(AgentState.AGENT_STATE_READY, "", 1_000));
        vm.dial("138-0000 0000");
        vm.dial("hello");
        assertThat(phone.sent).containsExactly("dial 13800000000");
        assertThat(vm.errorProperty().get()).isEqualTo("\"hello\" is not a phone number.");
    }

    @Test
    void aFailedCommandShowsTheServersReason() {
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        phone.failWith = Status.FAILED_PRECONDITION.withDescription("call c1 is not held");
        vm.toggleHold();
        assertThat(vm.errorProperty().get()).isEqualTo("Not possible now. (call c1 is not held)");
    }

    @Test
    void anEndedCallLeavesTheDeskAndASnapshotReplacesEverything() {
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        vm.apply(update(CallUpdate.Kind.KIND_ENDED, call("c1", CONNECTION_STATE_CONNECTED)));
        assertThat(vm.calls()).isEmpty();
        assertThat(vm.activeCallProperty().get()).isNull();

        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("stale", CONNECTION_STATE_CONNECTED)));
        // After a reconnect: the server's snapshot is the truth (the stale call ended meanwhile).
        vm.apply(DeskEvent.newBuilder().setSnapshot(DeskSnapshot.newBuilder()
                .setAgent(AgentStatus.newBuilder().setState(AgentState.AGENT_STATE_HELD))
                .addCalls(call("c9", CONNECTION_STATE_HELD))
                .setPendingState(AgentState.AGENT_STATE_NOT_READY).setPendingReasonCode("lunch")).build());
        assertThat(vm.calls()).extracting(c -> c.getCallId()).containsExactly("c9");
        assertThat(vm.enabled(Action.RETRIEVE).get()).isTrue();
        assertThat(vm.stateTextProperty().get()).isEqualTo("Caller on hold");
        assertThat(vm.pendingTextProperty().get()).isEqualTo("Next: Not ready · Lunch");
    }

    @Test
    void noticesAreShownInTheDesksLanguage() {
        vm.apply(DeskEvent.newBuilder().setNotice(Notice.newBuilder().setCode("notice.missed_call")).build());
        assertThat(vm.noticeProperty().get()).isEqualTo("You missed a call and are now Not ready");
        vm.apply(DeskEvent.newBuilder().setNotice(Notice.newBuilder().setText("Please call me back").setFrom("1901")).build());
        assertThat(vm.noticeProperty().get()).isEqualTo("Please call me back");
        vm.apply(update(CallUpdate.Kind.KIND_RINGING, call("c1", CONNECTION_STATE_ALERTING)));
        assertThat(vm.noticeProperty().get()).as("a new call clears it").isEmpty();
    }

    @Test
    void stateCommandsCarryTheReason() {
        vm.notReady("lunch");
        vm.ready();
        vm.afterCallWork();
        assertThat(phone.sent).containsExactly("state AGENT_STATE_NOT_READY lunch", "state AGENT_STATE_READY ",
                "state AGENT_STATE_AFTER_CALL_WORK ");
    }

    @Test
    void digitsGoToTheCallInProgress() {
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        vm.sendDigits("5");
        vm.sendDigits("x");
        assertThat(phone.sent).containsExactly("digits c1 5");
    }

    @Test
    void theListsAreTheSameObjectsEveryTimeSoListenersSurvive() {
        // A listener added to a throw-away wrapper is collected with it: the bar's reason menu stopped updating.
        assertThat(vm.reasonCodes()).isSameAs(vm.reasonCodes());
        assertThat(vm.calls()).isSameAs(vm.calls());
    }

    @Test
    void theUnsavedWorkOrderIsAttachedToTheCallBeforeItIsHandedOver() {
        vm.setHandOver(() -> java.util.Map.of("wo.title", "Gas smell"));
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, call("c1", CONNECTION_STATE_CONNECTED)));
        vm.consult("2002");
        vm.apply(update(CallUpdate.Kind.KIND_HELD, call("c1", CONNECTION_STATE_HELD)));
        vm.apply(update(CallUpdate.Kind.KIND_CONNECTED, consultation("c2", "c1", CONNECTION_STATE_CONNECTED)));
        vm.completeTransfer();
        assertThat(phone.sent).containsExactly("attach c1 ", "consult c1 2002", "attach c1 ", "transfer c1");
    }
}
