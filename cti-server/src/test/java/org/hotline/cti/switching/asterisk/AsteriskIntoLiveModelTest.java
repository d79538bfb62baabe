package org.hotline.cti.switching.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.core.AgentCommand;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CallCenterConfig;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.core.VirtualTimeLoop;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.testing.Fixtures;
import org.hotline.cti.testing.MemoryCdrWriter;
import org.hotline.cti.testing.RecordingListener;
import org.hotline.cti.testing.ScriptedSwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What real Asterisk sent, through the adapter, into the same live model the simulated switch
 * drives: the model ends up where a person watching the calls would expect.
 */
class AsteriskIntoLiveModelTest {
    private final VirtualTimeLoop loop = new VirtualTimeLoop(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);
    private final MemoryCdrWriter cdr = new MemoryCdrWriter();
    private final RecordingListener desks = new RecordingListener();
    private final CallCenter center = new CallCenter(loop, new ScriptedSwitch(), cdr,
            new CallCenterConfig("main", Duration.ofSeconds(15), Duration.ofSeconds(30), "general", ZoneOffset.UTC),
            new LatencyRecorder());

    private void replay(String capture) throws Exception {
        center.addListener(desks);
        center.start(List.of(Fixtures.agent("1001", Map.of("general", 5)), Fixtures.agent("1002", Map.of("general", 5)),
                Fixtures.agent("1003", Map.of("repair", 5))), Fixtures.queues(), Fixtures.reasons(), Map.of(), Map.of());
        loop.runUntilIdle();
        for (String a : List.of("1001", "1002", "1003")) {
            center.login(a, "");
            center.execute(new AgentCommand.SetState(a, AgentState.READY, ""));
            loop.runUntilIdle();
        }
        List<SwitchEvent> events = AmiReplay.run(List.of(Captures.load(capture)), FakeAmiServer.Options.replay()).events();
        for (SwitchEvent e : events) {
            Duration gap = Duration.between(loop.clock().instant(), e.at());
            loop.runFor(gap.isNegative() ? Duration.ZERO : gap);
            center.onSwitchEvent(e);
            loop.runUntilIdle();
        }
    }

    private AgentState state(String agent) {
        var s = center.read(r -> r.agent(agent).state());
        loop.runUntilIdle();
        return s.toCompletableFuture().join();
    }

    @Test
    void anAttendedTransferOnAsteriskMovesTheCallAndItsDataToTheSecondDesk() throws Exception {
        replay("05-attended-transfer.txt");

        RecordingListener.DeskCall arrived = desks.last("1003", CallChange.TRANSFERRED);
        assertThat(arrived).as("the consulted agent's desk gets the caller's call").isNotNull();
        assertThat(arrived.call().callId()).isEqualTo("call-1");
        assertThat(arrived.call().data().callerNumber()).isEqualTo("0301234560");
        assertThat(state("1001")).isEqualTo(AgentState.AFTER_CALL_WORK);
        assertThat(state("1003")).isEqualTo(AgentState.AFTER_CALL_WORK);

        CallDetailRecord r = cdr.records.stream().filter(x -> x.callId().equals("call-1")).findFirst().orElseThrow();
        assertThat(r.outcome()).isEqualTo("answered");
        assertThat(r.agentId()).isEqualTo("1003");
        assertThat(r.recordingPath()).startsWith("/var/spool/asterisk/monitor/q-");
        assertThat(cdr.segmentsOf("call-1")).extracting(CallSegment::kind, CallSegment::agentId, CallSegment::outcome)
                .contains(tuple(SegmentKind.TALK, "1001", "transferred"), tuple(SegmentKind.TALK, "1003", "ended"));
    }

    @Test
    void aQueueCallThatRangOutAtOneAgentAndWasAnsweredByAnotherLeavesBothRight() throws Exception {
        replay("03-agent-ring-no-answer.txt");

        assertThat(desks.last("1002", CallChange.RINGING)).isNotNull();
        assertThat(state("1002")).as("Asterisk's own queue rang it, so it is not marked missed").isEqualTo(AgentState.READY);
        assertThat(state("1001")).isEqualTo(AgentState.AFTER_CALL_WORK);
        assertThat(cdr.records).extracting(CallDetailRecord::outcome, CallDetailRecord::agentId)
                .containsExactly(tuple("answered", "1001"));
        assertThat(cdr.segmentsOf(cdr.records.get(0).callId())).extracting(CallSegment::kind, CallSegment::agentId,
                CallSegment::outcome).contains(tuple(SegmentKind.RING, "1002", "no_answer"),
                tuple(SegmentKind.RING, "1001", "answered"));
    }
}
