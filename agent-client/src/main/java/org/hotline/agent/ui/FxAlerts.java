package org.hotline.agent.ui;

import javafx.scene.media.AudioClip;
import javafx.stage.Stage;
import org.hotline.agent.desk.DeskAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rings (a telephone ring in the headset) and brings the desk's window to the front when a call arrives. */
public final class FxAlerts implements DeskAlerts {
    private static final Logger log = LoggerFactory.getLogger(FxAlerts.class);
    private final Stage stage;
    private AudioClip ring;
    private boolean soundBroken;

    public FxAlerts(Stage stage) {
        this.stage = stage;
    }

    @Override
    public void ringing() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
        if (soundBroken) {
            return;
        }
        try {
            if (ring == null) {
                ring = new AudioClip(FxAlerts.class.getResource("ring.wav").toExternalForm());
                ring.setCycleCount(AudioClip.INDEFINITE);
            }
            ring.play();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            soundBroken = true;
            log.warn("no ring sound on this machine ({}); calls still show and the window comes forward", e.toString());
        }
    }

    @Override
    public void quiet() {
        if (ring != null) {
            ring.stop();
        }
    }
}
