package org.hotline.supervisor.wallboard;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.KeptStream;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;

/**
 * What the wallboard asks of the server. Events, link changes and results arrive on the FX
 * thread (the session's callback executor).
 */
public interface WallboardGateway {
    /** The once-a-second statistics, kept up (reconnecting by itself) until the returned handle is closed. */
    AutoCloseable subscribe(KeptStream.Listener<WallboardStats> listener);

    CompletableFuture<CallReportResponse> callReport(CallReportRequest request);

    CompletableFuture<WorkOrderSummaryResponse> workOrderSummary(WorkOrderSummaryRequest request);
}
