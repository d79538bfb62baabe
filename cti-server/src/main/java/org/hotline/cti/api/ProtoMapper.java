package org.hotline.cti.api;

import java.time.Instant;
import java.util.Map;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.AttachedData;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.CallDirection;
import org.hotline.api.v1.CallHistoryEntry;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.StateTime;
import org.hotline.api.v1.Connection;
import org.hotline.api.v1.DirectoryAgent;
import org.hotline.api.v1.DirectoryQueue;
import org.hotline.api.v1.ListDirectoryResponse;
import org.hotline.api.v1.ConnectionState;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.WaitingCall;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallData;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.core.QueueStatistics;
import org.hotline.cti.core.QueueView;

/** Domain views to hotline.v1 messages and back. The only place that knows both shapes. */
final class ProtoMapper {
    private ProtoMapper() {}

    static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    static AgentState state(org.hotline.cti.agents.AgentState s) {
        return switch (s) {
            case LOGGED_OUT -> AgentState.AGENT_STATE_LOGGED_OUT;
            case NOT_READY -> AgentState.AGENT_STATE_NOT_READY;
            case READY -> AgentState.AGENT_STATE_READY;
            case RESERVED -> AgentState.AGENT_STATE_RESERVED;
            case ON_CALL -> AgentState.AGENT_STATE_ON_CALL;
            case HELD -> AgentState.AGENT_STATE_HELD;
            case AFTER_CALL_WORK -> AgentState.AGENT_STATE_AFTER_CALL_WORK;
        };
    }

    /** The wire state to the domain one, or null for UNSPECIFIED / unknown values. */
    static org.hotline.cti.agents.AgentState state(AgentState s) {
        return switch (s) {
            case AGENT_STATE_LOGGED_OUT -> org.hotline.cti.agents.AgentState.LOGGED_OUT;
            case AGENT_STATE_NOT_READY -> org.hotline.cti.agents.AgentState.NOT_READY;
            case AGENT_STATE_READY -> org.hotline.cti.agents.AgentState.READY;
            case AGENT_STATE_RESERVED -> org.hotline.cti.agents.AgentState.RESERVED;
            case AGENT_STATE_ON_CALL -> org.hotline.cti.agents.AgentState.ON_CALL;
            case AGENT_STATE_HELD -> org.hotline.cti.agents.AgentState.HELD;
            case AGENT_STATE_AFTER_CALL_WORK -> org.hotline.cti.agents.AgentState.AFTER_CALL_WORK;
            default -> null;
        };
    }

    static Role role(org.hotline.cti.security.Role r) {
        return switch (r) {
            case AGENT -> Role.ROLE_AGENT;
            case TEAM_LEAD -> Role.ROLE_TEAM_LEAD;
            case ADMIN -> Role.ROLE_ADMIN;
            case WALLBOARD -> Role.ROLE_WALLBOARD;
        };
    }

    static ReasonCode reason(org.hotline.cti.agents.ReasonCode r) {
        return ReasonCode.newBuilder().setCode(r.code()).setLabel(r.label()).setSystem(r.system()).build();
    }

    static AgentStatus agent(AgentView a) {
        AgentStatus.Builder b = AgentStatus.newBuilder()
                .setAgentId(a.agentId())
                .setName(a.profile().name())
                .setTeam(a.profile().team())
                .setExtension(a.extension())
                .setState(state(a.state()))
                .setReasonCode(a.reason())
                .setStateSince(ts(a.stateSince()))
                .setCurrentCallId(a.currentCallId())
                .setCurrentCaller(a.currentCaller())
                .setCurrentQueue(a.currentQueue())
                .setCallsToday(a.callsToday())
                .setHandleSecondsToday(a.handleMillisToday() / 1000);
        for (Map.Entry<String, Integer> e : a.profile().skills().entrySet()) {
            b.addSkills(e.getKey() + ":" + e.getValue());
        }
        return b.build();
    }

    static AttachedData data(CallData d) {
        return AttachedData.newBuilder()
                .setCallerNumber(d.callerNumber())
                .setDialledNumber(d.dialledNumber())
                .setQueue(d.queueId())
                .addAllIvrPath(d.ivrPath())
                .setEnteredAccount(d.enteredAccount())
                .setCustomerId(d.customerId())
                .putAllValues(d.values())
                .build();
    }

    static Call call(CallView c, String forDevice) {
        Call.Builder b = Call.newBuilder()
                .setCallId(c.callId())
                .setDirection(switch (c.direction()) {
                    case INBOUND -> CallDirection.CALL_DIRECTION_INBOUND;
                    case OUTBOUND -> CallDirection.CALL_DIRECTION_OUTBOUND;
                    case INTERNAL -> CallDirection.CALL_DIRECTION_INTERNAL;
                })
                .setData(data(c.data()))
                .setStartedAt(ts(c.startedAt()))
                .setRecordingPath(c.recordingPath())
                .setConsultedFromCallId(c.consultedFromCallId())
                .setMuted(forDevice != null && c.mutedDevices().contains(forDevice));
        if (c.answeredAt() != null) {
            b.setAnsweredAt(ts(c.answeredAt()));
        }
        for (CallView.Party p : c.parties()) {
            b.addConnections(Connection.newBuilder().setDevice(p.device()).setAgentId(p.agentId())
                    .setState(connection(p.state())));
        }
        return b.build();
    }

    static ConnectionState connection(org.hotline.cti.calls.ConnectionState s) {
        return switch (s) {
            case INITIATED -> ConnectionState.CONNECTION_STATE_INITIATED;
            case ALERTING -> ConnectionState.CONNECTION_STATE_ALERTING;
            case CONNECTED -> ConnectionState.CONNECTION_STATE_CONNECTED;
            case HELD -> ConnectionState.CONNECTION_STATE_HELD;
            case QUEUED -> ConnectionState.CONNECTION_STATE_QUEUED;
        };
    }

    static CallUpdate.Kind kind(CallChange c) {
        return switch (c) {
            case RINGING -> CallUpdate.Kind.KIND_RINGING;
            case CONNECTED -> CallUpdate.Kind.KIND_CONNECTED;
            case HELD -> CallUpdate.Kind.KIND_HELD;
            case RETRIEVED -> CallUpdate.Kind.KIND_RETRIEVED;
            case TRANSFERRED -> CallUpdate.Kind.KIND_TRANSFERRED;
            case CONFERENCED -> CallUpdate.Kind.KIND_CONFERENCED;
            case ENDED -> CallUpdate.Kind.KIND_ENDED;
            case DATA -> CallUpdate.Kind.KIND_DATA;
            case DIALING -> CallUpdate.Kind.KIND_DIALING;
            case MONITORING -> CallUpdate.Kind.KIND_MONITORED;
        };
    }

    static QueueStatus queue(QueueView q, boolean withWaitingCalls) {
        QueueStatistics.Figures f = q.today();
        QueueStatus.Builder b = QueueStatus.newBuilder()
                .setQueueId(q.definition().queueId())
                .setName(q.definition().name())
                .setWaiting(q.waiting().size())
                .setLongestWaitSeconds(q.longestWaitSeconds())
                .setOfferedToday(f.offered())
                .setAnsweredToday(f.answered())
                .setAbandonedToday(f.abandoned())
                .setAnsweredWithinThresholdToday(f.answeredWithinThreshold())
                .setServiceLevelThresholdSeconds((int) q.definition().serviceLevelThreshold().toSeconds())
                .setServiceLevelPercent(f.serviceLevelPercent())
                .setAverageSpeedOfAnswerSeconds(f.averageSpeedOfAnswerSeconds())
                .setAgentsReady(q.agentsReady())
                .setAgentsBusy(q.agentsBusy())
                .setAgentsNotReady(q.agentsNotReady());
        if (withWaitingCalls) {
            for (QueueView.Waiting w : q.waiting()) {
                b.addWaitingCalls(WaitingCall.newBuilder().setCallId(w.call().callId())
                        .setCallerNumber(w.callerNumber()).setPriority(w.call().priority())
                        .setQueuedAt(ts(w.call().enteredAt())));
            }
        }
        return b.build();
    }

    /** Logged-in agents by id and every queue by id: the transfer and consultation targets. */
    static ListDirectoryResponse directory(java.util.List<AgentView> agents, java.util.List<QueueView> queues) {
        ListDirectoryResponse.Builder b = ListDirectoryResponse.newBuilder();
        agents.stream()
                .filter(a -> a.state() != org.hotline.cti.agents.AgentState.LOGGED_OUT)
                .sorted(java.util.Comparator.comparing(AgentView::agentId))
                .forEach(a -> b.addAgents(DirectoryAgent.newBuilder()
                        .setAgentId(a.agentId())
                        .setName(a.profile().name())
                        .setTeam(a.profile().team())
                        .setExtension(a.extension())
                        .setState(state(a.state()))
                        .setReasonCode(a.state() == org.hotline.cti.agents.AgentState.NOT_READY ? a.reason() : "")
                        .setStateSince(ts(a.stateSince()))));
        queues.stream()
                .sorted(java.util.Comparator.comparing(q -> q.definition().queueId()))
                .forEach(q -> b.addQueues(DirectoryQueue.newBuilder()
                        .setQueueId(q.definition().queueId())
                        .setName(q.definition().name())
                        .setWaiting(q.waiting().size())));
        return b.build();
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static GetMyDayResponse myDay(org.hotline.cti.agents.AgentDay d) {
        GetMyDayResponse.Builder b = GetMyDayResponse.newBuilder()
                .setDayStartedAt(ts(d.dayStart()))
                .setAsOf(ts(d.asOf()))
                .setCallsHandled(d.callsHandled())
                .setAverageHandleSeconds(d.averageHandleSeconds())
                .setTalkSeconds(d.talkMillis() / 1000);
        d.millisInState().forEach((state, millis) -> b.addStateTimes(StateTime.newBuilder()
                .setState(state(state)).setSeconds(millis / 1000)));
        return b.build();
    }

    static CallHistoryEntry historyEntry(org.hotline.cti.calls.CallHistoryEntry e) {
        org.hotline.cti.calls.CallDetailRecord r = e.record();
        CallHistoryEntry.Builder b = CallHistoryEntry.newBuilder()
                .setCallId(r.callId())
                .setRecordId(r.recordId())
                .setDirection(switch (r.direction()) {
                    case INBOUND -> CallDirection.CALL_DIRECTION_INBOUND;
                    case OUTBOUND -> CallDirection.CALL_DIRECTION_OUTBOUND;
                    case INTERNAL -> CallDirection.CALL_DIRECTION_INTERNAL;
                })
                .setCallerNumber(nz(r.callerNumber()))
                .setDialledNumber(nz(r.dialledNumber()))
                .setQueue(nz(r.queueId()))
                .setStartedAt(ts(r.startedAt()))
                .setTalkSeconds(e.talkMillis() / 1000)
                .setCustomerId(e.customerAccount())
                .setRecordingPath(nz(r.recordingPath()))
                .setWorkOrderNo(e.workOrderNo());
        if (r.answeredAt() != null) {
            b.setAnsweredAt(ts(r.answeredAt()));
        }
        if (r.endedAt() != null) {
            b.setEndedAt(ts(r.endedAt()));
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
