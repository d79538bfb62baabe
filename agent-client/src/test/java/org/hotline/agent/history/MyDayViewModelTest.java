package org.hotline.agent.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallRecorded;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.StateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MyDayViewModelTest {
    static final Instant AT = Instant.parse("2026-12-01T06:30:00Z"); // 14:30 in Shanghai
    private final TestClock clock = new TestClock(AT, ZoneId.of("Asia/Shanghai"));
    private final FakeHistory server = new FakeHistory();
    private final MyDayViewModel vm = new MyDayViewModel(server, Messages.forLocale(Locale.ENGLISH), clock);

    @Test
    void theFiguresAreShownAsClockTextsAndStatesInTheirOrder() {
        server.day = GetMyDayResponse.newBuilder().setCallsHandled(12).setAverageHandleSeconds(245).setTalkSeconds(3725)
                .setAsOf(Timestamp.newBuilder().setSeconds(AT.getEpochSecond()))
                .addStateTimes(st(AgentState.AGENT_STATE_ON_CALL, 3725))
                .addStateTimes(st(AgentState.AGENT_STATE_READY, 1800))
                .addStateTimes(st(AgentState.AGENT_STATE_NOT_READY, 59))
                .addStateTimes(st(AgentState.AGENT_STATE_LOGGED_OUT, 999)).build();

        vm.refresh();

        assertThat(vm.callsHandledProperty().get()).isEqualTo("12");
        assertThat(vm.averageHandleProperty().get()).isEqualTo("4:05");
        assertThat(vm.talkProperty().get()).isEqualTo("1:02:05");
        assertThat(vm.asOfProperty().get()).isEqualTo("as of 14:30");
        assertThat(vm.states()).extracting(MyDayViewModel.StateRow::label, MyDayViewModel.StateRow::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Not ready", "0:59"),
                        org.assertj.core.groups.Tuple.tuple("Ready", "30:00"),
                        org.assertj.core.groups.Tuple.tuple("On a call", "1:02:05"));
    }

    @Test
    void withoutCallsThereIsNoAverage() {
        server.day = GetMyDayResponse.newBuilder().setCallsHandled(0).build();
        vm.refresh();
        assertThat(vm.callsHandledProperty().get()).isEqualTo("0");
        assertThat(vm.averageHandleProperty().get()).isEqualTo("–");
    }

    @Test
    void theFiguresAreFetchedAgainEveryMinute() {
        vm.tick();
        clock.advance(Duration.ofSeconds(59));
        vm.tick();
        assertThat(server.dayAsked).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(server.dayAsked).isEqualTo(2);
    }

    @Test
    void eachCallRecordFetchesTheFiguresOnScreenAgain() {
        vm.setShowing(true);
        assertThat(server.dayAsked).isEqualTo(1);
        vm.apply(DeskEvent.newBuilder().setRecorded(CallRecorded.newBuilder().setCallId("c1")).build());
        vm.apply(DeskEvent.newBuilder().setRecorded(CallRecorded.newBuilder().setCallId("c2")).build());
        assertThat(server.dayAsked).isEqualTo(3);
    }

    @Test
    void callRecordsWhileHiddenAreFetchedOnceWhenShown() {
        vm.tick();
        vm.apply(DeskEvent.newBuilder().setRecorded(CallRecorded.newBuilder().setCallId("c1")).build());
        vm.apply(DeskEvent.newBuilder().setRecorded(CallRecorded.newBuilder().setCallId("c2")).build());
        assertThat(server.dayAsked).as("hidden: not at every call").isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        vm.setShowing(true);
        assertThat(server.dayAsked).as("shown: the calls since are fetched").isEqualTo(2);
        vm.setShowing(false);
        vm.setShowing(true);
        assertThat(server.dayAsked).as("nothing new since").isEqualTo(2);
    }

    @Test
    void theSameTimesInStateKeepTheirRows() {
        server.day = GetMyDayResponse.newBuilder().addStateTimes(st(AgentState.AGENT_STATE_READY, 60))
                .addStateTimes(st(AgentState.AGENT_STATE_ON_CALL, 30)).build();
        vm.refresh();
        MyDayViewModel.StateRow ready = vm.states().get(0);
        server.day = GetMyDayResponse.newBuilder().addStateTimes(st(AgentState.AGENT_STATE_READY, 60))
                .addStateTimes(st(AgentState.AGENT_STATE_ON_CALL, 95)).build();
        vm.refresh();
        assertThat(vm.states().get(0)).isSameAs(ready);
        assertThat(vm.states().get(1).time()).isEqualTo("1:35");
    }

    @Test
    void aFailureSaysWhyAndKeepsTheLastFigures() {
        server.day = GetMyDayResponse.newBuilder().setCallsHandled(3).build();
        vm.refresh();
        server.fail = Status.PERMISSION_DENIED.withDescription("role WALLBOARD");
        vm.refresh();
        assertThat(vm.callsHandledProperty().get()).isEqualTo("3");
        assertThat(vm.errorProperty().get()).isEqualTo("Not allowed. (role WALLBOARD)");
    }

    private static StateTime st(AgentState s, long seconds) {
        return StateTime.newBuilder().setState(s).setSeconds(seconds).build();
    }
}
