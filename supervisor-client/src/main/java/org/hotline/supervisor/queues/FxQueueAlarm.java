package org.hotline.supervisor.queues;

import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One short tone (the desk's ring, played once) when a queue turns red; silent with --silent or without sound. */
public final class FxQueueAlarm implements QueueAlarm {
    private static final Logger log = LoggerFactory.getLogger(FxQueueAlarm.class);
    private final boolean enabled;
    private AudioClip clip;
    private boolean broken;

    public FxQueueAlarm(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void sound() {
        if (!enabled || broken) {
            return;
        }
        try {
            if (clip == null) {
                clip = new AudioClip(org.hotline.agent.ui.FxAlerts.class.getResource("ring.wav").toExternalForm());
                clip.setCycleCount(1);
            }
            clip.play();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            broken = true;
            log.warn("no alert sound on this machine ({}); queue alerts still show in colour", e.toString());
        }
    }
}
