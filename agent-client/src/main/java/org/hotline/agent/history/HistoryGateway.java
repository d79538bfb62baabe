package org.hotline.agent.history;

import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;

/**
 * The agent's own figures and calls, as the AgentDesk service offers them. Futures complete on
 * the FX thread; a failure is a gRPC status with the server's reason.
 */
public interface HistoryGateway {
    CompletableFuture<GetMyDayResponse> myDay();

    CompletableFuture<ListMyCallsResponse> myCalls(ListMyCallsRequest request);
}
