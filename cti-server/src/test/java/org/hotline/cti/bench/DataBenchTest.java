package org.hotline.cti.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench data} end to end at a small scale: the command line, the three benches, the figures and the JSON line. */
class DataBenchTest {
    private static final String[] SMALL = {"--customers", "1500", "--contacts-per-customer", "4", "--lookups", "200",
        "--work-orders", "3000", "--searches", "50", "--create-dispatch", "10", "--articles", "300",
        "--knowledge-queries", "50", "--db-user", "", "--db-password", ""};

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void loadsMeasuresAndEndsWithOneJsonLineThenReusesTheDataOnARerun(TestDatabase.Kind kind, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            String url = db.config().effectiveUrl();

            List<String> first = run(url);
            List<String> second = run(url);

            JsonObject j = json(first);
            assertThat(j.get("database").getAsString()).isEqualTo(kind == TestDatabase.Kind.H2 ? "h2" : "mariadb");
            if (kind == TestDatabase.Kind.H2) {
                assertThat(j.get("buffer_pool_mb").getAsLong()).isZero();
            } else {
                assertThat(j.get("buffer_pool_mb").getAsLong()).as("the pool holds the small bench's tables")
                        .isGreaterThanOrEqualTo(j.get("tables_mb").getAsLong()).isPositive();
                assertThat(String.join("\n", first)).contains("bench data: InnoDB buffer pool ")
                        .containsPattern("bench data: \\d+ indexes read into the pool");
            }
            assertThat(j.get("customers").getAsLong()).isEqualTo(1_500);
            assertThat(j.get("contacts").getAsLong()).isEqualTo(6_000);
            assertThat(j.get("customer_data_reused").getAsBoolean()).isFalse();
            assertThat(j.get("screen_pops").getAsInt()).isEqualTo(200);
            assertThat(j.get("customers_per_pop").getAsDouble()).isBetween(1.0, 1.2);
            assertOrdered(j, "screen_pop_ms");
            assertThat(j.get("work_orders_loaded").getAsLong()).isEqualTo(3_000);
            assertThat(j.get("work_orders").getAsLong()).as("loaded plus the timed creates").isEqualTo(3_010);
            assertOrdered(j, "work_order_search_ms");
            assertThat(j.get("work_order_create_dispatch_per_second").getAsDouble()).isPositive();
            assertThat(j.get("articles").getAsLong()).isEqualTo(300);
            assertThat(j.get("articles_loaded").getAsLong()).isEqualTo(300);
            assertThat(j.get("knowledge_queries").getAsInt()).isEqualTo(50);
            assertThat(j.get("knowledge_mean_hits").getAsDouble()).as("the queries find articles").isPositive();
            assertOrdered(j, "knowledge_search_ms");
            for (String load : new String[] {"customer_load_s", "work_order_load_s", "knowledge_load_s"}) {
                assertThat(j.get(load).getAsDouble()).as(load).isGreaterThanOrEqualTo(0);
            }
            assertTargets(j);
            assertThat(String.join("\n", first)).contains("customer data: 1,500 customers, 6,000 contacts",
                    "work orders: 3,010 in site", "knowledge search over 300 articles", "targets (p99): screen pop <= 10 ms");

            JsonObject again = json(second);
            assertThat(again.get("customer_data_reused").getAsBoolean()).isTrue();
            assertThat(again.get("contacts").getAsLong()).as("no contacts loaded twice").isEqualTo(6_000);
            assertThat(again.get("work_orders_loaded").getAsLong()).isZero();
            assertThat(again.get("work_orders").getAsLong()).isEqualTo(3_020);
            assertThat(again.get("articles_loaded").getAsLong()).isZero();
            assertThat(again.get("articles").getAsLong()).isEqualTo(300);
        }
    }

    @org.junit.jupiter.api.Test
    void enlargesThePoolOnlyOfALocalServer() {
        assertThat(DataBench.isLocal("jdbc:mysql://127.0.0.1:3306/test")).isTrue();
        assertThat(DataBench.isLocal("jdbc:mysql://localhost/test?user=root")).isTrue();
        assertThat(DataBench.isLocal("jdbc:mysql://db.example:3306/hotline")).isFalse();
        assertThat(DataBench.isLocal("jdbc:mysql://127.0.0.1.example/hotline")).isFalse();
    }

    private static List<String> run(String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] args = new String[SMALL.length + 2];
        System.arraycopy(SMALL, 0, args, 0, SMALL.length);
        args[SMALL.length] = "--db-url";
        args[SMALL.length + 1] = url;

        int code = new CommandLine(new DataBench(out)).execute(args);

        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static JsonObject json(List<String> lines) {
        assertThat(lines).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("{").endsWith("}");
        return JsonParser.parseString(last).getAsJsonObject();
    }

    private static void assertOrdered(JsonObject j, String prefix) {
        double p50 = j.get(prefix + "_p50").getAsDouble();
        double p99 = j.get(prefix + "_p99").getAsDouble();
        assertThat(p50).as(prefix + "_p50").isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).as(prefix + "_p99").isLessThanOrEqualTo(j.get(prefix + "_max").getAsDouble());
    }

    /** Each verdict follows from its p99 and the target; the overall one from the three. */
    private static void assertTargets(JsonObject j) {
        boolean pop = j.get("screen_pop_ms_p99").getAsDouble() <= 10;
        boolean search = j.get("work_order_search_ms_p99").getAsDouble() <= 50;
        boolean knowledge = j.get("knowledge_search_ms_p99").getAsDouble() <= 50;
        assertThat(j.get("screen_pop_target_met").getAsBoolean()).isEqualTo(pop);
        assertThat(j.get("work_order_search_target_met").getAsBoolean()).isEqualTo(search);
        assertThat(j.get("knowledge_search_target_met").getAsBoolean()).isEqualTo(knowledge);
        assertThat(j.get("targets_met").getAsBoolean()).isEqualTo(pop && search && knowledge);
    }
}
