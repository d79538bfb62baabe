package org.hotline.supervisor.wallboard;

/** How a tile's figure stands against its thresholds: its colour on the board. */
public enum Level {
    NORMAL,
    WARNING,
    ALARM;

    /** The style class the board gives a tile at this level. */
    public String styleClass() {
        return "wb-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
