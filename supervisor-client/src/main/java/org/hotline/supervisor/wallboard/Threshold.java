package org.hotline.supervisor.wallboard;

import static java.util.Objects.requireNonNull;

/** The two limits of one tile, read in the tile's {@link Tile.Direction}. */
public record Threshold(Tile.Direction direction, double warning, double alarm) {
    public Threshold {
        requireNonNull(direction, "direction");
        if (direction == Tile.Direction.NONE) {
            throw new IllegalArgumentException("threshold: a tile without a direction takes none");
        }
        if (direction == Tile.Direction.HIGHER_IS_WORSE ? alarm < warning : alarm > warning) {
            throw new IllegalArgumentException("alarm " + fmt(alarm) + " and warning " + fmt(warning) + " (expected: alarm "
                    + (direction == Tile.Direction.HIGHER_IS_WORSE ? ">=" : "<=") + " warning)");
        }
    }

    public Level level(double value) {
        if (Double.isNaN(value)) {
            return Level.NORMAL;
        }
        if (direction == Tile.Direction.HIGHER_IS_WORSE) {
            return value >= alarm ? Level.ALARM : value >= warning ? Level.WARNING : Level.NORMAL;
        }
        return value < alarm ? Level.ALARM : value < warning ? Level.WARNING : Level.NORMAL;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
