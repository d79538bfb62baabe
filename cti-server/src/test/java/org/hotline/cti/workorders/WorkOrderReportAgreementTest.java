package org.hotline.cti.workorders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.hotline.cti.stats.Granularity;
import org.hotline.cti.stats.Reports;
import org.hotline.cti.stats.RollupSettings;
import org.hotline.cti.stats.WorkOrderFigures;
import org.hotline.cti.stats.WorkOrderGrouping;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The work-order report agrees with a recount from work_orders, their history and follow-ups,
 * after six weeks (across a month and a year end) of orders created, dispatched, returned,
 * re-dispatched, accepted, resolved, closed, followed up (some results corrected later) and run
 * through the SLA timers, on H2 and on MariaDB.
 */
class WorkOrderReportAgreementTest {
    static final int DAYS = 42;

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }

    abstract static class Contract extends WorkOrderFixture {
        private Reports reports() {
            return new Reports(database.dataSource(), new RollupSettings(ZONE, Duration.ofSeconds(5), Duration.ofSeconds(20)));
        }

        @Test
        void everyGroupingAndBucketAgreesWithTheRawOrders() throws Exception {
            generate(new Random(6));
            Reports reports = reports();
            LocalDate first = START.atZone(ZONE).toLocalDate();
            Instant from = first.atStartOfDay(ZONE).toInstant();
            Instant to = first.plusDays(DAYS + 1).atStartOfDay(ZONE).toInstant();
            Instant monthFrom = first.withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
            Instant monthTo = first.plusDays(DAYS + 1).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant();
            Map<String, WorkOrderFigures> all = new TreeMap<>();
            for (WorkOrderGrouping g : WorkOrderGrouping.values()) {
                Map<String, WorkOrderFigures> day = rows(reports.workOrders(site, g, Granularity.DAY, from, to));
                assertThat(day).as("per day by " + g).isEqualTo(recount(g, Granularity.DAY));
                assertThat(rows(reports.workOrders(site, g, Granularity.MONTH, monthFrom, monthTo))).as("per month by " + g)
                        .isEqualTo(recount(g, Granularity.MONTH));
                Map<String, WorkOrderFigures> year = rows(reports.workOrders(site, g, Granularity.YEAR, monthFrom, monthTo));
                assertThat(year).as("per year by " + g).isEqualTo(recount(g, Granularity.YEAR));
                year.forEach((k, v) -> all.put(g + "|" + k, v));
            }
            long created = all.entrySet().stream().filter(e -> e.getKey().startsWith("STATUS|"))
                    .mapToLong(e -> e.getValue().created()).sum();
            WorkOrderFigures total = all.entrySet().stream().filter(e -> e.getKey().startsWith("TYPE|"))
                    .map(Map.Entry::getValue).reduce(new WorkOrderFigures(0, 0, 0, 0, 0, 0, 0, 0, 0), Contract::sum);
            // The generated traffic exercises every figure.
            assertThat(created).isEqualTo(total.created()).isGreaterThan(150);
            assertThat(total.open()).as("open").isPositive();
            assertThat(total.resolved()).as("resolved").isGreaterThan(total.closed()).isPositive();
            assertThat(total.closed()).as("closed").isPositive();
            assertThat(total.returned()).as("returned").isPositive();
            assertThat(total.overdue()).as("overdue").isPositive();
            assertThat(total.satisfied()).as("satisfied").isPositive();
            assertThat(total.dissatisfied()).as("dissatisfied").isPositive();
            assertThat(total.noAnswer()).as("noAnswer").isPositive();
            assertThat(all.keySet()).as("both years").anyMatch(k -> k.startsWith("TYPE|2026")).anyMatch(k -> k.startsWith("TYPE|2027"));
        }

        @Test
        void minuteBucketsAreRefused() {
            Instant from = Instant.parse("2026-11-23T00:00:00Z");
            assertThatThrownBy(() -> reports().workOrders(site, WorkOrderGrouping.TYPE, Granularity.MINUTES_60, from,
                    from.plus(Duration.ofHours(1)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected: DAY, MONTH or YEAR");
        }

        private static WorkOrderFigures sum(WorkOrderFigures a, WorkOrderFigures b) {
            return new WorkOrderFigures(a.created() + b.created(), a.open() + b.open(), a.resolved() + b.resolved(),
                    a.closed() + b.closed(), a.returned() + b.returned(), a.overdue() + b.overdue(),
                    a.satisfied() + b.satisfied(), a.dissatisfied() + b.dissatisfied(), a.noAnswer() + b.noAnswer());
        }

        /** bucket start (report-zone date) | grouping:key -> figures. */
        private static Map<String, WorkOrderFigures> rows(List<Reports.WorkOrderRow> rows) {
            Map<String, WorkOrderFigures> out = new TreeMap<>();
            for (Reports.WorkOrderRow r : rows) {
                out.put(r.bucketStart().atZone(ZONE).toLocalDate() + "|" + r.key(), r.figures());
            }
            return out;
        }

        /** The same figures straight from the orders, their history and their follow-ups. */
        private Map<String, WorkOrderFigures> recount(WorkOrderGrouping g, Granularity granularity) throws Exception {
            String column = switch (g) {
                case TYPE -> "o.type_code";
                case STATUS -> "o.status";
                case AREA -> "o.area";
                case DEPARTMENT -> "o.department_id";
            };
            Map<String, long[]> acc = new TreeMap<>();
            try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT o.created_at, " + column + ", o.status, o.sla_state, f.satisfaction,"
                            + " (SELECT COUNT(*) FROM work_order_events e WHERE e.work_order_id = o.id AND e.action = 'RETURN')"
                            + " FROM work_orders o LEFT JOIN follow_ups f ON f.work_order_id = o.id WHERE o.site_id = ?")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC).atZone(ZONE).toLocalDate();
                        LocalDate bucket = switch (granularity) {
                            case DAY -> day;
                            case MONTH -> day.withDayOfMonth(1);
                            default -> day.withDayOfYear(1);
                        };
                        String key = rs.getString(2) == null ? "" : rs.getString(2);
                        long[] v = acc.computeIfAbsent(bucket + "|" + key, k -> new long[9]);
                        String status = rs.getString(3);
                        boolean done = status.equals("RESOLVED") || status.equals("CLOSED");
                        v[0]++;
                        v[done ? 2 : 1]++;
                        v[3] += status.equals("CLOSED") ? 1 : 0;
                        v[4] += rs.getInt(6) > 0 ? 1 : 0;
                        v[5] += rs.getString(4).equals("OVERDUE") ? 1 : 0;
                        String sat = rs.getString(5) == null ? "" : rs.getString(5);
                        v[6] += sat.equals("SATISFIED") ? 1 : 0;
                        v[7] += sat.equals("DISSATISFIED") ? 1 : 0;
                        v[8] += sat.equals("NO_ANSWER") ? 1 : 0;
                    }
                }
            }
            Map<String, WorkOrderFigures> out = new TreeMap<>();
            acc.forEach((k, v) -> out.put(k, new WorkOrderFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8])));
            return out;
        }

        /**
         * Six weeks, hour by hour: a few new orders each working hour, and each open order moved
         * on by chance; the SLA timers run every hour.
         */
        private void generate(Random random) {
            List<String> live = new ArrayList<>();
            String[] areas = {"東區", "西區", "北區", null};
            for (int hour = 0; hour < DAYS * 24; hour++) {
                ZonedDateTime local = clock.instant().atZone(ZONE);
                if (local.getHour() >= 8 && local.getHour() < 20 && random.nextInt(3) == 0) {
                    String area = areas[random.nextInt(areas.length)];
                    NewWorkOrder n = switch (random.nextInt(4)) {
                        case 0 -> new NewWorkOrder("inquiry", Priority.NORMAL, "諮詢水費", "", null, null, "13800000000",
                                area, null, Map.of());
                        case 1 -> new NewWorkOrder("repair", Priority.URGENT, "漏氣", "", null, null, "13800000001", area,
                                null, Map.of("meter_id", "M-1", "category", "漏氣", "gas_smell", "yes"));
                        default -> new NewWorkOrder("repair", Priority.NORMAL, "無氣", "", null, null, "13800000002", area,
                                null, Map.of("meter_id", "M-2", "category", "無氣", "gas_smell", "no"));
                    };
                    live.add(orders.create(AGENT, n).orderNo());
                }
                // The last day's orders stay as they were created: some are open at the end.
                for (String no : hour < (DAYS - 1) * 24 ? List.copyOf(live) : List.<String>of()) {
                    if (random.nextInt(4) == 0) {
                        step(no, random, live);
                    }
                }
                clock.advance(Duration.ofHours(1));
                orders.runDueTimers();
            }
        }

        private void step(String no, Random random, List<String> live) {
            WorkOrder o = orders.get(LEAD, no);
            switch (o.status()) {
                case NEW, RETURNED -> {
                    if (o.status() == WorkOrderStatus.RETURNED && random.nextInt(4) == 0) {
                        orders.close(LEAD, no, o.version(), "duplicate");
                    } else if (o.typeCode().equals("inquiry") && random.nextBoolean()) {
                        orders.resolve(LEAD, no, o.version(), "answered on the phone");
                    } else {
                        orders.dispatch(LEAD, no, o.version(), random.nextBoolean() ? "gas" : "water", null, null, null);
                    }
                }
                case DISPATCHED -> {
                    if (random.nextInt(4) == 0) {
                        orders.returnOrder(CREW, no, o.version(), "not ours");
                    } else {
                        orders.accept(CREW, no, o.version());
                    }
                }
                case IN_PROGRESS -> orders.resolve(CREW, no, o.version(), "fixed");
                case RESOLVED, CLOSED -> {
                    FollowUp f = orders.followUp(LEAD, no).orElse(null);
                    if (f == null) {
                        live.remove(no); // closed after a return: nobody calls the customer back
                    } else if (f.satisfaction() == null || random.nextInt(5) == 0) {
                        Satisfaction[] all = Satisfaction.values();
                        orders.recordFollowUp(LEAD, no, f.version(), all[random.nextInt(all.length)], null);
                    } else if (o.status() == WorkOrderStatus.RESOLVED && random.nextBoolean()) {
                        orders.close(LEAD, no, o.version(), null);
                    } else if (random.nextInt(3) == 0) {
                        live.remove(no);
                    }
                }
                default -> live.remove(no);
            }
        }
    }
}
