package org.hotline.cti.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.stats.CallFigures;
import org.hotline.cti.stats.Granularity;
import org.hotline.cti.stats.Grouping;
import org.hotline.cti.stats.Reports;
import org.hotline.cti.stats.RollupBatch;
import org.hotline.cti.stats.RollupSettings;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hotline bench reports}: a year of generated call records in their own site of a
 * MySQL/MariaDB database, then the month-by-queue and month-by-agent reports for the year, timed.
 *
 * <p>The load is a bulk path beside the outbox: chunks of calls (records and segments) are
 * inserted with JDBC batches and the same {@link RollupBatch} the outbox uses adds their figures
 * to the rollups in the same transaction, so raw rows and rollups agree whatever the size. A
 * chunk is generated from its own seed, so a later run resumes where an interrupted one stopped
 * and reuses what is loaded. Calls arrive uniformly over the year; answered calls get talk (and
 * hold) segments but no queue or ring segment, and no agent state log is generated (after-call
 * work and state figures stay empty here; the reports' test covers them).
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
        description = "Load (or reuse) a year of call records and time monthly reports per queue and per agent; print figures and a JSON line.")
public final class ReportBench implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ReportBench.class);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Pattern URL = Pattern.compile("^(jdbc:mysql://[^/?]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Option(names = "--db-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/hotline_reports?user=root&password=",
            description = "MySQL/MariaDB database (created when missing). Default: ${DEFAULT-VALUE}") String dbUrl;
    @Option(names = "--site", defaultValue = "bench-reports", description = "Site id of the generated records.") String site;
    @Option(names = "--calls", defaultValue = "10000000", description = "Call records in the year.") long calls;
    @Option(names = "--year", defaultValue = "2026") int year;
    @Option(names = "--queues", defaultValue = "12") int queues;
    @Option(names = "--agents", defaultValue = "300") int agents;
    @Option(names = "--chunk", defaultValue = "10000", description = "Calls per load transaction.") int chunk;
    @Option(names = "--repeats", defaultValue = "10", description = "Timed runs of each report.") int repeats;
    @Option(names = "--load-only", description = "Load, skip the reports.") boolean loadOnly;
    @Option(names = "--no-load", description = "Time the reports on what the site holds (after an interrupted load).")
    boolean noLoad;
    @Option(names = "--data-dir", defaultValue = "data") Path dataDir;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration SERVICE_LEVEL = Duration.ofSeconds(20);

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || queues < 1 || agents < queues || chunk < 1 || repeats < 1) {
            throw new IllegalArgumentException("calls " + calls + ", queues " + queues + ", agents " + agents + ", chunk "
                    + chunk + ", repeats " + repeats + " (expected: all >= 1 and agents >= queues)");
        }
        createDatabaseIfMissing(dbUrl);
        Files.createDirectories(dataDir);
        RollupSettings settings = new RollupSettings(ZONE, Duration.ofSeconds(5), SERVICE_LEVEL);
        try (Database database = Database.open(DatabaseConfig.external(dbUrl, null, null, dataDir))) {
            long before = count(database, "SELECT COUNT(*) FROM call_detail_records WHERE site_id = ?");
            long t0 = System.nanoTime();
            long loaded = noLoad ? 0 : load(database, settings, before);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long inSite = before + loaded;
            long dailyRows = count(database, "SELECT COUNT(*) FROM report_call_daily WHERE site_id = ?");
            long intervalRows = count(database, "SELECT COUNT(*) FROM report_call_interval WHERE site_id = ?");
            System.out.printf(Locale.ROOT, "call records in site %s: %,d (%,d loaded now in %.1f s, %,.0f calls/s)%n", site,
                    inSite, loaded, loadSeconds, loaded == 0 ? 0 : loaded / loadSeconds);
            System.out.printf(Locale.ROOT, "rollup rows: %,d per 15 minutes, %,d per day%n", intervalRows, dailyRows);
            if (loadOnly) {
                System.out.printf(Locale.ROOT, "{\"rows\":%d,\"loaded\":%d,\"load_s\":%.1f}%n", inSite, loaded, loadSeconds);
                return 0;
            }
            Reports reports = new Reports(database.dataSource(), settings);
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
            Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant();
            long[] byQueue = time(() -> reports.calls(site, Grouping.QUEUE, Granularity.MONTH, from, to));
            long[] byAgent = time(() -> reports.calls(site, Grouping.AGENT, Granularity.MONTH, from, to));
            List<Reports.CallRow> queueRows = reports.calls(site, Grouping.QUEUE, Granularity.MONTH, from, to);
            List<Reports.CallRow> agentRows = reports.calls(site, Grouping.AGENT, Granularity.MONTH, from, to);
            long offered = queueRows.stream().mapToLong(r -> r.figures().offered()).sum();
            long answered = queueRows.stream().mapToLong(r -> r.figures().answered()).sum();
            long inSl = queueRows.stream().mapToLong(r -> r.figures().answeredInServiceLevel()).sum();
            long shortAbandoned = queueRows.stream().mapToLong(r -> r.figures().shortAbandoned()).sum();
            System.out.printf(Locale.ROOT, "year %d: offered %,d, answered %,d, service level %.1f %%%n", year, offered,
                    answered, offered - shortAbandoned == 0 ? 0 : 100.0 * inSl / (offered - shortAbandoned));
            System.out.printf(Locale.ROOT, "monthly by queue: %d rows, p50 %d ms, max %d ms (target <= 2000)%n",
                    queueRows.size(), median(byQueue), max(byQueue));
            System.out.printf(Locale.ROOT, "monthly by agent: %d rows, p50 %d ms, max %d ms (target <= 2000)%n",
                    agentRows.size(), median(byAgent), max(byAgent));
            if (offered != inSite) {
                System.out.printf(Locale.ROOT, "note: the year's reports count %,d offered calls of %,d records in the site"
                        + " (records outside %d or not offered)%n", offered, inSite, year);
            }
            long[] all = new long[byQueue.length + byAgent.length];
            System.arraycopy(byQueue, 0, all, 0, byQueue.length);
            System.arraycopy(byAgent, 0, all, byQueue.length, byAgent.length);
            System.out.printf(Locale.ROOT, "{\"rows\":%d,\"loaded\":%d,\"load_s\":%.1f,\"rollup_interval_rows\":%d,"
                            + "\"rollup_daily_rows\":%d,\"offered\":%d,\"monthly_by_queue_ms_p50\":%d,\"monthly_by_queue_ms_max\":%d,"
                            + "\"monthly_by_agent_ms_p50\":%d,\"monthly_by_agent_ms_max\":%d,\"report_ms_p50\":%d,"
                            + "\"report_ms_max\":%d,\"target_ms\":2000}%n",
                    inSite, loaded, loadSeconds, intervalRows, dailyRows, offered, median(byQueue), max(byQueue),
                    median(byAgent), max(byAgent), median(all), max(all));
            return 0;
        }
    }

    private long[] time(java.util.function.Supplier<List<Reports.CallRow>> report) {
        report.get();
        report.get();
        long[] ms = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            report.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        return ms;
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Loads the chunks not yet in the site; returns the calls loaded. */
    private long load(Database database, RollupSettings settings, long alreadyLoaded) throws SQLException {
        long chunks = (calls + chunk - 1) / chunk;
        if (alreadyLoaded % chunk != 0) {
            throw new IllegalStateException("site " + site + " holds " + alreadyLoaded + " records (expected: a multiple of --chunk "
                    + chunk + "; load with the chunk size of the first run or use another --site)");
        }
        long firstChunk = alreadyLoaded / chunk;
        if (firstChunk >= chunks) {
            return 0;
        }
        log.info("bench reports: loading {} calls into site {} ({} already there)", calls - alreadyLoaded, site, alreadyLoaded);
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
        long yearMillis = Duration.between(yearStart, LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant()).toMillis();
        double slot = (double) yearMillis / calls;
        long loaded = 0;
        long t0 = System.nanoTime();
        RollupBatch batch = new RollupBatch(settings);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION unique_checks = 0");
            }
            try (PreparedStatement cdr = c.prepareStatement("INSERT INTO call_detail_records (record_id, site_id, call_id,"
                    + " direction, caller_number, dialled_number, queue_id, agent_id, started_at, answered_at, ended_at,"
                    + " queue_wait_ms, outcome, recording_path) VALUES (?, ?, ?, 'INBOUND', ?, '95001', ?, ?, ?, ?, ?, ?, ?, NULL)");
                 PreparedStatement seg = c.prepareStatement("INSERT INTO call_segments (record_id, site_id, call_id, seq_no,"
                         + " kind, agent_id, device, queue_id, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long k = firstChunk; k < chunks; k++) {
                    SplittableRandom random = new SplittableRandom(0x5eedL * 31 + k);
                    long end = Math.min(calls, (k + 1) * chunk);
                    for (long i = k * chunk; i < end; i++) {
                        Instant start = yearStart.plusMillis((long) (i * slot + random.nextDouble() * slot));
                        generate(random, i, start, cdr, seg, batch);
                    }
                    cdr.executeBatch();
                    seg.executeBatch();
                    batch.write(c);
                    c.commit();
                    loaded += end - k * chunk;
                    batch.clear();
                    if ((k + 1) % 50 == 0 || k + 1 == chunks) {
                        double s = (System.nanoTime() - t0) / 1e9;
                        double rate = loaded / s;
                        log.info("bench reports: {} of {} calls in site {} ({} calls/s, about {} s to go)", alreadyLoaded + loaded,
                                calls, site, Math.round(rate), Math.round((calls - alreadyLoaded - loaded) / rate));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return loaded;
    }

    /** One call: 91 % answered (some held, some transferred), 9 % abandoned, a third of those within 5 s. */
    private void generate(SplittableRandom random, long i, Instant start, PreparedStatement cdr, PreparedStatement seg,
                          RollupBatch batch) throws SQLException {
        String callId = site + "-c" + i;
        int q = random.nextInt(queues);
        String queue = "q" + q;
        int perQueue = Math.max(1, agents * 3 / queues);
        String agent = "agent" + Math.floorMod(q * (agents / queues) + random.nextInt(perQueue), agents);
        Instant queuedAt = start.plusMillis(random.nextLong(20_000));
        List<CallSegment> segments = new ArrayList<>(4);
        CallDetailRecord record;
        if (random.nextInt(100) < 9) {
            long wait = random.nextInt(3) == 0 ? random.nextLong(5_000) : 5_000 + random.nextLong(175_000);
            Instant gone = queuedAt.plusMillis(wait);
            segments.add(new CallSegment(callId + "-s1", site, callId, 1, SegmentKind.QUEUE, "", "", queue, queuedAt, gone,
                    "abandoned"));
            record = new CallDetailRecord(callId, site, callId, CallDetailRecord.Direction.INBOUND, "1" + (3_000_000_000L + i),
                    "95001", queue, null, start, null, gone, wait, "abandoned", null, Map.of());
        } else {
            long wait = Math.min(300_000, (long) (-Math.log(1 - random.nextDouble()) * 12_000));
            Instant answeredAt = queuedAt.plusMillis(wait);
            Instant talkEnd = answeredAt.plusMillis(30_000 + random.nextLong(570_000));
            // No queue segment for answered calls: the rollups do not read it and it would be a third of the rows.
            int seq = 1;
            if (random.nextInt(100) < 20) {
                Instant holdAt = answeredAt.plusMillis(10_000);
                segments.add(new CallSegment(callId + "-s" + (++seq), site, callId, seq, SegmentKind.HOLD, agent, agent, queue,
                        holdAt, holdAt.plusMillis(10_000 + random.nextLong(80_000)), "retrieved"));
                talkEnd = talkEnd.plusMillis(100_000);
            }
            boolean transfer = random.nextInt(100) < 5;
            segments.add(new CallSegment(callId + "-s" + (++seq), site, callId, seq, SegmentKind.TALK, agent, agent, queue,
                    answeredAt, talkEnd, transfer ? "transferred" : "ended"));
            Instant ended = talkEnd;
            String last = agent;
            if (transfer) {
                last = "agent" + random.nextInt(agents);
                ended = talkEnd.plusMillis(60_000 + random.nextLong(240_000));
                segments.add(new CallSegment(callId + "-s" + (++seq), site, callId, seq, SegmentKind.TALK, last, last, queue,
                        talkEnd, ended, "ended"));
            }
            record = new CallDetailRecord(callId, site, callId, CallDetailRecord.Direction.INBOUND, "1" + (3_000_000_000L + i),
                    "95001", queue, last, start, answeredAt, ended, wait, "answered", null, Map.of());
        }
        cdr.setString(1, record.recordId());
        cdr.setString(2, site);
        cdr.setString(3, callId);
        cdr.setString(4, record.callerNumber());
        cdr.setString(5, queue);
        cdr.setString(6, record.agentId());
        cdr.setString(7, sql(record.startedAt()));
        cdr.setString(8, sql(record.answeredAt()));
        cdr.setString(9, sql(record.endedAt()));
        cdr.setLong(10, record.queueWaitMillis());
        cdr.setString(11, record.outcome());
        cdr.addBatch();
        for (CallSegment s : segments) {
            seg.setString(1, s.recordId());
            seg.setString(2, site);
            seg.setString(3, callId);
            seg.setInt(4, s.sequence());
            seg.setString(5, s.kind().name());
            seg.setString(6, s.agentId());
            seg.setString(7, s.device());
            seg.setString(8, queue);
            seg.setString(9, sql(s.startedAt()));
            seg.setString(10, sql(s.endedAt()));
            seg.setString(11, s.outcome());
            seg.addBatch();
        }
        batch.addCall(record, segments, SERVICE_LEVEL);
    }

    private static String sql(Instant t) {
        return t == null ? null : DATETIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private long count(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void createDatabaseIfMissing(String url) throws SQLException {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("--db-url: " + Database.redact(url)
                    + " (expected: jdbc:mysql://host:port/database?...)");
        }
        try (Connection c = DriverManager.getConnection(m.group(1) + (m.group(3) == null ? "" : m.group(3)));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + m.group(2) + " CHARACTER SET utf8mb4");
        }
    }
}
