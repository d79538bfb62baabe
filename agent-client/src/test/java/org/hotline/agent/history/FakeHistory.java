package org.hotline.agent.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;

/** Answers at once with what the test set, and remembers what was asked. */
final class FakeHistory implements HistoryGateway {
    GetMyDayResponse day = GetMyDayResponse.getDefaultInstance();
    ListMyCallsResponse calls = ListMyCallsResponse.getDefaultInstance();
    Status fail;
    int dayAsked;
    final List<ListMyCallsRequest> callRequests = new ArrayList<>();

    @Override
    public CompletableFuture<GetMyDayResponse> myDay() {
        dayAsked++;
        return fail == null ? CompletableFuture.completedFuture(day) : CompletableFuture.failedFuture(fail.asRuntimeException());
    }

    @Override
    public CompletableFuture<ListMyCallsResponse> myCalls(ListMyCallsRequest request) {
        callRequests.add(request);
        return fail == null ? CompletableFuture.completedFuture(calls) : CompletableFuture.failedFuture(fail.asRuntimeException());
    }
}
