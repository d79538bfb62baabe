package org.hotline.supervisor.wallboard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the wallboard shows and when a figure turns amber or red, from a properties file
 * ({@code wallboard.properties} beside the desk settings, or {@code --board FILE}); every key is
 * optional and a missing file means the defaults:
 *
 * <pre>
 * tiles = calls_waiting, longest_wait, service_level, answered, abandoned, agents, work_orders,
 *         calls_chart, service_level_chart, bulletins
 * columns = 4
 * calls_waiting.warning = 5       calls_waiting.alarm = 10      (calls waiting, at or above)
 * longest_wait.warning = 30       longest_wait.alarm = 60       (seconds, at or above)
 * service_level.warning = 80      service_level.alarm = 70      (percent, below)
 * abandoned.warning = 5           abandoned.alarm = 10          (percent of offered, at or above)
 * agents.warning = 3              agents.alarm = 1              (agents Ready, below)
 * work_orders.warning = 1         work_orders.alarm = 5         (today's orders overdue, at or above)
 * charts.refresh_minutes = 5
 * work_orders.refresh_seconds = 60
 * </pre>
 */
public record WallboardSettings(List<Tile> tiles, int columns, Map<Tile, Threshold> thresholds, Duration chartRefresh,
                                Duration workOrderRefresh) {
    public static final String FILE_NAME = "wallboard.properties";

    private static final Map<Tile, double[]> DEFAULT_LIMITS = Map.of(
            Tile.CALLS_WAITING, new double[] {5, 10},
            Tile.LONGEST_WAIT, new double[] {30, 60},
            Tile.SERVICE_LEVEL, new double[] {80, 70},
            Tile.ABANDONED, new double[] {5, 10},
            Tile.AGENTS, new double[] {3, 1},
            Tile.WORK_ORDERS, new double[] {1, 5});
    private static final Set<String> GENERAL_KEYS = Set.of("tiles", "columns", "charts.refresh_minutes",
            "work_orders.refresh_seconds");

    public WallboardSettings {
        tiles = List.copyOf(tiles);
        thresholds = Map.copyOf(thresholds);
        requireNonNull(chartRefresh, "chartRefresh");
        requireNonNull(workOrderRefresh, "workOrderRefresh");
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("tiles: none (expected: at least one of " + names() + ")");
        }
        if (columns < 1 || columns > 8) {
            throw new IllegalArgumentException("columns: " + columns + " (expected: 1 to 8)");
        }
        if (chartRefresh.compareTo(Duration.ofMinutes(1)) < 0 || chartRefresh.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("charts.refresh_minutes: " + chartRefresh.toMinutes() + " (expected: 1 to 60)");
        }
        if (workOrderRefresh.compareTo(Duration.ofSeconds(10)) < 0 || workOrderRefresh.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("work_orders.refresh_seconds: " + workOrderRefresh.toSeconds()
                    + " (expected: 10 to 3600)");
        }
    }

    public static WallboardSettings defaults() {
        return from(new Properties());
    }

    /** The settings in {@code file}, or the defaults when there is no such file; a bad value names the key and what is expected. */
    public static WallboardSettings load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
        try {
            return from(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static WallboardSettings from(Properties p) {
        for (String key : p.stringPropertyNames()) {
            if (!GENERAL_KEYS.contains(key) && !isThresholdKey(key)) {
                throw new IllegalArgumentException("unknown key " + key + " (expected: " + GENERAL_KEYS
                        + " or <tile>.warning / <tile>.alarm for " + thresholdTiles() + ")");
            }
        }
        List<Tile> tiles = new ArrayList<>();
        String list = p.getProperty("tiles");
        if (list == null) {
            tiles.addAll(Arrays.asList(Tile.values()));
        } else {
            for (String name : list.split("[,\\s]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                Tile t = tile(name);
                if (tiles.contains(t)) {
                    throw new IllegalArgumentException("tiles: " + name + " twice (expected: each tile once)");
                }
                tiles.add(t);
            }
        }
        Map<Tile, Threshold> thresholds = new EnumMap<>(Tile.class);
        for (Map.Entry<Tile, double[]> d : DEFAULT_LIMITS.entrySet()) {
            Tile t = d.getKey();
            double warning = number(p, t.key() + ".warning", d.getValue()[0]);
            double alarm = number(p, t.key() + ".alarm", d.getValue()[1]);
            try {
                thresholds.put(t, new Threshold(t.direction(), warning, alarm));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(t.key() + ": " + e.getMessage(), e);
            }
        }
        int columns = (int) number(p, "columns", 4);
        Duration charts = Duration.ofMinutes((long) number(p, "charts.refresh_minutes", 5));
        Duration orders = Duration.ofSeconds((long) number(p, "work_orders.refresh_seconds", 60));
        return new WallboardSettings(tiles, columns, thresholds, charts, orders);
    }

    /** The tiles of one kind, in the configured order. */
    public List<Tile> tiles(Tile.Kind kind) {
        return tiles.stream().filter(t -> t.kind() == kind).toList();
    }

    public boolean shows(Tile tile) {
        return tiles.contains(tile);
    }

    private static boolean isThresholdKey(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String suffix = key.substring(dot + 1);
        String tile = key.substring(0, dot);
        return (suffix.equals("warning") || suffix.equals("alarm"))
                && DEFAULT_LIMITS.keySet().stream().anyMatch(t -> t.key().equals(tile));
    }

    private static Tile tile(String name) {
        try {
            return Tile.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tiles: unknown tile " + name + " (expected one of " + names() + ")", e);
        }
    }

    private static double number(Properties p, String key, double otherwise) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": " + v.trim() + " (expected: a number >= 0)", e);
        }
    }

    private static List<String> names() {
        return Arrays.stream(Tile.values()).map(Tile::key).toList();
    }

    private static List<String> thresholdTiles() {
        return Arrays.stream(Tile.values()).filter(DEFAULT_LIMITS::containsKey).map(Tile::key).toList();
    }
}
