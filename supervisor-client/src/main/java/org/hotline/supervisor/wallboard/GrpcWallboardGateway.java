package org.hotline.supervisor.wallboard;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.KeptStream;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.ReportsGrpc;
import org.hotline.api.v1.SubscribeWallboardRequest;
import org.hotline.api.v1.WallboardGrpc;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrdersGrpc;

import static java.util.Objects.requireNonNull;

/** The wallboard's calls on a logged-in session: Wallboard.Subscribe, Reports.CallReport, WorkOrders.Summary. */
public final class GrpcWallboardGateway implements WallboardGateway {
    private final DeskSession session;

    public GrpcWallboardGateway(DeskSession session) {
        this.session = requireNonNull(session, "session");
    }

    @Override
    public AutoCloseable subscribe(KeptStream.Listener<WallboardStats> listener) {
        // Every statistics message is a complete picture: any of them marks the link up again.
        return session.<WallboardStats>keep("wallboard of " + session.agentId(), o -> session.streamStub(WallboardGrpc::newStub)
                .subscribe(SubscribeWallboardRequest.getDefaultInstance(), o), e -> true).start(listener);
    }

    @Override
    public CompletableFuture<CallReportResponse> callReport(CallReportRequest request) {
        return session.call(() -> session.stub(ReportsGrpc::newFutureStub).callReport(request));
    }

    @Override
    public CompletableFuture<WorkOrderSummaryResponse> workOrderSummary(WorkOrderSummaryRequest request) {
        return session.call(() -> session.stub(WorkOrdersGrpc::newFutureStub).summary(request));
    }
}
