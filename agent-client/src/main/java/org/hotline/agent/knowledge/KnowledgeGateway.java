package org.hotline.agent.knowledge;

import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.Article;
import org.hotline.api.v1.SearchArticlesResponse;

/**
 * The knowledge base as the server's Knowledge service offers it to an agent. Futures complete
 * on the FX thread; a failure is a gRPC status with the server's reason.
 */
public interface KnowledgeGateway {
    /** Full-text search (Chinese or English), best hits first, at most {@code limit}. */
    CompletableFuture<SearchArticlesResponse> search(String text, int limit);

    CompletableFuture<Article> article(long id);
}
