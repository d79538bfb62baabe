package org.hotline.cti.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.hotline.cti.core.CommandException;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Articles in the database and their full-text search, on H2 and on MariaDB. */
class KnowledgeBaseTest {

    abstract static class Contract extends KnowledgeDatabaseFixture {
        private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
        private Path indexDir;
        private KnowledgeIndex index;
        private KnowledgeBase kb;

        @BeforeEach
        void openIndex() throws Exception {
            indexDir = Files.createTempDirectory(dataDir, "index");
            index = KnowledgeIndex.open(indexDir);
            kb = KnowledgeBase.open(store, index, clock);
        }

        @AfterEach
        void closeIndex() {
            index.close();
        }

        private Article save(String title, String category, String body, String... tags) {
            return kb.save(Article.draft(title, category, List.of(tags), body, ""), "admin");
        }

        @Test
        void searchingLeakInTraditionalFindsTheArticleAboutGasLeaksInsideTheLongerWord() {
            Article gas = save("燃氣漏氣的緊急處理", "燃氣安全", "客戶聞到燃氣味時，請立即關閉總閥，打開門窗，切勿開關電器。");
            save("水錶讀數異常", "抄表", "水錶走得太快，可能是內部漏水，請安排上門檢查。");

            SearchResult r = kb.search(SearchQuery.text("漏氣"));

            assertThat(r.hits()).extracting(SearchHit::articleId).containsExactly(gas.id());
            assertThat(r.totalHits()).isEqualTo(1);
        }

        @Test
        void simplifiedAndTraditionalFindEachOther() {
            Article traditional = save("燃氣漏氣的緊急處理", "燃氣安全", "關閉總閥，打開門窗。");
            Article simplified = save("水表更换流程", "抄表", "旧水表到期需要更换，请预约时间。");

            assertThat(kb.search(SearchQuery.text("漏气")).hits()).extracting(SearchHit::articleId)
                    .containsExactly(traditional.id());
            assertThat(kb.search(SearchQuery.text("水錶更換")).hits()).extracting(SearchHit::articleId)
                    .containsExactly(simplified.id());
        }

        @Test
        void englishSearchIgnoresCaseAndWordEndings() {
            Article leak = save("Gas leak: what to tell the caller", "safety",
                    "Ask the caller to leave the building and not to switch lights on or off.");
            save("Paying a water bill online", "billing", "Bills can be paid by bank transfer or at the counter.");

            assertThat(kb.search(SearchQuery.text("LEAKS")).hits()).extracting(SearchHit::articleId)
                    .containsExactly(leak.id());
            assertThat(kb.search(SearchQuery.text("switching lights")).hits()).extracting(SearchHit::articleId)
                    .containsExactly(leak.id());
        }

        @Test
        void aMatchInTheTitleRanksAboveAMatchInTheBody() {
            Article inBody = save("燃氣安全常識", "燃氣安全", "平時要注意爐具，如發現漏氣請致電熱線。");
            Article inTitle = save("漏氣報修", "報修", "登記地址與聯絡電話，派單給搶修隊。");
            Article nowhere = save("帳單查詢", "收費", "請提供戶號。");

            SearchResult r = kb.search(SearchQuery.text("漏氣"));

            assertThat(r.hits()).extracting(SearchHit::articleId).containsExactly(inTitle.id(), inBody.id())
                    .doesNotContain(nowhere.id());
            assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
        }

        @Test
        void theWholeTermInOrderRanksAboveItsCharactersScattered() {
            Article scattered = save("停氣通知", "停氣", "因維修停氣，漏水檢查另行安排，燃料費不變。");
            Article whole = save("處理燃氣漏氣", "燃氣安全", "燃氣漏氣時請撤離。");

            assertThat(kb.search(SearchQuery.text("燃氣漏氣")).hits().get(0).articleId()).isEqualTo(whole.id());
            assertThat(scattered.id()).isNotEqualTo(whole.id());
        }

        @Test
        void hitsCarryTheMatchedWordsHighlightedInTitleAndBody() {
            save("燃氣漏氣的緊急處理", "燃氣安全", "客戶報告漏氣時，請提醒關閉總閥，<不要>點火。");

            SearchHit hit = kb.search(SearchQuery.text("漏气")).hits().get(0);

            assertThat(hit.titleHighlight()).isEqualTo("燃氣<em>漏氣</em>的緊急處理");
            assertThat(hit.fragments()).hasSize(1);
            assertThat(hit.fragments().get(0)).contains("報告<em>漏氣</em>時").contains("&lt;不要&gt;");
        }

        @Test
        void categoryAndTagFiltersNarrowTheHits() {
            Article gasRepair = save("燃氣漏氣搶修", "報修", "派搶修隊。", "燃氣", "緊急");
            Article gasSafety = save("漏氣安全提示", "燃氣安全", "打開門窗。", "燃氣");
            Article water = save("水管漏氣？其實是漏水", "報修", "請檢查水管。", "供水");

            assertThat(kb.search(SearchQuery.text("漏氣").inCategory("報修")).hits()).extracting(SearchHit::articleId)
                    .containsExactlyInAnyOrder(gasRepair.id(), water.id());
            assertThat(kb.search(SearchQuery.text("漏氣").withTags("燃氣")).hits()).extracting(SearchHit::articleId)
                    .containsExactlyInAnyOrder(gasRepair.id(), gasSafety.id());
            assertThat(kb.search(SearchQuery.text("").inCategory("報修").withTags("燃氣", "緊急")).hits())
                    .extracting(SearchHit::articleId).containsExactly(gasRepair.id());
        }

        @Test
        void anEditIsFoundByItsNewWordsAtOnceAndNoLongerByTheOld() {
            Article a = save("停水通知", "停水", "明日停水。");

            Article edited = kb.save(new Article(a.id(), "停電通知", "停電", List.of(), "明日停電。", "很抱歉造成不便。",
                    a.version(), null, null), "lead");

            assertThat(edited.version()).isEqualTo(a.version() + 1);
            assertThat(kb.search(SearchQuery.text("停水")).hits()).isEmpty();
            assertThat(kb.search(SearchQuery.text("停電")).hits()).extracting(SearchHit::articleId).containsExactly(a.id());
            assertThat(kb.search(SearchQuery.text("不便")).hits()).as("the standard answer is searched too")
                    .extracting(SearchHit::articleId).containsExactly(a.id());
            assertThat(kb.article(a.id())).isEqualTo(edited);
        }

        @Test
        void aSecondEditFromTheSameVersionIsRejectedNotSilentlyApplied() {
            Article a = save("停水通知", "停水", "明日停水。");
            kb.save(new Article(a.id(), "停水通知（更新）", "停水", List.of(), "後日停水。", "", a.version(), null, null), "lead");

            assertThatThrownBy(() -> kb.save(new Article(a.id(), "停水", "停水", List.of(), "今日停水。", "", a.version(),
                    null, null), "admin"))
                    .isInstanceOf(CommandException.class)
                    .hasMessageContaining("version 1 (expected: 2")
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(CommandException.Code.FAILED_PRECONDITION);
            assertThat(kb.article(a.id()).body()).isEqualTo("後日停水。");
        }

        @Test
        void aDeletedArticleIsNotFoundAnyMore() {
            Article a = save("停水通知", "停水", "明日停水。");

            kb.delete(a.id(), "admin");

            assertThat(kb.search(SearchQuery.text("停水")).hits()).isEmpty();
            assertThatThrownBy(() -> kb.article(a.id())).isInstanceOf(CommandException.class)
                    .hasMessageContaining("article " + a.id() + ": not found");
            assertThatThrownBy(() -> kb.delete(a.id(), "admin")).isInstanceOf(CommandException.class);
        }

        @Test
        void theIndexIsRebuiltFromTheDatabaseAtOpen() throws Exception {
            Article a = save("停水通知", "停水", "明日停水。", "供水");
            index.close();
            org.hotline.cti.storage.TestFiles.deleteRecursively(indexDir);

            index = KnowledgeIndex.open(indexDir);
            kb = KnowledgeBase.open(store, index, clock);

            SearchHit hit = kb.search(SearchQuery.text("停水")).hits().get(0);
            assertThat(hit.articleId()).isEqualTo(a.id());
            assertThat(hit.tags()).containsExactly("供水");
            assertThat(hit.category()).isEqualTo("停水");
        }

        @Test
        void manyArticlesAreStoredInBatchesWithTheirTags() {
            List<Article> drafts = new java.util.ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                drafts.add(Article.draft("文章 " + i, "類別" + i % 3, List.of("t" + i % 5, "all"), "內容 " + i, ""));
            }

            List<Article> saved = kb.saveAll(drafts, "bench");

            assertThat(saved).extracting(Article::id).doesNotHaveDuplicates().doesNotContain(0L);
            assertThat(kb.articleCount()).isEqualTo(1_200);
            assertThat(kb.article(saved.get(1_199).id()).tags()).containsExactly("all", "t4");
            assertThat(kb.search(SearchQuery.text("").withTags("t4").inCategory("類別1")).totalHits()).isEqualTo(80);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}
