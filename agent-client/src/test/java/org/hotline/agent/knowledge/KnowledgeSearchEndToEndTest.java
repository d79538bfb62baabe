package org.hotline.agent.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.GrpcDirectory;
import org.hotline.agent.connection.GrpcHistory;
import org.hotline.agent.connection.GrpcKnowledge;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.agent.connection.ServerConnection;
import org.hotline.agent.history.CallHistoryViewModel;
import org.hotline.agent.history.MyDayViewModel;
import org.hotline.agent.knowledge.Highlights.Segment;
import org.hotline.agent.transfer.DirectoryViewModel;
import org.hotline.api.v1.LoginRequest;
import org.hotline.cti.knowledge.JdbcKnowledgeStore;
import org.hotline.cti.knowledge.KnowledgeDemoData;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's real connection classes against an in-process server with the demo knowledge base:
 * an agent types 漏氣 (and 漏气, and "gas leak") and finds the gas-leak article with the match
 * highlighted, opens it and copies its standard answer; the transfer directory lists the queues;
 * my day and my call history load without error.
 */
class KnowledgeSearchEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anAgentFindsTheGasLeakArticleAndCopiesItsStandardAnswer(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.h2(dir)) {
            TestServers.seed(db.config());
            try (Database d = Database.open(db.config())) {
                new JdbcKnowledgeStore(d.dataSource(), "main").insertAll(KnowledgeDemoData.articles(), "demo", Instant.now());
            }
            try (HotlineServer server = HotlineServer.start(TestServers.options(dir, db.config(), 0))) {
                DeskSession desk = ServerConnection.open(new ServerAddress("localhost", server.grpcPort()),
                                Fingerprint.parse(server.fingerprint()), false)
                        .login(LoginRequest.newBuilder().setAgentId("2001").setPassword(TestServers.PASSWORD)
                                .setClientName("knowledge e2e").build(), Runnable::run)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                try {
                    Messages zh = Messages.forLocale(Locale.TRADITIONAL_CHINESE);
                    List<String> clipboard = new ArrayList<>();
                    KnowledgeViewModel vm = new KnowledgeViewModel(new GrpcKnowledge(desk), zh, Runnable::run, clipboard::add);

                    vm.queryProperty().set("漏氣");
                    await(() -> !vm.hits().isEmpty());

                    KnowledgeViewModel.Hit first = vm.hits().get(0);
                    assertThat(first.plainTitle()).isEqualTo("燃氣漏氣的緊急處理");
                    assertThat(first.title()).contains(new Segment("漏氣", true));
                    assertThat(first.fragments()).isNotEmpty()
                            .allSatisfy(f -> assertThat(f).extracting(Segment::text).noneMatch(t -> t.contains("<em>")));

                    vm.open(first);
                    await(() -> vm.articleProperty().get() != null);
                    assertThat(vm.articleProperty().get().getCategory()).isEqualTo("燃氣安全");
                    vm.copyAnswer();
                    assertThat(clipboard).singleElement().asString().startsWith("您好，請您先關閉燃氣總閥");

                    vm.queryProperty().set("漏气");
                    await(() -> !vm.hits().isEmpty() && vm.hits().get(0).plainTitle().equals("燃氣漏氣的緊急處理"));
                    vm.queryProperty().set("gas leak");
                    await(() -> !vm.hits().isEmpty() && vm.hits().get(0).plainTitle().startsWith("Gas leak"));

                    DirectoryViewModel directory = new DirectoryViewModel(new GrpcDirectory(desk), zh, "2001");
                    directory.load();
                    await(() -> !directory.entries().isEmpty());
                    assertThat(directory.entries()).extracting(DirectoryViewModel.Entry::destination)
                            .contains("queue:general", "queue:repair").doesNotContain("2001");

                    // My day and my history go through the same session to the server's own figures.
                    java.time.Clock wall = java.time.Clock.systemDefaultZone();
                    MyDayViewModel day = new MyDayViewModel(new GrpcHistory(desk), zh, wall);
                    day.refresh();
                    await(() -> !day.callsHandledProperty().get().equals("–") || !day.errorProperty().get().isEmpty());
                    assertThat(day.errorProperty().get()).isEmpty();
                    assertThat(day.callsHandledProperty().get()).isEqualTo("0");
                    CallHistoryViewModel history = new CallHistoryViewModel(new GrpcHistory(desk), zh, wall, n -> { });
                    history.search();
                    await(() -> history.statusProperty().get().equals(zh.get("history.none")) || !history.errorProperty().get().isEmpty());
                    assertThat(history.errorProperty().get()).isEmpty();
                } finally {
                    desk.logout(Duration.ofSeconds(3));
                }
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
