package org.hotline.supervisor.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.Timestamp;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.KeptStream;
import org.hotline.agent.connection.LinkState;
import org.hotline.agent.knowledge.BulletinsViewModel;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryPeriod;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrderSummaryRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The wallboard's state, for a board that stays up for weeks: the tiles from the live statistics
 * (once a second), the charts of today from the call reports (every few minutes), today's work
 * orders (every minute), the link shown discreetly while it reconnects. Everything it keeps has a
 * fixed size: one value per 15-minute bucket of the day, the latest figures, the bulletins valid
 * now. At midnight (by the injected clock) today's charts and counts start again. Used on the FX
 * thread only: the gateway delivers there; {@link #tick()} runs once a second.
 */
public final class WallboardViewModel implements KeptStream.Listener<WallboardStats>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WallboardViewModel.class);
    /** 15-minute buckets of the longest day (25 hours when the clocks go back). */
    public static final int BUCKETS = 100;
    public static final Duration BUCKET = Duration.ofMinutes(15);
    /** After a failed refresh, the next try. */
    static final Duration RETRY = Duration.ofSeconds(30);
    /** The live service level enters today's trend once a minute, not every second: the chart redraws calmly. */
    static final Duration LIVE_POINT = Duration.ofMinutes(1);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<String> STATE_ORDER = List.of("READY", "RESERVED", "ON_CALL", "HELD", "AFTER_CALL_WORK",
            "NOT_READY");

    private final WallboardSettings settings;
    private final WallboardGateway gateway;
    private final Messages texts;
    private final Messages deskTexts;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Tile, TileModel> tiles = new EnumMap<>(Tile.class);
    private final List<TileModel> shown;
    private final BulletinsViewModel bulletins;

    private final double[] callsToday = new double[BUCKETS];
    private final double[] callsLastWeek = new double[BUCKETS];
    private final double[] serviceLevelToday = new double[BUCKETS];
    private final IntegerProperty chartsRevision = new SimpleIntegerProperty();

    private final ObjectProperty<LinkState> link = new SimpleObjectProperty<>(LinkState.CONNECTING);
    private final BooleanProperty stale = new SimpleBooleanProperty(true);
    private final StringProperty linkText = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");

    private LocalDate day;
    private Instant nextReports = Instant.MIN;
    private Instant nextOrders = Instant.MIN;
    private Instant lastLivePoint = Instant.MIN;
    private boolean reportsPending;
    private boolean ordersPending;
    private AutoCloseable subscription;
    private boolean closed;
    private long statsSeen;

    public WallboardViewModel(WallboardSettings settings, WallboardGateway gateway, Messages texts, Messages deskTexts,
                              Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.gateway = requireNonNull(gateway, "gateway");
        this.texts = requireNonNull(texts, "texts");
        this.deskTexts = requireNonNull(deskTexts, "deskTexts");
        this.clock = requireNonNull(clock, "clock");
        this.zone = clock.getZone();
        this.bulletins = new BulletinsViewModel(clock);
        for (Tile t : Tile.values()) {
            if (t.kind() == Tile.Kind.NUMBER) {
                tiles.put(t, new TileModel(t, texts.get("wallboard.tile." + t.key())));
            }
        }
        shown = settings.tiles(Tile.Kind.NUMBER).stream().map(tiles::get).toList();
        day = LocalDate.ofInstant(clock.instant(), zone);
        clearDay();
        linkText.set(texts.get("wallboard.link.connecting"));
    }

    /** Subscribes to the statistics and asks for today's reports. */
    public void start() {
        if (subscription == null && !closed) {
            subscription = gateway.subscribe(this);
        }
        tick();
    }

    /** Once a second: the clock on the board, midnight, the refreshes that are due, the ticker's turn. */
    public void tick() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        rollOverIfNewDay(now);
        time.set(CLOCK.format(now.atZone(zone)));
        if (!reportsPending && !now.isBefore(nextReports) && (settings.shows(Tile.CALLS_CHART)
                || settings.shows(Tile.SERVICE_LEVEL_CHART))) {
            requestReports(now);
        }
        if (!ordersPending && !now.isBefore(nextOrders) && settings.shows(Tile.WORK_ORDERS)) {
            requestOrders(now);
        }
        bulletins.tick();
    }

    @Override
    public void onEvent(WallboardStats s) {
        if (closed) {
            return;
        }
        statsSeen++;
        Instant now = clock.instant();
        rollOverIfNewDay(now);
        tile(Tile.CALLS_WAITING, String.valueOf(s.getCallsWaiting()), "", s.getCallsWaiting());
        tile(Tile.LONGEST_WAIT, minutesSeconds(s.getLongestWaitSeconds()), "", s.getLongestWaitSeconds());
        boolean anyOffered = s.getOfferedToday() > 0;
        tile(Tile.SERVICE_LEVEL, anyOffered ? percent(s.getServiceLevelPercent()) : "–",
                anyOffered ? texts.get("wallboard.detail.speed_of_answer", Math.round(s.getAverageSpeedOfAnswerSeconds())) : "",
                anyOffered ? s.getServiceLevelPercent() : Double.NaN);
        tile(Tile.ANSWERED, String.valueOf(s.getAnsweredToday()), texts.get("wallboard.detail.offered", s.getOfferedToday()),
                Double.NaN);
        double abandonPercent = anyOffered ? 100.0 * s.getAbandonedToday() / s.getOfferedToday() : Double.NaN;
        tile(Tile.ABANDONED, String.valueOf(s.getAbandonedToday()),
                anyOffered ? texts.get("wallboard.detail.abandon_percent", percent(abandonPercent)) : "", abandonPercent);
        agents(s.getAgentsByStateMap());
        bulletins.show(s.getBulletinsList());
        if (anyOffered && Duration.between(lastLivePoint, now).compareTo(LIVE_POINT) >= 0) {
            int b = bucket(now);
            if (b >= 0) {
                lastLivePoint = now;
                serviceLevelToday[b] = s.getServiceLevelPercent();
                chartsRevision.set(chartsRevision.get() + 1);
            }
        }
    }

    @Override
    public void onLink(LinkState state, String detail) {
        if (closed) {
            return;
        }
        link.set(state);
        stale.set(state != LinkState.CONNECTED);
        linkText.set(switch (state) {
            case CONNECTED -> "";
            case CONNECTING -> texts.get("wallboard.link.connecting");
            case RECONNECTING -> texts.get("wallboard.link.reconnecting");
            case ENDED -> texts.get("wallboard.link.ended", detail);
        });
    }

    private void agents(Map<String, Integer> byState) {
        int loggedIn = 0;
        List<String> parts = new ArrayList<>();
        for (String state : STATE_ORDER) {
            int n = byState.getOrDefault(state, 0);
            loggedIn += n;
            if (n > 0 || state.equals("READY")) {
                // A state and its count stay on one line when the detail wraps.
                parts.add(deskTexts.get("state." + state.toLowerCase(Locale.ROOT)) + "\u00a0" + n);
            }
        }
        int ready = byState.getOrDefault("READY", 0);
        // Nobody logged in (the night) is no alarm; logged-in agents of whom too few are Ready is.
        tile(Tile.AGENTS, String.valueOf(loggedIn), String.join("  ·  ", parts), loggedIn == 0 ? Double.NaN : ready);
    }

    private void tile(Tile t, String value, String detail, double measure) {
        Threshold th = settings.thresholds().get(t);
        tiles.get(t).show(value, detail, th == null ? Level.NORMAL : th.level(measure));
    }

    // ----- the day's charts and counts -----

    private void rollOverIfNewDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (today.equals(day)) {
            return;
        }
        log.info("wallboard: a new day ({}), today's charts and counts start again", today);
        day = today;
        clearDay();
        // What was asked for the old day is dropped when it comes back: ask for the new one now.
        reportsPending = false;
        ordersPending = false;
        nextReports = Instant.MIN;
        nextOrders = Instant.MIN;
        lastLivePoint = Instant.MIN;
    }

    private void clearDay() {
        Arrays.fill(callsToday, Double.NaN);
        Arrays.fill(callsLastWeek, Double.NaN);
        Arrays.fill(serviceLevelToday, Double.NaN);
        tiles.get(Tile.WORK_ORDERS).show("–", "", Level.NORMAL);
        chartsRevision.set(chartsRevision.get() + 1);
    }

    private void requestReports(Instant now) {
        LocalDate d = day;
        Instant from = d.atStartOfDay(zone).toInstant();
        Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
        Instant to = endOfBucket(now);
        if (to.isAfter(end)) {
            to = end;
        }
        Instant weekFrom = d.minusDays(7).atStartOfDay(zone).toInstant();
        Instant weekTo = d.minusDays(6).atStartOfDay(zone).toInstant();
        reportsPending = true;
        gateway.callReport(report(from, to)).thenCombine(gateway.callReport(report(weekFrom, weekTo)),
                (today, lastWeek) -> {
                    applyReports(d, today, lastWeek);
                    return null;
                }).whenComplete((ok, e) -> {
                    if (closed || !d.equals(day)) {
                        return;
                    }
                    reportsPending = false;
                    Instant at = clock.instant();
                    if (e != null) {
                        log.info("wallboard: call reports unavailable ({}); next try in {} s", reason(e), RETRY.toSeconds());
                        nextReports = at.plus(RETRY);
                    } else {
                        nextReports = at.plus(settings.chartRefresh());
                    }
                });
    }

    private void applyReports(LocalDate d, CallReportResponse today, CallReportResponse lastWeek) {
        if (closed || !d.equals(day)) {
            return;
        }
        Instant now = clock.instant();
        int current = bucket(now);
        Instant start = d.atStartOfDay(zone).toInstant();
        long[] offered = new long[BUCKETS];
        long[] inLevel = new long[BUCKETS];
        long[] base = new long[BUCKETS];
        for (CallReportRow r : today.getRowsList()) {
            int b = bucket(start, instant(r.getBucketStart()));
            if (b >= 0) {
                offered[b] += r.getOffered();
                inLevel[b] += r.getAnsweredInServiceLevel();
                base[b] += r.getOffered() - r.getShortAbandoned();
            }
        }
        long cumulativeIn = 0;
        long cumulativeBase = 0;
        for (int b = 0; b < BUCKETS; b++) {
            boolean past = b <= current;
            callsToday[b] = past ? offered[b] : Double.NaN;
            cumulativeIn += inLevel[b];
            cumulativeBase += base[b];
            serviceLevelToday[b] = past && cumulativeBase > 0 ? 100.0 * cumulativeIn / cumulativeBase : Double.NaN;
        }
        Instant weekStart = d.minusDays(7).atStartOfDay(zone).toInstant();
        int weekBuckets = (int) (Duration.between(weekStart, d.minusDays(6).atStartOfDay(zone).toInstant()).toMinutes() / 15);
        Arrays.fill(callsLastWeek, Double.NaN);
        Arrays.fill(callsLastWeek, 0, Math.min(BUCKETS, weekBuckets), 0);
        for (CallReportRow r : lastWeek.getRowsList()) {
            int b = bucket(weekStart, instant(r.getBucketStart()));
            if (b >= 0) {
                callsLastWeek[b] += r.getOffered();
            }
        }
        chartsRevision.set(chartsRevision.get() + 1);
    }

    private void requestOrders(Instant now) {
        LocalDate d = day;
        ordersPending = true;
        gateway.workOrderSummary(WorkOrderSummaryRequest.newBuilder().setPeriod(WorkOrderSummaryPeriod.WORK_ORDER_SUMMARY_DAY)
                .setFrom(ts(d.atStartOfDay(zone).toInstant())).setTo(ts(d.plusDays(1).atStartOfDay(zone).toInstant())).build())
                .whenComplete((r, e) -> {
                    if (closed || !d.equals(day)) {
                        return;
                    }
                    ordersPending = false;
                    Instant at = clock.instant();
                    if (e != null) {
                        log.info("wallboard: work-order counts unavailable ({}); next try in {} s", reason(e), RETRY.toSeconds());
                        nextOrders = at.plus(RETRY);
                        return;
                    }
                    nextOrders = at.plus(settings.workOrderRefresh());
                    applyOrders(r);
                });
    }

    private void applyOrders(WorkOrderSummaryResponse r) {
        long created = 0;
        long resolved = 0;
        long returned = 0;
        long overdue = 0;
        for (WorkOrderSummaryRow row : r.getRowsList()) {
            created += row.getCreated();
            resolved += row.getResolved();
            returned += row.getReturned();
            overdue += row.getOverdue();
        }
        tile(Tile.WORK_ORDERS, String.valueOf(created), texts.get("wallboard.detail.work_orders", resolved, returned, overdue),
                overdue);
    }

    private static CallReportRequest report(Instant from, Instant to) {
        return CallReportRequest.newBuilder().setGrouping(ReportGrouping.REPORT_GROUPING_QUEUE)
                .setGranularity(ReportGranularity.REPORT_GRANULARITY_MINUTES_15).setFrom(ts(from)).setTo(ts(to)).build();
    }

    /** The bucket of today that holds {@code at}, or -1. */
    private int bucket(Instant at) {
        return bucket(day.atStartOfDay(zone).toInstant(), at);
    }

    private static int bucket(Instant dayStart, Instant at) {
        if (at.isBefore(dayStart)) {
            return -1;
        }
        long b = Duration.between(dayStart, at).toMinutes() / 15;
        return b < BUCKETS ? (int) b : -1;
    }

    /** The end of the 15-minute bucket that holds {@code t}: the report covers the current one too. */
    private static Instant endOfBucket(Instant t) {
        long q = BUCKET.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), q) * q + q);
    }

    private static String reason(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof io.grpc.StatusRuntimeException sre ? sre.getStatus().getCode() + ": " + sre.getStatus().getDescription()
                : String.valueOf(c.getMessage());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static String minutesSeconds(long seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f %%", p);
    }

    /** Releases the subscription; late results are dropped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // closing: nothing more to do with it
            }
            subscription = null;
        }
    }

    // ----- what the view binds to -----

    /** The figure tiles, in the configured order. */
    public List<TileModel> tiles() {
        return shown;
    }

    public TileModel tile(Tile t) {
        return requireNonNull(tiles.get(t), () -> "not a figure tile: " + t);
    }

    public WallboardSettings settings() {
        return settings;
    }

    public BulletinsViewModel bulletins() {
        return bulletins;
    }

    /** Calls offered per 15 minutes today (NaN after now). A copy: the view redraws from it. */
    public double[] callsToday() {
        return callsToday.clone();
    }

    /** Calls offered per 15 minutes on the same weekday last week. */
    public double[] callsLastWeek() {
        return callsLastWeek.clone();
    }

    /** Today's service level up to the end of each 15-minute bucket (NaN where there is none yet). */
    public double[] serviceLevelToday() {
        return serviceLevelToday.clone();
    }

    /** Changes whenever a chart's data changed. */
    public ReadOnlyIntegerProperty chartsRevisionProperty() {
        return chartsRevision;
    }

    public ReadOnlyObjectProperty<LinkState> linkProperty() {
        return link;
    }

    /** True while the figures may be old (connecting or reconnecting). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    /** The discreet line of the link's state; empty while connected. */
    public ReadOnlyStringProperty linkTextProperty() {
        return linkText;
    }

    public ReadOnlyStringProperty timeProperty() {
        return time;
    }

    public LocalDate day() {
        return day;
    }

    /** Statistics messages taken since the start (for the bench and the soak test). */
    public long statsSeen() {
        return statsSeen;
    }
}
