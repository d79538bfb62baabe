package org.hotline.cti.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.hotline.cti.knowledge.Article;
import org.hotline.cti.knowledge.JdbcKnowledgeStore;
import org.hotline.cti.knowledge.KnowledgeIndex;
import org.hotline.cti.knowledge.SearchQuery;
import org.hotline.cti.knowledge.SearchResult;
import org.hotline.cti.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The knowledge part of {@code bench data}: loads (or reuses) a generated corpus of utility
 * articles into a database, rebuilds the Lucene index from it as the server does at start, and
 * measures full-text search latency (target p99 &lt;= 50 ms) with a mix of Traditional and
 * Simplified Chinese and English queries, a quarter of them filtered by category.
 */
public final class KnowledgeDataBench {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeDataBench.class);
    private static final int LOAD_CHUNK = 2_000;
    private static final int WARM_UP = 300;

    private static final String[] DISTRICTS = {"中西區", "灣仔", "東區", "南區", "油尖旺", "深水埗", "九龍城", "黃大仙",
            "觀塘", "荃灣", "屯門", "元朗", "北區", "大埔", "沙田", "西貢"};
    private static final String[] CATEGORIES = {"燃氣安全", "燃氣報修", "供水報修", "水質", "抄表", "收費", "報裝", "開戶",
            "銷戶", "預約", "投訴", "停氣", "停水", "工單"};
    private static final String[] TOPICS = {"燃氣漏氣", "熱水器點火", "爐具火焰", "一氧化碳", "停氣預告", "恢復供氣", "燃氣表讀數",
            "水錶讀數", "水管爆裂", "水壓低", "水質混濁", "繳費方式", "欠費停氣", "帳單爭議", "階梯收費", "新裝申請", "過戶手續",
            "銷戶退按金", "預約上門", "投訴處理", "膠管更換", "水錶防凍", "大廈水箱", "工單催辦", "入戶安檢", "減壓閥故障"};
    private static final String[] SENTENCES = {
        "客戶聞到燃氣味時，請立即關閉總閥並打開門窗通風。", "切勿開關電器或使用明火，離開室內後再致電熱線。",
        "記錄地址、聯絡電話及現場情況，建立工單並即時派單。", "搶修隊須於三十分鐘內到場，到場後回報處理結果。",
        "如屬計劃停氣，請查閱通知公告中的停氣時間及恢復時間。", "恢復供氣前請確認所有爐具閥門已經關閉。",
        "讀數異常時可申請覆核抄表，必要時安排校驗表具。", "水費突然增加，先請客戶關閉所有用水點觀察水錶。",
        "路面冒水屬緊急事件，須通知管網搶修隊並評估是否停水。", "水質問題須記錄顏色、氣味及影響範圍，安排取樣化驗。",
        "可經銀行自動轉賬、網上銀行、便利店及營業廳繳費。", "欠費超過兩期會發出催繳通知，繳清後一個工作天內恢復。",
        "投訴須先致歉並複述問題，三個工作天內回覆客戶。", "新裝流程包括申請、勘查、報價、繳費、施工及通氣驗收。",
        "过户需要提供身份证明及租约，旧户欠款须先结清。", "燃气热水器无法点火，多为电池没电或点火针故障。",
        "膠管出現龜裂或變硬須立即更換，可預約師傅上門。", "寒流期間請為外露水管做好保溫，切勿用熱水澆淋。",
        "大廈水箱由物業管理負責清洗，一般每季一次。", "工單逾期未處理時可執行催辦，催辦會通知負責人。",
        "If the caller smells gas, ask them to leave the building and not to switch anything on or off.",
        "Bills can be paid by autopay, online banking, at convenience stores or at the service counter.",
        "A burst water main is an emergency: record the exact location and notify the network crew.",
        "Meter readings that jump can be re-read on request; a faulty meter is replaced free of charge."};
    private static final String[] QUERIES = {"漏氣", "燃氣漏氣", "漏气", "熱水器", "点火", "停氣 恢復", "水錶", "水表读数",
            "爆管", "水管爆裂", "水質", "繳費", "欠费", "帳單", "投訴", "過戶", "新裝", "膠管", "防凍", "水箱", "催辦",
            "一氧化碳", "減壓閥", "gas leak", "water main", "meter reading", "autopay", "burst", "leave the building",
            "安檢", "工單", "預約 上門", "抄表 覆核", "閥門", "搶修隊"};

    /** The figures of one run. Latencies are of {@link KnowledgeIndex#search}, highlighting included. */
    public record Result(long articles, long loadedNow, long loadMillis, long indexMillis, int queries, double p50Millis,
                         double p99Millis, double maxMillis, double meanHits) {
        public static final double TARGET_P99_MILLIS = 50;

        public boolean meetsTarget() {
            return p99Millis <= TARGET_P99_MILLIS;
        }

        public String summary() {
            return String.format(Locale.ROOT, "knowledge search over %,d articles (%,d loaded now in %,d ms, index rebuilt"
                            + " in %,d ms): %,d queries, p50 %.2f ms, p99 %.2f ms (target <= %.0f ms: %s), max %.2f ms,"
                            + " %.1f hits per query", articles, loadedNow, loadMillis, indexMillis, queries, p50Millis,
                    p99Millis, TARGET_P99_MILLIS, meetsTarget() ? "met" : "MISSED", maxMillis, meanHits);
        }
    }

    private KnowledgeDataBench() {}

    /**
     * Makes sure site {@code siteId} of {@code database} holds at least {@code articles} articles
     * (generating only the missing ones, so a second run reuses the first run's data), rebuilds
     * an index in {@code indexDir} and times {@code queries} searches.
     */
    public static Result run(Database database, String siteId, Path indexDir, int articles, int queries, long seed) {
        requireNonNull(database, "database");
        requireNonNull(siteId, "siteId");
        requireNonNull(indexDir, "indexDir");
        if (articles < 1 || queries < 1) {
            throw new IllegalArgumentException("articles: " + articles + ", queries: " + queries + " (expected: both >= 1)");
        }
        JdbcKnowledgeStore store = new JdbcKnowledgeStore(database.dataSource(), siteId);
        SplittableRandom random = new SplittableRandom(seed);
        long have = store.articleCount();
        long loadStarted = System.nanoTime();
        long loaded = 0;
        while (have + loaded < articles) {
            int n = (int) Math.min(LOAD_CHUNK, articles - have - loaded);
            List<Article> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chunk.add(article(random, have + loaded + i));
            }
            store.insertAll(chunk, "bench", java.time.Instant.now());
            loaded += n;
        }
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        if (loaded > 0) {
            log.info("bench: {} knowledge articles generated and stored in {} ms", loaded, loadMillis);
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            long indexStarted = System.nanoTime();
            long indexed = index.rebuild(store);
            long indexMillis = (System.nanoTime() - indexStarted) / 1_000_000;
            for (int i = 0; i < WARM_UP; i++) {
                index.search(query(random));
            }
            long[] nanos = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                SearchQuery q = query(random);
                long t0 = System.nanoTime();
                SearchResult r = index.search(q);
                nanos[i] = System.nanoTime() - t0;
                hits += r.hits().size();
            }
            Arrays.sort(nanos);
            Result result = new Result(indexed, loaded, loadMillis, indexMillis, queries, millis(nanos, 0.50),
                    millis(nanos, 0.99), nanos[queries - 1] / 1e6, (double) hits / queries);
            log.info("bench: {}", result.summary());
            return result;
        }
    }

    private static double millis(long[] sorted, double quantile) {
        int i = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static SearchQuery query(SplittableRandom random) {
        SearchQuery q = SearchQuery.text(QUERIES[random.nextInt(QUERIES.length)]).limit(20);
        return random.nextInt(4) == 0 ? q.inCategory(CATEGORIES[random.nextInt(CATEGORIES.length)]) : q;
    }

    /** A plausible article: a district, a topic, six to twelve sentences of procedure and a standard answer. */
    static Article article(SplittableRandom random, long n) {
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        StringBuilder body = new StringBuilder();
        int sentences = 6 + random.nextInt(7);
        for (int i = 0; i < sentences; i++) {
            body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        String answer = SENTENCES[random.nextInt(SENTENCES.length)];
        return Article.draft(district + topic + "處理指引 #" + n, CATEGORIES[random.nextInt(CATEGORIES.length)],
                List.of(topic, district), body.toString(), answer);
    }
}
