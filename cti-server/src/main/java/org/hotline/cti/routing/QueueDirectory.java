package org.hotline.cti.routing;

import java.util.List;

/** The configured queues, as stored. May block: not called on the event loop. */
public interface QueueDirectory {
    List<QueueDefinition> queues();
}
