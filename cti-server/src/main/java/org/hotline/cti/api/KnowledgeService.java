package org.hotline.cti.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.ArticleResponse;
import org.hotline.api.v1.DeleteArticleRequest;
import org.hotline.api.v1.DeleteArticleResponse;
import org.hotline.api.v1.GetArticleRequest;
import org.hotline.api.v1.KnowledgeGrpc;
import org.hotline.api.v1.ListBulletinsRequest;
import org.hotline.api.v1.ListBulletinsResponse;
import org.hotline.api.v1.PublishBulletinRequest;
import org.hotline.api.v1.PublishBulletinResponse;
import org.hotline.api.v1.SaveArticleRequest;
import org.hotline.api.v1.SearchArticlesRequest;
import org.hotline.api.v1.SearchArticlesResponse;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.knowledge.Bulletin;
import org.hotline.cti.knowledge.BulletinBoard;
import org.hotline.cti.knowledge.KnowledgeBase;
import org.hotline.cti.knowledge.SearchQuery;
import org.hotline.cti.knowledge.SearchResult;
import org.hotline.cti.admin.AdminAudit;
import org.hotline.cti.admin.Editor;
import org.hotline.cti.security.Session;

/**
 * The knowledge base and bulletins. Agents (and leads, admins) search and read; team leads and
 * administrators edit articles and publish bulletins. Runs on the gRPC executor (database and
 * index work), never on the event loop.
 */
final class KnowledgeService extends KnowledgeGrpc.KnowledgeImplBase {
    private static final int DEFAULT_LIMIT = 20;

    private final KnowledgeBase knowledge;
    private final BulletinBoard bulletins;
    private final CallCenter center;
    private final RequestIds requestIds;
    private final AdminAudit audit;

    KnowledgeService(KnowledgeBase knowledge, BulletinBoard bulletins, CallCenter center, RequestIds requestIds,
                     AdminAudit audit) {
        this.knowledge = knowledge;
        this.bulletins = bulletins;
        this.center = center;
        this.requestIds = requestIds;
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
    }

    private static Session reader() {
        Session s = AuthInterceptor.session();
        if (!s.role().canWorkCalls()) {
            throw Errors.permission("role " + s.role() + " may not read the knowledge base (expected: agent, team lead or admin)");
        }
        return s;
    }

    private static Session editor(String what) {
        Session s = AuthInterceptor.session();
        if (!s.role().canSupervise()) {
            throw Errors.permission("role " + s.role() + " may not " + what + " (expected: team lead or admin)");
        }
        return s;
    }

    @Override
    public void search(SearchArticlesRequest req, StreamObserver<SearchArticlesResponse> out) {
        unary(out, () -> {
            reader();
            SearchResult r = knowledge.search(new SearchQuery(req.getText(), req.getCategory(), req.getTagsList(),
                    req.getLimit() == 0 ? DEFAULT_LIMIT : req.getLimit()));
            SearchArticlesResponse.Builder b = SearchArticlesResponse.newBuilder().setTotalHits(r.totalHits());
            r.hits().forEach(h -> b.addHits(KnowledgeMapper.hit(h)));
            return b.build();
        });
    }

    @Override
    public void getArticle(GetArticleRequest req, StreamObserver<ArticleResponse> out) {
        unary(out, () -> {
            reader();
            return ArticleResponse.newBuilder().setArticle(KnowledgeMapper.article(knowledge.article(req.getId()))).build();
        });
    }

    @Override
    public void saveArticle(SaveArticleRequest req, StreamObserver<ArticleResponse> out) {
        command(req.getRequestId(), out, "edit knowledge articles",
                s -> String.valueOf(knowledge.save(KnowledgeMapper.article(req.getArticle()), s.agentId()).id()),
                id -> ArticleResponse.newBuilder()
                        .setArticle(KnowledgeMapper.article(knowledge.article(Long.parseLong(id)))).build());
    }

    @Override
    public void deleteArticle(DeleteArticleRequest req, StreamObserver<DeleteArticleResponse> out) {
        command(req.getRequestId(), out, "delete knowledge articles", s -> {
            knowledge.delete(req.getId(), s.agentId());
            return "";
        }, id -> DeleteArticleResponse.newBuilder().setRequestId(req.getRequestId()).build());
    }

    @Override
    public void publishBulletin(PublishBulletinRequest req, StreamObserver<PublishBulletinResponse> out) {
        command(req.getRequestId(), out, "publish bulletins", s -> {
            Bulletin draft = KnowledgeMapper.bulletin(req.getBulletin(), java.time.Instant.now());
            Bulletin published = bulletins.publish(draft, s.agentId());
            audit.changed(new Editor(s.agentId(), s.role()), "bulletin.publish", "bulletin:" + published.id(),
                    AdminAudit.NONE, "title=" + published.title() + ", audience=" + published.audience()
                            + (published.teamId() == null || published.teamId().isEmpty() ? "" : " " + published.teamId())
                            + ", valid " + published.validFrom() + " to " + published.validUntil());
            return String.valueOf(published.id());
        }, id -> {
            PublishBulletinResponse.Builder b = PublishBulletinResponse.newBuilder().setRequestId(req.getRequestId());
            bulletins.notExpired().stream().filter(x -> x.id() == Long.parseLong(id)).findFirst()
                    .ifPresent(x -> b.setBulletin(KnowledgeMapper.bulletin(x)));
            return b.build();
        });
    }

    @Override
    public void listBulletins(ListBulletinsRequest req, StreamObserver<ListBulletinsResponse> out) {
        Session s = AuthInterceptor.session();
        CompletionStage<List<Bulletin>> list;
        try {
            if (s.role().canSupervise()) {
                list = CompletableFuture.completedFuture(bulletins.notExpired());
            } else if (s.role().canWorkCalls()) {
                list = center.read(r -> r.agent(s.agentId()).profile().team()).thenApply(bulletins::forDesk);
            } else {
                list = CompletableFuture.completedFuture(bulletins.forWallboard());
            }
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        list.whenComplete((l, e) -> {
            if (e != null) {
                out.onError(Errors.toStatus(e));
                return;
            }
            ListBulletinsResponse.Builder b = ListBulletinsResponse.newBuilder();
            l.forEach(x -> b.addBulletins(KnowledgeMapper.bulletin(x)));
            out.onNext(b.build());
            out.onCompleted();
        });
    }

    /** An editing command: role check, then once per request id, then the answer built from its result. */
    private <R> void command(String requestId, StreamObserver<R> out, String what, Function<Session, String> action,
                             Function<String, R> answer) {
        try {
            Session s = editor(what);
            requestIds.once(s.agentId(), requestId, () -> {
                try {
                    return CompletableFuture.completedFuture(action.apply(s));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }).whenComplete((id, e) -> {
                if (e != null) {
                    out.onError(Errors.toStatus(e));
                    return;
                }
                try {
                    out.onNext(answer.apply(id));
                    out.onCompleted();
                } catch (RuntimeException x) {
                    out.onError(Errors.toStatus(x));
                }
            });
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    private static <R> void unary(StreamObserver<R> out, Supplier<R> body) {
        R r;
        try {
            r = body.get();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        out.onNext(r);
        out.onCompleted();
    }
}
