package org.hotline.cti.switching;

import static java.util.Objects.requireNonNull;

/** One party of a call (CSTA: connection = call + device). */
public record ConnectionId(CallId call, String device) {
    public ConnectionId {
        requireNonNull(call, "call");
        requireNonNull(device, "device");
    }

    @Override
    public String toString() {
        return call + "/" + device;
    }
}
