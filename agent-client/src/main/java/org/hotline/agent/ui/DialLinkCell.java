package org.hotline.agent.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell showing a phone number as a click-to-dial link. The cell keeps one link and one
 * tooltip and only changes their texts: a new link per update (each with its skin and CSS) made
 * every refresh of the pop's timeline and the call history build a dozen controls on the FX thread.
 */
public final class DialLinkCell<R, T> extends TableCell<R, T> {
    private final Hyperlink link = new Hyperlink();
    private final Tooltip tip = new Tooltip();
    private final Function<T, String> number;
    private final Function<String, String> tipText;

    /**
     * @param number  the number to show and dial for the cell's item ("" or null: nothing shown)
     * @param tipText the tooltip for a number
     * @param dial    what a click does with the cell's item
     */
    public DialLinkCell(Function<T, String> number, Function<String, String> tipText, Consumer<T> dial) {
        this.number = number;
        this.tipText = tipText;
        link.getStyleClass().add("dial-link");
        link.setTooltip(tip);
        link.setOnAction(e -> {
            if (getItem() != null) {
                dial.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        String n = empty || item == null ? null : number.apply(item);
        if (n == null || n.isBlank()) {
            setGraphic(null);
            return;
        }
        link.setText(n);
        tip.setText(tipText.apply(n));
        setGraphic(link);
    }
}
