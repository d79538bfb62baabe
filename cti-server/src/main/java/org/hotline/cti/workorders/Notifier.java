package org.hotline.cti.workorders;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells users about their work orders. Notifications are kept until read, so a desk that was
 * offline finds them; {@link #subscribe} is the hook the desk streams attach to for live ones.
 */
public interface Notifier {
    /** Keeps {@code n} for its recipient and passes it to the subscribers; returns it with its id. */
    Notification send(Notification n);

    /** The recipient's unread notifications, oldest first. */
    List<Notification> unread(String recipientId);

    void markRead(String recipientId, long upToId);

    /** Called with every notification after it is stored; returns a handle that unsubscribes. */
    AutoCloseable subscribe(Consumer<Notification> listener);
}
