package org.hotline.cti.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.testing.Fixtures;
import org.hotline.cti.testing.MemoryCdrWriter;
import org.hotline.cti.testing.RecordingListener;
import org.hotline.cti.testing.ScriptedSwitch;
import org.hotline.cti.core.VirtualTimeLoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallCenterTest {
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String CALLER = "13800000001";

    private VirtualTimeLoop loop;
    private ScriptedSwitch sw;
    private MemoryCdrWriter cdr;
    private RecordingListener desk;
    private CallCenter cc;

    @BeforeEach
    void setUp() {
        start(MONDAY_10);
    }

    private void start(Instant at) {
        loop = new VirtualTimeLoop(at, ZoneOffset.UTC);
        sw = new ScriptedSwitch();
        cdr = new MemoryCdrWriter();
        desk = new RecordingListener();
        cc = new CallCenter(loop, sw, cdr, new CallCenterConfig("main", Duration.ofSeconds(15), Duration.ofSeconds(30),
                "general", ZoneOffset.UTC), new LatencyRecorder());
        cc.addListener(desk);
        cc.start(List.of(Fixtures.agent("1001", Map.of("general", 5)),
                        Fixtures.agent("1002", Map.of("repair", 5, "general", 3)),
                        Fixtures.agent("1003", Map.of("billing", 2))),
                Fixtures.queues(), Fixtures.reasons(), Map.of(), Map.of());
        loop.runUntilIdle();
    }

    @Test
    void routesBySkillAndTheCallDataFollowsAnAttendedTransfer() {
        ready("1001", "1002");
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "3",
                Map.of("ivr_path", "1>3", "entered_account", "A-778")));
        assertThat(sw.services).contains("route c1 1002");
        assertThat(state("1002")).isEqualTo(AgentState.RESERVED);

        event(new SwitchEvent.Delivered(now(), id("c1"), "1002", "tel:" + CALLER, "95001"));
        assertThat(desk.last("1002", CallChange.RINGING).call().data().enteredAccount()).isEqualTo("A-778");
        run(cc.execute(new AgentCommand.Answer("1002", "c1")));
        assertThat(sw.services).contains("answer c1/1002");
        advance(Duration.ofSeconds(2));
        event(new SwitchEvent.Established(now(), id("c1"), "1002", "tel:" + CALLER));
        assertThat(state("1002")).isEqualTo(AgentState.ON_CALL);

        run(cc.execute(new AgentCommand.Hold("1002", "c1")));
        event(new SwitchEvent.Held(now(), id("c1"), "1002"));
        assertThat(state("1002")).isEqualTo(AgentState.HELD);
        advance(Duration.ofSeconds(5));
        run(cc.execute(new AgentCommand.Retrieve("1002", "c1")));
        event(new SwitchEvent.Retrieved(now(), id("c1"), "1002"));
        assertThat(state("1002")).isEqualTo(AgentState.ON_CALL);

        String consult = run(cc.execute(new AgentCommand.Consult("1002", "c1", "1001")));
        event(new SwitchEvent.Held(now(), id("c1"), "1002"));
        event(new SwitchEvent.ServiceInitiated(now(), id(consult), "1002", "1001"));
        event(new SwitchEvent.Delivered(now(), id(consult), "1001", "1002", "1001"));
        assertThat(desk.last("1001", CallChange.RINGING).call().data().callerNumber())
                .as("the consulted agent sees the caller's data").isEqualTo(CALLER);
        event(new SwitchEvent.Established(now(), id(consult), "1001", "1002"));
        assertThat(state("1001")).isEqualTo(AgentState.ON_CALL);

        run(cc.execute(new AgentCommand.CompleteTransfer("1002", "c1")));
        assertThat(sw.services).contains("transfer c1/1002 " + consult + "/1002");
        event(new SwitchEvent.Transferred(now(), id("c1"), id(consult), "1002", "1001"));
        RecordingListener.DeskCall arrived = desk.last("1001", CallChange.TRANSFERRED);
        assertThat(arrived.call().callId()).isEqualTo("c1");
        assertThat(arrived.call().data().enteredAccount()).isEqualTo("A-778");
        assertThat(arrived.call().data().ivrPath()).containsExactly("1", "3");
        assertThat(state("1002")).isEqualTo(AgentState.AFTER_CALL_WORK);
        assertThat(state("1001")).isEqualTo(AgentState.ON_CALL);

        advance(Duration.ofSeconds(10));
        event(new SwitchEvent.ConnectionCleared(now(), id("c1"), "tel:" + CALLER, Cause.NORMAL_CLEARING));
        event(new SwitchEvent.CallCleared(now(), id("c1"), Cause.NORMAL_CLEARING));

        CallDetailRecord r = cdr.records.stream().filter(x -> x.callId().equals("c1")).findFirst().orElseThrow();
        assertThat(r.outcome()).isEqualTo("answered");
        assertThat(r.queueId()).isEqualTo("repair");
        assertThat(r.agentId()).isEqualTo("1001");
        assertThat(r.answeredAt()).isEqualTo(MONDAY_10.plusSeconds(2));
        List<CallSegment> segs = cdr.segmentsOf("c1");
        assertThat(segs).extracting(CallSegment::kind, CallSegment::agentId, CallSegment::outcome).contains(
                org.assertj.core.groups.Tuple.tuple(SegmentKind.QUEUE, "", "delivered"),
                org.assertj.core.groups.Tuple.tuple(SegmentKind.RING, "1002", "answered"),
                org.assertj.core.groups.Tuple.tuple(SegmentKind.HOLD, "1002", "retrieved"),
                org.assertj.core.groups.Tuple.tuple(SegmentKind.TALK, "1002", "transferred"),
                org.assertj.core.groups.Tuple.tuple(SegmentKind.TALK, "1001", "ended"));
        assertThat(desk.recorded).contains("1001:c1", "1002:c1");
        assertThat(state("1001")).isEqualTo(AgentState.AFTER_CALL_WORK);
        advance(Duration.ofSeconds(31));
        assertThat(state("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void aCallThatRingsOutGoesBackToTheHeadOfItsQueueAndTheAgentToMissed() {
        ready("1001");
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "", Map.of()));
        event(new SwitchEvent.Delivered(now(), id("c1"), "1001", "tel:" + CALLER, "95001"));
        advance(Duration.ofSeconds(15));
        assertThat(sw.services).contains("clear c1/1001");
        event(new SwitchEvent.ConnectionCleared(now(), id("c1"), "1001", Cause.NORMAL_CLEARING));
        AgentView a = agent("1001");
        assertThat(a.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(a.reason()).isEqualTo("missed");
        assertThat(desk.notices).contains("1001:notice.missed_call");
        QueueView general = queue("general");
        assertThat(general.waiting()).extracting(w -> w.call().callId()).containsExactly("c1");
        assertThat(general.waiting().get(0).call().headOfQueue()).isTrue();

        ready("1002");
        assertThat(sw.services).contains("route c1 1002");
    }

    @Test
    void countsAnAbandonAndTheServiceLevel() {
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "", Map.of()));
        advance(Duration.ofSeconds(40));
        event(new SwitchEvent.ConnectionCleared(now(), id("c1"), "tel:" + CALLER, Cause.ABANDONED));
        event(new SwitchEvent.CallCleared(now(), id("c1"), Cause.ABANDONED));
        ready("1001");
        event(new SwitchEvent.RouteRequested(now(), id("c2"), CALLER, "95001", "", Map.of()));
        event(new SwitchEvent.Delivered(now(), id("c2"), "1001", "tel:" + CALLER, "95001"));
        advance(Duration.ofSeconds(5));
        event(new SwitchEvent.Established(now(), id("c2"), "1001", "tel:" + CALLER));

        QueueStatistics.Figures f = queue("general").today();
        assertThat(f.offered()).isEqualTo(2);
        assertThat(f.abandoned()).isEqualTo(1);
        assertThat(f.answered()).isEqualTo(1);
        assertThat(f.answeredWithinThreshold()).isEqualTo(1);
        assertThat(f.serviceLevelPercent()).isEqualTo(50.0);
        assertThat(f.averageSpeedOfAnswerSeconds()).isEqualTo(5.0);
        assertThat(cdr.records).filteredOn(r -> r.callId().equals("c1"))
                .extracting(CallDetailRecord::outcome, CallDetailRecord::queueWaitMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("abandoned", 40_000L));
    }

    @Test
    void higherPriorityQueueIsServedFirstAndOverflowWidensTheSkills() {
        event(new SwitchEvent.RouteRequested(now(), id("g1"), "1", "95001", "", Map.of()));
        advance(Duration.ofSeconds(1));
        event(new SwitchEvent.RouteRequested(now(), id("r1"), "2", "95001", "repair", Map.of()));
        ready("1002");
        assertThat(sw.services).contains("route r1 1002").doesNotContain("route g1 1002");

        // 1001 has general 5, not repair: after 30 s the repair queue overflows to general>=5.
        event(new SwitchEvent.RouteRequested(now(), id("r2"), "3", "95001", "repair", Map.of()));
        ready("1001");
        assertThat(sw.services).contains("route g1 1001");
        run(cc.execute(new AgentCommand.SetState("1001", AgentState.NOT_READY, "break")));
        assertThat(state("1001")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void aNotReadyAskedDuringACallAppliesAfterTheWrapUp() {
        ready("1001");
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "", Map.of()));
        event(new SwitchEvent.Delivered(now(), id("c1"), "1001", "tel:" + CALLER, "95001"));
        event(new SwitchEvent.Established(now(), id("c1"), "1001", "tel:" + CALLER));
        run(cc.execute(new AgentCommand.SetState("1001", AgentState.NOT_READY, "lunch")));
        assertThat(state("1001")).isEqualTo(AgentState.ON_CALL);
        event(new SwitchEvent.ConnectionCleared(now(), id("c1"), "tel:" + CALLER, Cause.NORMAL_CLEARING));
        event(new SwitchEvent.CallCleared(now(), id("c1"), Cause.NORMAL_CLEARING));
        assertThat(state("1001")).isEqualTo(AgentState.AFTER_CALL_WORK);
        advance(Duration.ofSeconds(30));
        assertThat(agent("1001").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(agent("1001").reason()).isEqualTo("lunch");
    }

    @Test
    void closedHoursPlayTheClosedAnnouncementAndNeverQueue() {
        start(Instant.parse("2026-11-21T10:00:00Z")); // a Saturday: billing is closed
        ready("1003");
        event(new SwitchEvent.IvrFinished(now(), id("b1"), CALLER, "95001", now().minusSeconds(30), List.of("3"),
                "billing", IvrOutcome.ROUTED));
        event(new SwitchEvent.RouteRequested(now(), id("b1"), CALLER, "95001", "billing", Map.of()));
        assertThat(sw.services).contains("announce b1 CLOSED").doesNotContain("route b1 1003");
        event(new SwitchEvent.CallCleared(now(), id("b1"), Cause.BLOCKED));
        assertThat(cdr.records).extracting(CallDetailRecord::outcome).containsExactly("closed");
        assertThat(cdr.ivrVisits).extracting(IvrVisit::menuPath, IvrVisit::queueId, IvrVisit::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "billing", IvrOutcome.CLOSED));
    }

    @Test
    void anIvrVisitIsWrittenWithTheQueueItReachedAndACallerWhoHangsUpInTheIvrIsWrittenAtOnce() {
        Instant entered = now();
        advance(Duration.ofSeconds(25));
        event(new SwitchEvent.IvrFinished(now(), id("v1"), CALLER, "95001", entered, List.of("1", "2"), "", IvrOutcome.NO_INPUT));
        assertThat(cdr.ivrVisits).as("settled by the route request, not before").isEmpty();
        event(new SwitchEvent.RouteRequested(now(), id("v1"), CALLER, "95001", "", Map.of("ivr_path", "1>2")));

        event(new SwitchEvent.IvrFinished(now().plusSeconds(40), id("v2"), "13800000002", "95001", now(), List.of("3"), "",
                IvrOutcome.HUNG_UP));

        assertThat(cdr.ivrVisits).extracting(IvrVisit::callId, IvrVisit::menuPath, IvrVisit::queueId, IvrVisit::outcome,
                IvrVisit::millis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v1", "1>2", "general", IvrOutcome.NO_INPUT, 25_000L),
                org.assertj.core.groups.Tuple.tuple("v2", "3", "", IvrOutcome.HUNG_UP, 40_000L));
        assertThat(cdr.ivrVisits.get(0).siteId()).isEqualTo("main");
        assertThat(cdr.ivrVisits.get(1).callerNumber()).isEqualTo("13800000002");
        assertThat(queue("general").waiting()).as("the caller who hung up in the IVR never queued").hasSize(1);
    }

    @Test
    void commandsInTheWrongStateAreRefusedWithAClearMessage() {
        ready("1001");
        assertThatThrownBy(() -> run(cc.execute(new AgentCommand.Answer("1001", "nope"))))
                .hasMessageContaining("call: nope (no such call");
        assertThatThrownBy(() -> run(cc.execute(new AgentCommand.SetState("1001", AgentState.NOT_READY, "nap"))))
                .hasMessageContaining("reason code: 'nap' (expected one of");
        assertThatThrownBy(() -> run(cc.execute(new AgentCommand.Dial("1001", "12ab", Map.of()))))
                .hasMessageContaining("number: '12ab'");
        assertThatThrownBy(() -> run(cc.execute(new AgentCommand.Hangup("1003", "c1"))))
                .hasMessageContaining("agent 1003 is not logged in");
        assertThatThrownBy(() -> run(cc.login("1002", "1001")))
                .hasMessageContaining("extension 1001 is in use by agent 1001");
    }

    @Test
    void aSupervisorListensToAnAgentsCall() {
        ready("1001", "1002");
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "", Map.of()));
        String agent = sw.services.contains("route c1 1001") ? "1001" : "1002";
        String sup = agent.equals("1001") ? "1002" : "1001";
        event(new SwitchEvent.Delivered(now(), id("c1"), agent, "tel:" + CALLER, "95001"));
        event(new SwitchEvent.Established(now(), id("c1"), agent, "tel:" + CALLER));
        run(cc.execute(new AgentCommand.SetState(sup, AgentState.NOT_READY, "break")));
        assertThat(run(cc.execute(new AgentCommand.Monitor(sup, agent, MonitorMode.LISTEN)))).isEqualTo("c1");
        assertThat(sw.services).contains("monitor c1 " + agent + " " + sup + " LISTEN");
        event(new SwitchEvent.MonitorStarted(now(), id("c1"), sup, agent, MonitorMode.LISTEN));
        assertThat(desk.last(sup, CallChange.MONITORING)).isNotNull();
        event(new SwitchEvent.MonitorStopped(now(), id("c1"), sup));
        assertThat(cdr.segmentsOf("c1")).extracting(CallSegment::kind).contains(SegmentKind.MONITOR);
    }

    @Test
    void afterALinkOutageCallsThatEndedUnseenCloseNewCallsAreAdoptedAndOtherAgentsKeepTheirStates() {
        ready("1001", "1002");
        run(cc.login("1003", ""));
        run(cc.execute(new AgentCommand.SetState("1003", AgentState.NOT_READY, "break")));
        event(new SwitchEvent.RouteRequested(now(), id("c1"), CALLER, "95001", "3", Map.of()));
        event(new SwitchEvent.Delivered(now(), id("c1"), "1002", "tel:" + CALLER, "95001"));
        event(new SwitchEvent.Established(now(), id("c1"), "1002", "tel:" + CALLER));
        assertThat(state("1002")).isEqualTo(AgentState.ON_CALL);

        advance(Duration.ofSeconds(20));
        event(new SwitchEvent.LinkLost(now(), "test"));
        advance(Duration.ofSeconds(40));
        // Back: c1 ended during the outage; 1001 took a call the model never saw start.
        Instant adoptedStart = now().minusSeconds(25);
        event(new SwitchEvent.LinkRestored(now(), new SwitchEvent.SwitchSnapshot(List.of(new SwitchEvent.CallView(
                id("c9"), adoptedStart, List.of(new SwitchEvent.ConnectionView("1001", "CONNECTED"),
                        new SwitchEvent.ConnectionView("tel:13800000009", "CONNECTED")), Map.of("queue", "general"))))));

        CallDetailRecord ended = cdr.records.stream().filter(r -> r.callId().equals("c1")).findFirst()
                .orElseThrow(() -> new AssertionError("no record for c1, which ended during the outage: " + cdr.records));
        assertThat(ended.outcome()).isEqualTo("answered");
        assertThat(state("1002")).as("its call ended while the link was down").isEqualTo(AgentState.AFTER_CALL_WORK);

        List<org.hotline.cti.calls.CallView> onAnnasDesk = run(cc.read(r -> r.callsOf("1001")));
        assertThat(onAnnasDesk).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo("c9");
            assertThat(c.data().callerNumber()).isEqualTo("13800000009");
            assertThat(c.data().queueId()).isEqualTo("general");
        });
        assertThat(state("1001")).as("on the adopted call").isEqualTo(AgentState.ON_CALL);
        assertThat(desk.last("1001", CallChange.CONNECTED)).as("the desk that stayed connected is told")
                .isNotNull().satisfies(d -> assertThat(d.call().callId()).isEqualTo("c9"));
        assertThat(agent("1003").state()).isEqualTo(AgentState.NOT_READY);
        assertThat(agent("1003").reason()).as("an agent the outage did not touch keeps its state").isEqualTo("break");

        event(new SwitchEvent.ConnectionCleared(now(), id("c9"), "tel:13800000009", Cause.NORMAL_CLEARING));
        event(new SwitchEvent.CallCleared(now(), id("c9"), Cause.NORMAL_CLEARING));
        CallDetailRecord adopted = cdr.records.stream().filter(r -> r.callId().equals("c9")).findFirst().orElseThrow();
        assertThat(adopted.startedAt()).as("an adopted call keeps the start the switch reported").isEqualTo(adoptedStart);
        assertThat(adopted.agentId()).as("the record names the agent of the adopted call").isEqualTo("1001");
        assertThat(cdr.segmentsOf("c9")).extracting(CallSegment::kind, CallSegment::agentId, CallSegment::startedAt)
                .contains(org.assertj.core.groups.Tuple.tuple(SegmentKind.TALK, "1001", adoptedStart));
    }

    // ---- helpers ----

    private void ready(String... agents) {
        for (String a : agents) {
            if (state(a) == AgentState.LOGGED_OUT) {
                run(cc.login(a, ""));
            }
            run(cc.execute(new AgentCommand.SetState(a, AgentState.READY, "")));
        }
        loop.runUntilIdle();
    }

    private AgentState state(String agentId) {
        return agent(agentId).state();
    }

    private AgentView agent(String agentId) {
        return run(cc.read(r -> r.agent(agentId)));
    }

    private QueueView queue(String id) {
        return run(cc.read(r -> r.queues().stream().filter(q -> q.definition().queueId().equals(id)).findFirst().orElseThrow()));
    }

    private void event(SwitchEvent e) {
        cc.onSwitchEvent(e);
        loop.runUntilIdle();
    }

    private void advance(Duration d) {
        loop.runFor(d);
    }

    private Instant now() {
        return loop.clock().instant();
    }

    private static CallId id(String s) {
        return new CallId(s);
    }

    private <T> T run(CompletionStage<T> stage) {
        loop.runUntilIdle();
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
