package org.hotline.agent.desk;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.BooleanProperty;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.LinkState;

import static java.util.Objects.requireNonNull;

/** The banner over the desk while the link to the server is down, and whether the desk may send commands. */
public final class LinkViewModel {
    private final Messages messages;
    private final ObjectProperty<LinkState> state = new SimpleObjectProperty<>(LinkState.CONNECTING);
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty online = new SimpleBooleanProperty();

    public LinkViewModel(Messages messages) {
        this.messages = requireNonNull(messages, "messages");
        banner.set(messages.get("link.connecting"));
    }

    public void onLink(LinkState s, String detail) {
        state.set(s);
        online.set(s == LinkState.CONNECTED);
        banner.set(switch (s) {
            case CONNECTED -> "";
            case CONNECTING -> messages.get("link.connecting");
            case RECONNECTING -> messages.get("link.reconnecting");
            case ENDED -> messages.get("link.ended", detail == null ? "" : detail);
        });
    }

    public ReadOnlyObjectProperty<LinkState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online;
    }
}
