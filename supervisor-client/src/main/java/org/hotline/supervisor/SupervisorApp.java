package org.hotline.supervisor;

import org.hotline.agent.AgentApp;
import org.hotline.agent.DeskExtension;
import org.hotline.agent.DeskOptions;

/** The team lead's desk: the agent desk with the supervisor's tabs. */
public final class SupervisorApp extends AgentApp {
    @Override
    protected DeskExtension extension() {
        return new SupervisorDesk(!DeskOptions.parse(getParameters().getRaw()).silent());
    }
}
