package org.hotline.cti.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AttachDataRequest;
import org.hotline.api.v1.BlindTransferRequest;
import org.hotline.api.v1.CallCommandRequest;
import org.hotline.api.v1.CommandResponse;
import org.hotline.api.v1.ConsultRequest;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DialRequest;
import org.hotline.api.v1.GetMyDayRequest;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.ListDirectoryRequest;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;
import org.hotline.api.v1.ListDirectoryResponse;
import org.hotline.api.v1.MuteRequest;
import org.hotline.api.v1.SendDigitsRequest;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.SubscribeDeskRequest;
import org.hotline.cti.agents.AgentDay;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.calls.AgentHistory;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallHistoryQuery;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.core.AgentCommand;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.security.Session;

/** The agent's desk: a stream of its own events and the softphone commands. Thin: proto in, command out. */
final class AgentDeskService extends AgentDeskGrpc.AgentDeskImplBase {
    private final CallCenter center;
    private final StreamHub hub;
    private final RequestIds requestIds;
    private final AgentHistory history;
    private final Executor workers;

    /** {@code history} may be null (no database): then GetMyDay and ListMyCalls answer UNAVAILABLE. */
    AgentDeskService(CallCenter center, StreamHub hub, RequestIds requestIds, AgentHistory history, Executor workers) {
        this.center = center;
        this.hub = hub;
        this.requestIds = requestIds;
        this.history = history;
        this.workers = workers;
    }

    private static Session desk() {
        Session s = AuthInterceptor.session();
        if (!s.role().canWorkCalls()) {
            throw Errors.permission("role " + s.role() + " has no desk (expected: agent, team lead or admin)");
        }
        if (s.extension().isEmpty()) {
            throw Errors.permission("session of " + s.agentId() + " has no extension: log in with one to use the desk");
        }
        return s;
    }

    @Override
    public void subscribe(SubscribeDeskRequest req, StreamObserver<DeskEvent> out) {
        Session s;
        try {
            s = desk();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        Outbound<DeskEvent> buffer = hub.deskOutbound(s.agentId(), (ServerCallStreamObserver<DeskEvent>) out);
        center.read(r -> {
            hub.attachDesk(s.agentId(), buffer, r);
            return null;
        }).whenComplete((v, e) -> {
            if (e != null) {
                buffer.close(Errors.toStatus(e).getStatus());
            }
        });
    }

    @Override
    public void setState(SetStateRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> {
            AgentState st = ProtoMapper.state(req.getState());
            if (st == null) {
                throw Errors.invalid("state: " + req.getState() + " (expected: READY, NOT_READY or AFTER_CALL_WORK)");
            }
            return center.execute(new AgentCommand.SetState(desk().agentId(), st, req.getReasonCode()));
        });
    }

    @Override
    public void answer(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Answer(desk().agentId(), req.getCallId())));
    }

    @Override
    public void hangup(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Hangup(desk().agentId(), req.getCallId())));
    }

    @Override
    public void hold(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Hold(desk().agentId(), req.getCallId())));
    }

    @Override
    public void retrieve(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Retrieve(desk().agentId(), req.getCallId())));
    }

    @Override
    public void consult(ConsultRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.Consult(desk().agentId(), req.getCallId(), req.getDestination())));
    }

    @Override
    public void completeTransfer(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.CompleteTransfer(desk().agentId(), req.getCallId())));
    }

    @Override
    public void blindTransfer(BlindTransferRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.BlindTransfer(desk().agentId(), req.getCallId(), req.getDestination())));
    }

    @Override
    public void conference(CallCommandRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Conference(desk().agentId(), req.getCallId())));
    }

    @Override
    public void dial(DialRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.Dial(desk().agentId(), req.getNumber().trim(), req.getValuesMap())));
    }

    @Override
    public void sendDigits(SendDigitsRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.SendDigits(desk().agentId(), req.getCallId(), req.getDigits())));
    }

    @Override
    public void mute(MuteRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(
                new AgentCommand.Mute(desk().agentId(), req.getCallId(), req.getMuted())));
    }

    @Override
    public void attachData(AttachDataRequest req, StreamObserver<CommandResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.AttachData(desk().agentId(),
                req.getCallId(), req.getCustomerId(), req.getEnteredAccount(), req.getValuesMap())));
    }

    @Override
    public void listDirectory(ListDirectoryRequest req, StreamObserver<ListDirectoryResponse> out) {
        try {
            requireDeskRole();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        // Only the immutable views are taken on the loop; mapping to proto happens off it.
        Unary.reply(out, center.read(r -> new LiveDirectory(r.agents(), r.queues()))
                .thenApply(d -> ProtoMapper.directory(d.agents(), d.queues())));
    }

    @Override
    public void getMyDay(GetMyDayRequest req, StreamObserver<GetMyDayResponse> out) {
        try {
            String agentId = requireDeskRole().agentId();
            requireHistory();
            Clock clock = center.loop().clock();
            Instant now = clock.instant();
            Instant dayStart = AgentDay.startOfDay(clock);
            Unary.reply(out, center.read(r -> r.agent(agentId)).thenApplyAsync(live -> {
                if (live == null) {
                    throw new CommandException(CommandException.Code.NOT_FOUND, "agent: '" + agentId + "' (not in the directory)");
                }
                AgentState before = history.lastStateChangeBefore(agentId, dayStart).map(c -> c.to()).orElse(null);
                List<AgentDay.TalkLeg> talk = history.talkSegmentsEndingAfter(agentId, dayStart).stream()
                        .filter(s -> s.endedAt() != null)
                        .map(s -> new AgentDay.TalkLeg(s.callId(), s.startedAt(), s.endedAt()))
                        .toList();
                AgentDay day = AgentDay.compute(dayStart, now, before, history.stateChangesSince(agentId, dayStart),
                        live.state(), live.stateSince(), talk);
                return ProtoMapper.myDay(day);
            }, workers));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void listMyCalls(ListMyCallsRequest req, StreamObserver<ListMyCallsResponse> out) {
        try {
            Session s = requireDeskRole();
            String agentId = req.getAgentId().strip().isEmpty() ? s.agentId() : req.getAgentId().strip();
            if (!agentId.equals(s.agentId()) && !s.role().canSupervise()) {
                throw Errors.permission("role " + s.role() + " may list only its own calls (asked for agent '"
                        + agentId + "'; expected: empty or '" + s.agentId() + "', or a team lead or admin)");
            }
            requireHistory();
            CallHistoryQuery query = callQuery(req, agentId);
            Unary.reply(out, center.read(r -> r.agent(agentId) != null).thenApplyAsync(known -> {
                if (!known) {
                    throw new CommandException(CommandException.Code.NOT_FOUND, "agent_id: '" + agentId + "' (no such agent)");
                }
                ListMyCallsResponse.Builder b = ListMyCallsResponse.newBuilder();
                history.calls(query).forEach(c -> b.addCalls(ProtoMapper.historyEntry(c)));
                return b.build();
            }, workers));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    private static CallHistoryQuery callQuery(ListMyCallsRequest req, String agentId) {
        int limit = req.getLimit();
        if (limit < 0 || limit > CallHistoryQuery.MAX_LIMIT) {
            throw Errors.invalid("limit: " + limit + " (expected: 0 for the default, or 1.." + CallHistoryQuery.MAX_LIMIT + ")");
        }
        String fragment = req.getNumberFragment().strip();
        if (!fragment.matches("[0-9*#+]*")) {
            throw Errors.invalid("number_fragment: '" + fragment + "' (expected: digits, optionally with + * #)");
        }
        CallDetailRecord.Direction direction = switch (req.getDirection()) {
            case CALL_DIRECTION_UNSPECIFIED -> null;
            case CALL_DIRECTION_INBOUND -> CallDetailRecord.Direction.INBOUND;
            case CALL_DIRECTION_OUTBOUND -> CallDetailRecord.Direction.OUTBOUND;
            case CALL_DIRECTION_INTERNAL -> CallDetailRecord.Direction.INTERNAL;
            default -> throw Errors.invalid("direction: " + req.getDirectionValue()
                    + " (expected: UNSPECIFIED, INBOUND, OUTBOUND or INTERNAL)");
        };
        Instant from = req.hasFrom() ? ProtoMapper.instant(req.getFrom()) : null;
        Instant until = req.hasUntil() ? ProtoMapper.instant(req.getUntil()) : null;
        if (from != null && until != null && !until.isAfter(from)) {
            throw Errors.invalid("until: " + until + " (expected: after from " + from + ")");
        }
        return new CallHistoryQuery(agentId, from, until, direction, fragment, limit == 0 ? 50 : limit);
    }

    private void requireHistory() {
        if (history == null) {
            throw new CommandException(CommandException.Code.UNAVAILABLE, "agent history: no database configured");
        }
    }

    private record LiveDirectory(java.util.List<org.hotline.cti.agents.AgentView> agents,
                                 java.util.List<org.hotline.cti.core.QueueView> queues) {}

    /** A desk role without the extension check: looking at the directory needs no phone. */
    private static Session requireDeskRole() {
        Session s = AuthInterceptor.session();
        if (!s.role().canWorkCalls()) {
            throw Errors.permission("role " + s.role() + " has no desk (expected: agent, team lead or admin)");
        }
        return s;
    }

    private void run(String requestId, StreamObserver<CommandResponse> out, Supplier<CompletionStage<String>> action) {
        requestIds.respond(requestId, out, action,
                (rid, callId) -> CommandResponse.newBuilder().setRequestId(rid).setCallId(callId).build());
    }
}
