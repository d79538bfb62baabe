package org.hotline.cti.routing;

/** The router's decision: offer {@code callId} to {@code agentId}. */
public record Assignment(String callId, String agentId) {}
