package org.hotline.supervisor.reports;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.DeskSession;
import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.AgentStateReportResponse;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.ReportsGrpc;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.hotline.api.v1.WorkOrderReportResponse;

import static java.util.Objects.requireNonNull;

/** The Reports service over the desk's session. */
public final class GrpcReports implements ReportGateway {
    private final DeskSession session;

    public GrpcReports(DeskSession session) {
        this.session = requireNonNull(session, "session");
    }

    @Override
    public CompletableFuture<CallReportResponse> calls(CallReportRequest request) {
        return session.call(() -> session.stub(ReportsGrpc::newFutureStub).callReport(request));
    }

    @Override
    public CompletableFuture<AgentStateReportResponse> agentStates(AgentStateReportRequest request) {
        return session.call(() -> session.stub(ReportsGrpc::newFutureStub).agentStateReport(request));
    }

    @Override
    public CompletableFuture<WorkOrderReportResponse> workOrders(WorkOrderReportRequest request) {
        return session.call(() -> session.stub(ReportsGrpc::newFutureStub).workOrderReport(request));
    }

    @Override
    public CompletableFuture<IvrReportResponse> ivr(IvrReportRequest request) {
        return session.call(() -> session.stub(ReportsGrpc::newFutureStub).ivrReport(request));
    }
}
