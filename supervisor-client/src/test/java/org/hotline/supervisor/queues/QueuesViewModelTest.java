package org.hotline.supervisor.queues;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Timestamp;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionSnapshot;
import org.hotline.api.v1.WaitingCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueuesViewModelTest {
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");
    final TestClock clock = new TestClock(T0, ZoneId.of("Asia/Shanghai"));
    final AtomicInteger sounds = new AtomicInteger();
    final QueuesViewModel vm = new QueuesViewModel(Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH), clock,
            QueueThresholds.DEFAULTS, sounds::incrementAndGet);

    static WaitingCall waiting(String id, String caller, int priority, Instant since) {
        return WaitingCall.newBuilder().setCallId(id).setCallerNumber(caller).setPriority(priority)
                .setQueuedAt(Timestamp.newBuilder().setSeconds(since.getEpochSecond())).build();
    }

    static QueueStatus.Builder repair() {
        return QueueStatus.newBuilder().setQueueId("repair").setName("Repair").setServiceLevelThresholdSeconds(20)
                .setOfferedToday(50).setAnsweredToday(45).setAbandonedToday(5).setAnsweredWithinThresholdToday(43)
                .setServiceLevelPercent(86.0).setAverageSpeedOfAnswerSeconds(12.4).setAgentsReady(2).setAgentsBusy(6)
                .setAgentsNotReady(1);
    }

    @Test
    void figuresOfTodayAreShownAsTheTeamLeadReadsThem() {
        vm.apply(SupervisionEvent.newBuilder().setSnapshot(SupervisionSnapshot.newBuilder().addQueues(repair())).build());
        QueueRow r = vm.rows().get(0);
        assertThat(r.nameProperty().get()).isEqualTo("Repair");
        assertThat(r.serviceLevelProperty().get()).isEqualTo("86.0%");
        assertThat(r.speedOfAnswerProperty().get()).isEqualTo("0:12");
        assertThat(r.abandonRateProperty().get()).isEqualTo("10.0%");
        assertThat(r.offeredProperty().get()).isEqualTo("50 / 45 / 5");
        assertThat(r.agentsProperty().get()).isEqualTo("2 / 6 / 1");
        assertThat(r.levelProperty().get()).isEqualTo(QueueThresholds.Level.OK);
    }

    @Test
    void theLongestWaitTicksTurnsAmberThenRedAndSoundsOnce() {
        vm.apply(SupervisionEvent.newBuilder().setSnapshot(SupervisionSnapshot.newBuilder().addQueues(repair()
                .setWaiting(2).addWaitingCalls(waiting("c1", "13900000001", 5, T0))
                .addWaitingCalls(waiting("c2", "13900000002", 9, T0.plusSeconds(10))))).build());
        QueueRow r = vm.rows().get(0);
        vm.selectedProperty().set(r);
        assertThat(vm.waitingCalls()).extracting(QueuesViewModel.WaitingRow::callId).as("higher priority first")
                .containsExactly("c2", "c1");
        clock.advance(Duration.ofSeconds(25));
        vm.tick();
        assertThat(r.longestWaitProperty().get()).isEqualTo("0:25");
        assertThat(r.levelProperty().get()).isEqualTo(QueueThresholds.Level.WARN);
        assertThat(vm.waitingCalls().get(1).waited()).isEqualTo("0:25");
        assertThat(sounds).hasValue(0);
        clock.advance(Duration.ofSeconds(40));
        vm.tick();
        vm.tick();
        assertThat(r.levelProperty().get()).isEqualTo(QueueThresholds.Level.ALARM);
        assertThat(sounds).as("once, when it turned red").hasValue(1);
        assertThat(vm.alerts()).hasSize(1);
        assertThat(vm.alerts().get(0)).isEqualTo("10:01:05  Repair: longest wait 1:05 (target 20 s), service level 86.0%");

        vm.apply(SupervisionEvent.newBuilder().setQueue(repair().setWaiting(0)).build());
        assertThat(r.levelProperty().get()).isEqualTo(QueueThresholds.Level.OK);
        assertThat(vm.waitingCalls()).isEmpty();
    }

    @Test
    void aQueueAlreadyRedInTheSnapshotIsListedWithoutASound() {
        vm.apply(SupervisionEvent.newBuilder().setSnapshot(SupervisionSnapshot.newBuilder()
                .addQueues(repair().setServiceLevelPercent(40))).build());
        assertThat(vm.alerts()).hasSize(1);
        assertThat(sounds).hasValue(0);
        vm.apply(SupervisionEvent.newBuilder().setSnapshot(SupervisionSnapshot.newBuilder()
                .addQueues(repair().setServiceLevelPercent(40))).build());
        assertThat(vm.alerts()).as("a resync does not repeat it").hasSize(1);
    }

    @Test
    void aLowServiceLevelAloneRaisesTheAlarmAndAlertsAreBounded() {
        for (int i = 0; i < QueuesViewModel.ALERTS_KEPT + 10; i++) {
            vm.apply(SupervisionEvent.newBuilder().setQueue(repair().setServiceLevelPercent(60)).build());
            vm.apply(SupervisionEvent.newBuilder().setQueue(repair()).build());
        }
        assertThat(sounds).hasValue(QueuesViewModel.ALERTS_KEPT + 10);
        assertThat(vm.alerts()).hasSize(QueuesViewModel.ALERTS_KEPT);
    }
}
