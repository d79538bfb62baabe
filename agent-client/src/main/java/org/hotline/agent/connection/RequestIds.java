package org.hotline.agent.connection;

import java.util.UUID;

/** Client request ids: unique per command, reused by the retries of that one command. */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        return UUID.randomUUID().toString();
    }
}
