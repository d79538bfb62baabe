package org.hotline.supervisor.reports;

import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.AgentStateReportResponse;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.hotline.api.v1.WorkOrderReportResponse;

/** The Reports service as the view model sees it: futures complete on the FX thread; failures are gRPC statuses. */
public interface ReportGateway {
    CompletableFuture<CallReportResponse> calls(CallReportRequest request);

    CompletableFuture<AgentStateReportResponse> agentStates(AgentStateReportRequest request);

    CompletableFuture<WorkOrderReportResponse> workOrders(WorkOrderReportRequest request);

    CompletableFuture<IvrReportResponse> ivr(IvrReportRequest request);
}
