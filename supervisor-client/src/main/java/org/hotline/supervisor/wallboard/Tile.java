package org.hotline.supervisor.wallboard;

import java.util.Locale;

/** What the wallboard can show, by the names its settings file uses ({@code calls_waiting}, ...). */
public enum Tile {
    CALLS_WAITING(Kind.NUMBER, Direction.HIGHER_IS_WORSE),
    LONGEST_WAIT(Kind.NUMBER, Direction.HIGHER_IS_WORSE),
    SERVICE_LEVEL(Kind.NUMBER, Direction.LOWER_IS_WORSE),
    ANSWERED(Kind.NUMBER, Direction.NONE),
    ABANDONED(Kind.NUMBER, Direction.HIGHER_IS_WORSE),
    AGENTS(Kind.NUMBER, Direction.LOWER_IS_WORSE),
    WORK_ORDERS(Kind.NUMBER, Direction.HIGHER_IS_WORSE),
    CALLS_CHART(Kind.CHART, Direction.NONE),
    SERVICE_LEVEL_CHART(Kind.CHART, Direction.NONE),
    BULLETINS(Kind.TICKER, Direction.NONE);

    /** Where the board puts it: the grid of figures, the row of charts, or the ticker at the bottom. */
    public enum Kind { NUMBER, CHART, TICKER }

    /**
     * How a threshold reads: higher-is-worse tiles turn amber at or above {@code warning} and red
     * at or above {@code alarm}; lower-is-worse ones below them.
     */
    public enum Direction { HIGHER_IS_WORSE, LOWER_IS_WORSE, NONE }

    private final Kind kind;
    private final Direction direction;

    Tile(Kind kind, Direction direction) {
        this.kind = kind;
        this.direction = direction;
    }

    public Kind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    /** The name in the settings file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
