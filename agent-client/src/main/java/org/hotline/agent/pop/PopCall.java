package org.hotline.agent.pop;

/**
 * The call the screen pop is about: its id, the caller's number, and whether it is still on this
 * desk (the card stays after the call ends, so the agent can finish the work order).
 */
public record PopCall(String callId, String callerNumber, boolean live) {
}
