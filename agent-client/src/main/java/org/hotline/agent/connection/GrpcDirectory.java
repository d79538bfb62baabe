package org.hotline.agent.connection;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.transfer.DirectoryGateway;
import org.hotline.api.v1.ListDirectoryRequest;
import org.hotline.api.v1.ListDirectoryResponse;

/** The transfer directory over the AgentDesk service. */
public final class GrpcDirectory implements DirectoryGateway {
    private final DeskSession session;

    public GrpcDirectory(DeskSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<ListDirectoryResponse> directory() {
        return session.rpc().call(() -> session.desk().listDirectory(ListDirectoryRequest.getDefaultInstance()));
    }
}
