package org.hotline.cti.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.Article;
import org.hotline.api.v1.ArticleHit;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BulletinAudience;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.KnowledgeGrpc;
import org.hotline.api.v1.ListBulletinsRequest;
import org.hotline.api.v1.PublishBulletinRequest;
import org.hotline.api.v1.SaveArticleRequest;
import org.hotline.api.v1.SearchArticlesRequest;
import org.hotline.api.v1.SearchArticlesResponse;
import org.hotline.api.v1.SubscribeWallboardRequest;
import org.hotline.api.v1.WallboardGrpc;
import org.hotline.api.v1.WallboardStats;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over real gRPC with TLS, on H2 and MariaDB: articles edited by a team lead and found by an
 * agent, role checks, and bulletins reaching exactly the desks and wallboards of their audience,
 * at publish time and in the snapshot of a desk that connects later.
 */
class KnowledgeEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void articlesAndBulletinsOverTheApi(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            TestServers.seed(db.config());
            seedSecondTeamAndWallboard(db.config());
            try (HotlineServer server = HotlineServer.start(TestServers.options(dir, db.config(), 0))) {
                ManagedChannel ch = TestServers.channel(server);
                try {
                    DeskClient lead = DeskClient.login(ch, "2099", TestServers.PASSWORD);
                    DeskClient anna = DeskClient.login(ch, "2001", TestServers.PASSWORD);
                    DeskClient carl = DeskClient.login(ch, "2003", TestServers.PASSWORD);
                    DeskClient wall = DeskClient.login(ch, "wb", TestServers.PASSWORD);
                    KnowledgeGrpc.KnowledgeBlockingStub asLead = knowledge(ch, lead);
                    KnowledgeGrpc.KnowledgeBlockingStub asAgent = knowledge(ch, anna);

                    articlesAreEditedByLeadsAndSearchedByAgents(asLead, asAgent, knowledge(ch, wall));
                    bulletinsReachTheirAudience(ch, asLead, asAgent, anna, carl, wall);
                } finally {
                    ch.shutdownNow();
                }
            }
        }
    }

    private static void articlesAreEditedByLeadsAndSearchedByAgents(KnowledgeGrpc.KnowledgeBlockingStub lead,
            KnowledgeGrpc.KnowledgeBlockingStub agent, KnowledgeGrpc.KnowledgeBlockingStub wallboard) {
        Article saved = lead.saveArticle(SaveArticleRequest.newBuilder().setRequestId("a1").setArticle(
                Article.newBuilder().setTitle("燃氣漏氣：錶後閥門檢查").setCategory("燃氣安全").addTags("漏氣測試")
                        .setBody("請客戶檢查錶後閥門。").setStandardAnswer("請先關閉總閥。")).build()).getArticle();
        assertThat(saved.getId()).isPositive();
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(saved.getUpdatedBy()).isEqualTo("2099");

        SearchArticlesResponse found = agent.search(SearchArticlesRequest.newBuilder().setText("漏气")
                .addTags("漏氣測試").build());
        assertThat(found.getHitsList()).extracting(ArticleHit::getId).containsExactly(saved.getId());
        assertThat(found.getHits(0).getTitleHighlight()).isEqualTo("燃氣<em>漏氣</em>：錶後閥門檢查");

        assertThatThrownBy(() -> agent.saveArticle(SaveArticleRequest.newBuilder().setRequestId("a2")
                .setArticle(saved.toBuilder().setTitle("改")).build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED))
                .hasMessageContaining("role AGENT may not edit knowledge articles (expected: team lead or admin)");
        assertThatThrownBy(() -> wallboard.search(SearchArticlesRequest.newBuilder().setText("漏氣").build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

        lead.saveArticle(SaveArticleRequest.newBuilder().setRequestId("a3")
                .setArticle(saved.toBuilder().setBody("新內容")).build());
        assertThatThrownBy(() -> lead.saveArticle(SaveArticleRequest.newBuilder().setRequestId("a4")
                .setArticle(saved.toBuilder().setBody("舊版本上的修改")).build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION))
                .hasMessageContaining("version 1 (expected: 2");
        assertThatThrownBy(() -> agent.search(SearchArticlesRequest.newBuilder().setText("x").setLimit(500).build()))
                .hasMessageContaining("INVALID_ARGUMENT: limit: 500 (expected: 1-100)");
    }

    private static void bulletinsReachTheirAudience(ManagedChannel ch, KnowledgeGrpc.KnowledgeBlockingStub lead,
            KnowledgeGrpc.KnowledgeBlockingStub agent, DeskClient anna, DeskClient carl, DeskClient wall) {
        Bulletin beforeConnect = publish(lead, "b1", "全體：系統升級", BulletinAudience.BULLETIN_AUDIENCE_ALL, "");
        LinkedBlockingQueue<WallboardStats> wallboard = new LinkedBlockingQueue<>();
        WallboardGrpc.newStub(ch).withCallCredentials(new BearerToken(wall.token))
                .subscribe(SubscribeWallboardRequest.getDefaultInstance(), collect(wallboard));

        DeskEvent snapshot = anna.subscribe().await(DeskEvent::hasSnapshot, WAIT);
        carl.subscribe().await(DeskEvent::hasSnapshot, WAIT);
        assertThat(snapshot.getSnapshot().getBulletinsList()).extracting(Bulletin::getId)
                .containsExactly(beforeConnect.getId());

        Bulletin teamOne = publish(lead, "b2", "一組：培訓通知", BulletinAudience.BULLETIN_AUDIENCE_TEAM, "t1");
        Bulletin wallOnly = publish(lead, "b3", "大屏：今日接通率", BulletinAudience.BULLETIN_AUDIENCE_WALLBOARD, "");
        Bulletin all = publish(lead, "b4", "全體：明日停氣預告", BulletinAudience.BULLETIN_AUDIENCE_ALL, "");

        assertThat(anna.await(DeskEvent::hasBulletin, WAIT).getBulletin()).isEqualTo(teamOne);
        assertThat(anna.await(DeskEvent::hasBulletin, WAIT).getBulletin()).isEqualTo(all);
        // Events reach a desk in publish order: carl's first bulletin being the last one shows the
        // team and wallboard bulletins never came to his desk.
        assertThat(carl.await(DeskEvent::hasBulletin, WAIT).getBulletin()).isEqualTo(all);

        WallboardStats stats = awaitStats(wallboard, s -> s.getBulletinsCount() == 3);
        assertThat(stats.getBulletinsList()).extracting(Bulletin::getId)
                .containsExactly(beforeConnect.getId(), wallOnly.getId(), all.getId());

        assertThat(agent.listBulletins(ListBulletinsRequest.getDefaultInstance()).getBulletinsList())
                .extracting(Bulletin::getId).containsExactly(beforeConnect.getId(), teamOne.getId(), all.getId());
        assertThatThrownBy(() -> publish(agent, "b5", "我也想發", BulletinAudience.BULLETIN_AUDIENCE_ALL, ""))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED))
                .hasMessageContaining("role AGENT may not publish bulletins");
        assertThatThrownBy(() -> publish(lead, "b6", "沒有組", BulletinAudience.BULLETIN_AUDIENCE_TEAM, ""))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("INVALID_ARGUMENT: team: empty (expected: the team id for audience TEAM)");
    }

    private static Bulletin publish(KnowledgeGrpc.KnowledgeBlockingStub stub, String requestId, String title,
                                    BulletinAudience audience, String team) {
        Instant until = Instant.now().plus(Duration.ofHours(1));
        return stub.publishBulletin(PublishBulletinRequest.newBuilder().setRequestId(requestId)
                .setBulletin(Bulletin.newBuilder().setTitle(title).setBody("詳情請看內聯網。").setAudience(audience)
                        .setTeamId(team).setValidUntil(Timestamp.newBuilder().setSeconds(until.getEpochSecond())))
                .build()).getBulletin();
    }

    private static KnowledgeGrpc.KnowledgeBlockingStub knowledge(ManagedChannel ch, DeskClient who) {
        return KnowledgeGrpc.newBlockingStub(ch).withCallCredentials(new BearerToken(who.token));
    }

    private static void seedSecondTeamAndWallboard(DatabaseConfig config) {
        try (Database d = Database.open(config)) {
            DirectoryAdmin admin = new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC());
            admin.saveTeam("t2", "Team 2");
            admin.saveAgents(List.of(
                    new DirectoryAdmin.Account(new AgentProfile("2003", "Carl", Role.AGENT, "2003", "t2",
                            Map.of("general", 5), "main"), TestServers.PASSWORD),
                    new DirectoryAdmin.Account(new AgentProfile("wb", "Wallboard", Role.WALLBOARD, "", "",
                            Map.of(), "main"), TestServers.PASSWORD)));
        }
    }

    private static <T> StreamObserver<T> collect(LinkedBlockingQueue<T> into) {
        return new StreamObserver<>() {
            @Override public void onNext(T value) { into.add(value); }
            @Override public void onError(Throwable t) { }
            @Override public void onCompleted() { }
        };
    }

    private static WallboardStats awaitStats(LinkedBlockingQueue<WallboardStats> q,
                                             java.util.function.Predicate<WallboardStats> p) {
        long end = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < end) {
                WallboardStats s = q.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (s != null && p.test(s)) {
                    return s;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching wallboard statistics within " + WAIT);
    }
}
