package org.hotline.agent.connection;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.history.HistoryGateway;
import org.hotline.api.v1.GetMyDayRequest;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;

/** My day and my call history over the AgentDesk service. */
public final class GrpcHistory implements HistoryGateway {
    private final DeskSession session;

    public GrpcHistory(DeskSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<GetMyDayResponse> myDay() {
        return session.rpc().call(() -> session.desk().getMyDay(GetMyDayRequest.getDefaultInstance()));
    }

    @Override
    public CompletableFuture<ListMyCallsResponse> myCalls(ListMyCallsRequest request) {
        return session.rpc().call(() -> session.desk().listMyCalls(request));
    }
}
