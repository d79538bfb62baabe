package org.hotline.agent.connection;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.knowledge.KnowledgeGateway;
import org.hotline.api.v1.Article;
import org.hotline.api.v1.ArticleResponse;
import org.hotline.api.v1.GetArticleRequest;
import org.hotline.api.v1.SearchArticlesRequest;
import org.hotline.api.v1.SearchArticlesResponse;

/** The knowledge panel over the Knowledge service. */
public final class GrpcKnowledge implements KnowledgeGateway {
    private final DeskSession session;

    public GrpcKnowledge(DeskSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<SearchArticlesResponse> search(String text, int limit) {
        SearchArticlesRequest r = SearchArticlesRequest.newBuilder().setText(text).setLimit(limit).build();
        return session.rpc().call(() -> session.knowledge().search(r));
    }

    @Override
    public CompletableFuture<Article> article(long id) {
        GetArticleRequest r = GetArticleRequest.newBuilder().setId(id).build();
        return session.rpc().call(() -> session.knowledge().getArticle(r)).thenApply(ArticleResponse::getArticle);
    }
}
