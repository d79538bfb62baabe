package org.hotline.supervisor.wallboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import static java.util.Objects.requireNonNull;

/** One figure on the board: its title, the big value, a line under it and its colour. */
public final class TileModel {
    private final Tile tile;
    private final String title;
    private final StringProperty value = new SimpleStringProperty("–");
    private final StringProperty detail = new SimpleStringProperty("");
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.NORMAL);

    TileModel(Tile tile, String title) {
        this.tile = requireNonNull(tile, "tile");
        this.title = requireNonNull(title, "title");
    }

    void show(String value, String detail, Level level) {
        // Setting an equal string fires nothing: a second of unchanged figures costs no layout.
        this.value.set(value);
        this.detail.set(detail);
        this.level.set(level);
    }

    public Tile tile() {
        return tile;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level;
    }
}
