package org.hotline.agent.connection;

import org.hotline.api.v1.DeskEvent;

/**
 * What a desk session reports, always on the executor given at login (the FX thread in the app):
 * events of the desk stream (after every (re)connect the first one is a full snapshot) and link
 * changes ({@code detail} is the server's or the network's reason, for the log and banner).
 */
public interface DeskListener extends KeptStream.Listener<DeskEvent> {
}
