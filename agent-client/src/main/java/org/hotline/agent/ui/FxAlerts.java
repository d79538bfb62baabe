package org.hotline.agent.ui;

import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import org.hotline.agent.desk.DeskAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rings (a telephone ring in the headset) and brings the desk's window to the front when a call arrives. */
public final class FxAlerts implements DeskAlerts {
    private static final Logger log = LoggerFactory.getLogger(FxAlerts.class);
    private final Stage stage;
    private final boolean sound;
    private MediaPlayer ring;
    private boolean soundBroken;

    /** @param sound false for a desk whose phone rings by itself (the option {@code --silent}) */
    public FxAlerts(Stage stage, boolean sound) {
        this.stage = stage;
        this.sound = sound;
    }

    @Override
    public void ringing() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
        if (!sound || soundBroken) {
            return;
        }
        try {
            if (ring == null) {
                Media media = new Media(FxAlerts.class.getResource("ring.wav").toExternalForm());
                media.setOnError(() -> noSound(media.getError()));
                ring = new MediaPlayer(media);
                ring.setOnError(() -> noSound(ring.getError()));
                ring.setCycleCount(MediaPlayer.INDEFINITE);
            }
            ring.play();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            noSound(e);
        }
    }

    private void noSound(Throwable why) {
        if (!soundBroken) {
            soundBroken = true;
            log.warn("no ring sound on this machine ({}); calls still show and the window comes forward", why);
        }
    }

    @Override
    public void quiet() {
        if (ring != null && !soundBroken) {
            ring.stop();
        }
    }
}
