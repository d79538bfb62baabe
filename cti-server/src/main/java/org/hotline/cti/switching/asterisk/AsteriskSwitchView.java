package org.hotline.cti.switching.asterisk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.cti.switching.SwitchEvent;

/**
 * A read-only look at the adapter's live model, handed out on the model thread by
 * {@link AsteriskSwitch#inspect}: calls with their connections, channels, and queue members.
 */
public final class AsteriskSwitchView {
    private final AsteriskCallModel model;

    AsteriskSwitchView(AsteriskCallModel model) {
        this.model = model;
    }

    public SwitchEvent.SwitchSnapshot calls() {
        return model.snapshot();
    }

    /** Channel name -> "call state [bridged]". */
    public Map<String, String> channels() {
        return model.channelView();
    }

    /** Device -> "name|status|queue:paused(reason),..." for every queue member. */
    public Map<String, String> agents() {
        Map<String, String> view = new LinkedHashMap<>();
        model.agents().forEach((device, agent) -> {
            StringBuilder sb = new StringBuilder(agent.name).append('|').append(agent.deviceStatus).append('|');
            agent.queues.forEach((queue, m) -> sb.append(queue).append(':').append(m.paused ? "paused(" + m.reason + ")" : "ready").append(','));
            if (sb.charAt(sb.length() - 1) == ',') {
                sb.setLength(sb.length() - 1);
            }
            view.put(device, sb.toString());
        });
        return view;
    }

    public int bridges() {
        return model.bridgeCount();
    }
}
