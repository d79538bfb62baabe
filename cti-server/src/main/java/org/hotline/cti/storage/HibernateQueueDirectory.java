package org.hotline.cti.storage;

import java.util.List;

import org.hibernate.SessionFactory;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.QueueDirectory;

import static java.util.Objects.requireNonNull;

/** The {@link QueueDirectory} of one site, stored in the database. Blocks on the database. */
public final class HibernateQueueDirectory implements QueueDirectory {
    private final SessionFactory sessions;
    private final String siteId;

    public HibernateQueueDirectory(SessionFactory sessions, String siteId) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public List<QueueDefinition> queues() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from QueueEntity q where q.siteId = :site order by q.priority desc, q.queueId",
                        QueueEntity.class)
                .setParameter("site", siteId)
                .getResultList().stream()
                .map(QueueEntity::toDefinition)
                .toList());
    }
}
