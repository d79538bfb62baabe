package org.hotline.cti.switching.asterisk;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI {@code BlindTransfer} (Asterisk 12+), which asterisk-java 3.42 has no class for. */
public final class BlindTransferAction extends AbstractManagerAction {
    private static final long serialVersionUID = 1L;
    private final String channel;
    private final String context;
    private final String exten;

    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return context;
    }

    public String getExten() {
        return exten;
    }
}
