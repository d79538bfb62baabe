package org.hotline.supervisor.agents;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionResponse;
import org.hotline.api.v1.SupervisionSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentsViewModelTest {
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");
    final TestClock clock = new TestClock(T0, ZoneId.of("Asia/Shanghai"));
    final FakeSupervision gateway = new FakeSupervision();
    final List<ReasonCode> reasons = List.of(ReasonCode.newBuilder().setCode("break").setLabel("Break").build(),
            ReasonCode.newBuilder().setCode("training").setLabel("Training").build());
    final AgentsViewModel vm = new AgentsViewModel(gateway, Messages.forLocale(Locale.ENGLISH),
            Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH), clock, Thresholds.DEFAULTS, reasons);

    static AgentStatus agent(String id, String team, AgentState s, Instant since, String... skills) {
        return AgentStatus.newBuilder().setAgentId(id).setName("Agent " + id).setTeam(team).setExtension(id).setState(s)
                .setStateSince(Timestamp.newBuilder().setSeconds(since.getEpochSecond())).addAllSkills(List.of(skills)).build();
    }

    static SupervisionEvent snapshot(AgentStatus... agents) {
        return SupervisionEvent.newBuilder().setSnapshot(SupervisionSnapshot.newBuilder().addAllAgents(List.of(agents))
                .addQueues(QueueStatus.newBuilder().setQueueId("repair")).addQueues(QueueStatus.newBuilder().setQueueId("billing")))
                .build();
    }

    static SupervisionEvent delta(AgentStatus a) {
        return SupervisionEvent.newBuilder().setAgent(a).build();
    }

    AgentRow row(String id) {
        return vm.allRows().stream().filter(r -> r.agentId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void snapshotThenDeltasKeepOneRowPerAgentAndASnapshotDropsAgentsGoneMeanwhile() {
        vm.apply(snapshot(agent("1001", "team-a", AgentState.AGENT_STATE_READY, T0, "general:5"),
                agent("1002", "team-b", AgentState.AGENT_STATE_NOT_READY, T0, "billing:7")));
        AgentRow first = row("1001");
        vm.apply(delta(agent("1001", "team-a", AgentState.AGENT_STATE_ON_CALL, T0.plusSeconds(5), "general:5").toBuilder()
                .setCurrentCaller("13900000001").setCurrentQueue("repair").setCurrentCallId("c1").build()));
        assertThat(vm.allRows()).hasSize(2);
        assertThat(row("1001")).as("the same row object, updated in place").isSameAs(first);
        assertThat(first.stateTextProperty().get()).isEqualTo("On a call");
        assertThat(first.callerProperty().get()).isEqualTo("13900000001");
        assertThat(vm.teams()).containsExactly("team-a", "team-b");
        assertThat(vm.skills()).containsExactly("billing", "general");
        assertThat(vm.queues()).containsExactly("billing", "repair");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 agents: 0 ready, 1 on calls, 0 wrapping up, 1 not ready");

        vm.apply(snapshot(agent("1002", "team-b", AgentState.AGENT_STATE_READY, T0)));
        assertThat(vm.allRows()).extracting(AgentRow::agentId).containsExactly("1002");
    }

    @Test
    void timeInStateTicksAndColoursFollowTheThresholds() {
        vm.apply(snapshot(agent("1001", "a", AgentState.AGENT_STATE_NOT_READY, T0).toBuilder().setReasonCode("break").build(),
                agent("1002", "a", AgentState.AGENT_STATE_AFTER_CALL_WORK, T0)));
        assertThat(row("1001").stateTextProperty().get()).isEqualTo("Not ready · Break");
        assertThat(row("1001").levelProperty().get()).isEqualTo(Thresholds.Level.OK);
        clock.advance(Duration.ofSeconds(61));
        vm.tick();
        assertThat(vm.timeInState(row("1001"))).isEqualTo("1:01");
        assertThat(row("1002").levelProperty().get()).as("wrap-up over a minute").isEqualTo(Thresholds.Level.WARN);
        clock.advance(Duration.ofMinutes(20));
        vm.tick();
        assertThat(vm.timeInState(row("1001"))).isEqualTo("21:01");
        assertThat(row("1001").levelProperty().get()).isEqualTo(Thresholds.Level.ALARM);
        assertThat(row("1002").levelProperty().get()).isEqualTo(Thresholds.Level.ALARM);
    }

    @Test
    void filtersByTeamSkillAndTheQueueOfTheCurrentCall() {
        vm.apply(snapshot(agent("1001", "team-a", AgentState.AGENT_STATE_READY, T0, "general:5", "repair:3"),
                agent("1002", "team-b", AgentState.AGENT_STATE_READY, T0, "billing:7"),
                agent("1003", "team-a", AgentState.AGENT_STATE_READY, T0, "billing:2")));
        vm.teamProperty().set("team-a");
        assertThat(vm.visibleRows()).extracting(AgentRow::agentId).containsExactly("1001", "1003");
        vm.skillProperty().set("billing");
        assertThat(vm.visibleRows()).extracting(AgentRow::agentId).containsExactly("1003");
        vm.teamProperty().set(AgentsViewModel.ALL);
        vm.skillProperty().set(AgentsViewModel.ALL);
        vm.queueProperty().set("repair");
        assertThat(vm.visibleRows()).isEmpty();
        vm.apply(delta(agent("1002", "team-b", AgentState.AGENT_STATE_ON_CALL, T0, "billing:7").toBuilder()
                .setCurrentQueue("repair").setCurrentCallId("c9").build()));
        assertThat(vm.visibleRows()).as("the filter follows the agent's new call").extracting(AgentRow::agentId)
                .containsExactly("1002");
    }

    @Test
    void monitoringNeedsACallAndActionsReportTheirOutcome() {
        vm.apply(snapshot(agent("1001", "a", AgentState.AGENT_STATE_READY, T0)));
        vm.selectedProperty().set(row("1001"));
        assertThat(vm.canActProperty().get()).isTrue();
        assertThat(vm.canMonitorProperty().get()).isFalse();
        vm.apply(delta(agent("1001", "a", AgentState.AGENT_STATE_ON_CALL, T0).toBuilder().setCurrentCallId("c1").build()));
        assertThat(vm.canMonitorProperty().get()).as("the selected agent's call started").isTrue();

        vm.listen();
        assertThat(gateway.calls).containsExactly("listen 1001");
        gateway.next.complete(SupervisionResponse.newBuilder().setCallId("c1").build());
        assertThat(vm.noticeProperty().get()).isEqualTo("Listening to the call of Agent 1001 (1001)");

        gateway.next = new CompletableFuture<>();
        vm.forceNotReady(reasons.get(1));
        assertThat(gateway.calls).last().isEqualTo("state 1001 AGENT_STATE_NOT_READY training");
        gateway.next.completeExceptionally(Status.FAILED_PRECONDITION.withDescription("agent 1001 is on a call").asRuntimeException());
        assertThat(vm.errorProperty().get()).startsWith("Set Not ready — Agent 1001 (1001): ")
                .contains("agent 1001 is on a call");

        gateway.next = new CompletableFuture<>();
        vm.sendMessage("   ");
        assertThat(vm.errorProperty().get()).isEqualTo("Type a message first");
        vm.sendMessage("  please take the queue  ");
        assertThat(gateway.calls).last().isEqualTo("message 1001 please take the queue");
    }

    @Test
    void aLoggedOutAgentCannotBeActedOn() {
        vm.apply(snapshot(agent("1001", "a", AgentState.AGENT_STATE_LOGGED_OUT, T0)));
        vm.selectedProperty().set(row("1001"));
        assertThat(vm.canActProperty().get()).isFalse();
        assertThat(vm.canMonitorProperty().get()).isFalse();
    }

    static final class FakeSupervision implements SupervisionGateway {
        final List<String> calls = new ArrayList<>();
        CompletableFuture<SupervisionResponse> next = new CompletableFuture<>();

        private CompletableFuture<SupervisionResponse> record(String call) {
            calls.add(call);
            return next;
        }

        @Override
        public CompletableFuture<SupervisionResponse> listen(String agentId) {
            return record("listen " + agentId);
        }

        @Override
        public CompletableFuture<SupervisionResponse> whisper(String agentId) {
            return record("whisper " + agentId);
        }

        @Override
        public CompletableFuture<SupervisionResponse> barge(String agentId) {
            return record("barge " + agentId);
        }

        @Override
        public CompletableFuture<SupervisionResponse> forceState(String agentId, AgentState state, String reasonCode) {
            return record("state " + agentId + " " + state + " " + reasonCode);
        }

        @Override
        public CompletableFuture<SupervisionResponse> forceLogout(String agentId) {
            return record("logout " + agentId);
        }

        @Override
        public CompletableFuture<SupervisionResponse> sendMessage(String agentId, String text) {
            return record("message " + agentId + " " + text);
        }
    }
}
