package org.hotline.supervisor.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.AgentStateReportResponse;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.hotline.api.v1.WorkOrderReportResponse;

/** A Reports service answering with what the test set (or failing with it); remembers the requests. */
final class FakeReports implements ReportGateway {
    final List<Object> requests = new ArrayList<>();
    CompletableFuture<CallReportResponse> calls = CompletableFuture.completedFuture(CallReportResponse.getDefaultInstance());
    CompletableFuture<AgentStateReportResponse> states =
            CompletableFuture.completedFuture(AgentStateReportResponse.getDefaultInstance());
    CompletableFuture<WorkOrderReportResponse> workOrders =
            CompletableFuture.completedFuture(WorkOrderReportResponse.getDefaultInstance());
    CompletableFuture<IvrReportResponse> ivr = CompletableFuture.completedFuture(IvrReportResponse.getDefaultInstance());

    @Override
    public CompletableFuture<CallReportResponse> calls(CallReportRequest request) {
        requests.add(request);
        return calls;
    }

    @Override
    public CompletableFuture<AgentStateReportResponse> agentStates(AgentStateReportRequest request) {
        requests.add(request);
        return states;
    }

    @Override
    public CompletableFuture<WorkOrderReportResponse> workOrders(WorkOrderReportRequest request) {
        requests.add(request);
        return workOrders;
    }

    @Override
    public CompletableFuture<IvrReportResponse> ivr(IvrReportRequest request) {
        requests.add(request);
        return ivr;
    }

    /** {@code hours} hourly rows for two queues, one named in Chinese, from 2027-03-01 08:00 Shanghai. */
    static CallReportResponse callRows(int hours) {
        CallReportResponse.Builder b = CallReportResponse.newBuilder().setTimeZone("Asia/Shanghai");
        long start = java.time.Instant.parse("2027-03-01T00:00:00Z").getEpochSecond();
        for (int h = 0; h < hours; h++) {
            for (String queue : List.of("general", "燃氣搶修")) {
                int offered = 40 + h * 3 + queue.length();
                b.addRows(CallReportRow.newBuilder().setBucketStart(Timestamp.newBuilder().setSeconds(start + h * 3600L))
                        .setKey(queue).setOffered(offered).setAnswered(offered - 5).setAbandoned(5).setShortAbandoned(2)
                        .setAnsweredInServiceLevel(offered - 9).setServiceLevelPercent(100.0 * (offered - 9) / (offered - 2))
                        .setAbandonPercent(500.0 / offered).setAverageSpeedOfAnswerSeconds(11.25 + h)
                        .setAverageHandleSeconds(187.5 + h).setAverageTalkSeconds(150.25).setAverageHoldSeconds(12.75)
                        .setAverageAfterCallWorkSeconds(24.5));
            }
        }
        return b.build();
    }
}
