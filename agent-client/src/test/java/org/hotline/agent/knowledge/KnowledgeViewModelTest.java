package org.hotline.agent.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.knowledge.Highlights.Segment;
import org.hotline.api.v1.Article;
import org.hotline.api.v1.ArticleHit;
import org.hotline.api.v1.SearchArticlesResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeViewModelTest {
    private final Messages en = Messages.forLocale(Locale.ENGLISH);
    private final FakeKnowledge server = new FakeKnowledge();
    private final ManualDebouncer debouncer = new ManualDebouncer();
    private final List<String> clipboard = new ArrayList<>();
    private final KnowledgeViewModel vm = new KnowledgeViewModel(server, en, debouncer, clipboard::add);

    static final Article LEAK = Article.newBuilder().setId(7).setTitle("燃氣漏氣的緊急處理").setCategory("燃氣安全")
            .addTags("燃氣").addTags("漏氣").setBody("請客戶立即關閉燃氣表前總閥。").setStandardAnswer("請您先關閉燃氣總閥。").build();

    @Test
    void typingSearchesOnceWhenTheAgentPauses() {
        vm.queryProperty().set("漏");
        vm.queryProperty().set("漏氣");
        assertThat(server.searches).isEmpty();

        debouncer.fire();

        assertThat(server.searches).containsExactly("漏氣");
    }

    @Test
    void hitsCarryTheirMatchesAsSegmentsNotAsMarkup() {
        server.answer("gas leak", SearchArticlesResponse.newBuilder().setTotalHits(1).addHits(ArticleHit.newBuilder()
                .setId(7).setTitle("燃氣漏氣的緊急處理").setTitleHighlight("燃氣<em>漏氣</em>的緊急處理").setCategory("燃氣安全")
                .addFragments("聞到燃氣味 &lt;b&gt; 可能是燃氣<em>漏氣</em>。")).build());

        vm.queryProperty().set("gas leak");
        debouncer.fire();

        assertThat(vm.hits()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(7);
            assertThat(h.title()).containsExactly(new Segment("燃氣", false), new Segment("漏氣", true),
                    new Segment("的緊急處理", false));
            assertThat(h.fragments()).containsExactly(List.of(new Segment("聞到燃氣味 <b> 可能是燃氣", false),
                    new Segment("漏氣", true), new Segment("。", false)));
        });
        assertThat(vm.statusProperty().get()).isEqualTo("1 found");
    }

    @Test
    void aHitWithoutHighlightShowsItsPlainTitle() {
        server.answer("leak", SearchArticlesResponse.newBuilder().addHits(ArticleHit.newBuilder().setId(3)
                .setTitle("Gas <leak>")).build());
        vm.queryProperty().set("leak");
        vm.search();
        assertThat(vm.hits().get(0).title()).containsExactly(new Segment("Gas <leak>", false));
    }

    @Test
    void anAnswerToAnOlderQueryArrivingLateIsIgnored() {
        CompletableFuture<SearchArticlesResponse> slow = new CompletableFuture<>();
        server.pending.put("gas", slow);
        server.answer("gas leak", response(1, "Gas leak: what to tell the caller"));
        vm.queryProperty().set("gas");
        vm.search();
        vm.queryProperty().set("gas leak");
        vm.search();

        slow.complete(response(2, "Paying your bill"));

        assertThat(vm.hits()).extracting(KnowledgeViewModel.Hit::id).containsExactly(1L);
    }

    @Test
    void clearingTheBoxClearsTheHitsWithoutAskingTheServer() {
        server.answer("gas", response(1, "Gas leak"));
        vm.queryProperty().set("gas");
        debouncer.fire();
        vm.queryProperty().set("  ");
        debouncer.fire();
        assertThat(vm.hits()).isEmpty();
        assertThat(server.searches).containsExactly("gas");
    }

    @Test
    void nothingFoundSaysSo() {
        server.answer("xyz", SearchArticlesResponse.getDefaultInstance());
        vm.queryProperty().set("xyz");
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo("Nothing found for \"xyz\"");
    }

    @Test
    void aFailedSearchSaysWhy() {
        server.fail = Status.UNAVAILABLE.withDescription("connection refused");
        vm.queryProperty().set("gas");
        vm.search();
        assertThat(vm.errorProperty().get()).isEqualTo("The server cannot be reached right now. (connection refused)");
        assertThat(vm.hits()).isEmpty();
    }

    @Test
    void openingAHitShowsTheArticleAndCopyPutsItsStandardAnswerOnTheClipboard() {
        server.articles.put(7L, LEAK);
        assertThat(vm.canCopyProperty().get()).isFalse();

        vm.open(new KnowledgeViewModel.Hit(7, List.of(), "燃氣安全", List.of(), List.of()));
        vm.copyAnswer();

        assertThat(vm.articleProperty().get()).isEqualTo(LEAK);
        assertThat(vm.articleMetaProperty().get()).isEqualTo("燃氣安全 · 燃氣, 漏氣");
        assertThat(vm.canCopyProperty().get()).isTrue();
        assertThat(clipboard).containsExactly("請您先關閉燃氣總閥。");
        assertThat(vm.statusProperty().get()).isEqualTo("Standard answer copied");
    }

    @Test
    void anArticleWithoutStandardAnswerHasNothingToCopy() {
        server.articles.put(8L, LEAK.toBuilder().setId(8).setStandardAnswer("").build());
        vm.open(new KnowledgeViewModel.Hit(8, List.of(), "", List.of(), List.of()));
        vm.copyAnswer();
        assertThat(vm.canCopyProperty().get()).isFalse();
        assertThat(clipboard).isEmpty();
    }

    @Test
    void aDeletedArticleSaysItIsGone() {
        vm.open(new KnowledgeViewModel.Hit(99, List.of(), "", List.of(), List.of()));
        assertThat(vm.errorProperty().get()).startsWith("Not found.");
        assertThat(vm.articleProperty().get()).isNull();
    }

    private static SearchArticlesResponse response(long id, String title) {
        return SearchArticlesResponse.newBuilder().setTotalHits(1)
                .addHits(ArticleHit.newBuilder().setId(id).setTitle(title).setTitleHighlight(title)).build();
    }

    /** Runs the pending search only when the test says the agent paused. */
    static final class ManualDebouncer implements Debouncer {
        private Runnable pending;

        @Override
        public void restart(Runnable action) {
            pending = action;
        }

        void fire() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        }
    }

    static final class FakeKnowledge implements KnowledgeGateway {
        final List<String> searches = new ArrayList<>();
        final Map<String, SearchArticlesResponse> answers = new HashMap<>();
        final Map<String, CompletableFuture<SearchArticlesResponse>> pending = new HashMap<>();
        final Map<Long, Article> articles = new HashMap<>();
        Status fail;

        void answer(String text, SearchArticlesResponse r) {
            answers.put(text, r);
        }

        @Override
        public CompletableFuture<SearchArticlesResponse> search(String text, int limit) {
            searches.add(text);
            if (fail != null) {
                return CompletableFuture.failedFuture(fail.asRuntimeException());
            }
            if (pending.containsKey(text)) {
                return pending.get(text);
            }
            return CompletableFuture.completedFuture(answers.getOrDefault(text, SearchArticlesResponse.getDefaultInstance()));
        }

        @Override
        public CompletableFuture<Article> article(long id) {
            Article a = articles.get(id);
            return a == null ? CompletableFuture.failedFuture(Status.NOT_FOUND.withDescription("article " + id).asRuntimeException())
                    : CompletableFuture.completedFuture(a);
        }
    }
}
