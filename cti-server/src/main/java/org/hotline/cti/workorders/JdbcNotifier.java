package org.hotline.cti.workorders;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** {@link Notifier} on table {@code notifications}, with in-process subscribers for the streams. */
public final class JdbcNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(JdbcNotifier.class);

    private final DataSource dataSource;
    private final String siteId;
    private final Clock clock;
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    public JdbcNotifier(DataSource dataSource, String siteId, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Notification send(Notification n) {
        long id = Sql.read(dataSource, c -> Sql.insert(c, "INSERT INTO notifications (site_id, recipient_id,"
                        + " work_order_id, kind, message, created_at) VALUES (?, ?, ?, ?, ?, ?)", siteId, n.recipientId(),
                n.workOrderId(), n.kind(), truncate(n.message()), n.at()));
        Notification stored = new Notification(id, n.recipientId(), n.workOrderId(), n.orderNo(), n.kind(), n.message(), n.at());
        for (Consumer<Notification> l : listeners) {
            try {
                l.accept(stored);
            } catch (RuntimeException e) {
                // One broken subscriber must not cost the others their notification; it is kept in the table.
                log.warn("notification subscriber failed on {} for {}: {}", n.kind(), n.recipientId(), e.toString());
            }
        }
        return stored;
    }

    @Override
    public List<Notification> unread(String recipientId) {
        return Sql.read(dataSource, c -> {
            List<Notification> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT n.id, n.work_order_id, w.order_no, n.kind, n.message,"
                    + " n.created_at FROM notifications n LEFT JOIN work_orders w ON w.id = n.work_order_id"
                    + " WHERE n.site_id = ? AND n.recipient_id = ? AND n.read_at IS NULL ORDER BY n.id")) {
                Sql.bind(s, siteId, recipientId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        list.add(new Notification(r.getLong(1), recipientId, r.getLong(2), r.getString(3),
                                Notification.Kind.valueOf(r.getString(4)), r.getString(5), Sql.instant(r, "created_at")));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void markRead(String recipientId, long upToId) {
        Sql.read(dataSource, c -> Sql.update(c, "UPDATE notifications SET read_at = ? WHERE site_id = ?"
                + " AND recipient_id = ? AND id <= ? AND read_at IS NULL", clock.instant(), siteId, recipientId, upToId));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Notification> listener) {
        listeners.add(requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
