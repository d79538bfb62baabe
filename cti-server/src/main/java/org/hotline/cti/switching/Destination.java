package org.hotline.cti.switching;

import static java.util.Objects.requireNonNull;

/** Where a call goes: an extension, a queue of the CTI router, or an outside number. */
public sealed interface Destination {
    record Extension(String extension) implements Destination {
        public Extension {
            requireNonNull(extension, "extension");
        }
    }

    /** Back to the CTI server's router: the switch raises a new RouteRequested for the call. */
    record Queue(String queueId) implements Destination {
        public Queue {
            requireNonNull(queueId, "queueId");
        }
    }

    record External(String number) implements Destination {
        public External {
            requireNonNull(number, "number");
        }
    }
}
