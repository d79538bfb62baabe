package org.hotline.agent.transfer;

import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.ListDirectoryResponse;

/** Who can take a transfer: the AgentDesk directory. The future completes on the FX thread. */
public interface DirectoryGateway {
    CompletableFuture<ListDirectoryResponse> directory();
}
