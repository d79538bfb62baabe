package org.hotline.agent.desk;

/** How the desk gets the agent's attention: a ring sound and the window brought forward. */
public interface DeskAlerts {
    /** A call started ringing on this desk. */
    void ringing();

    /** No call rings here any more (answered, taken back, or gone). */
    void quiet();

    /** Do nothing: for tests and for a desk without sound. */
    DeskAlerts NONE = new DeskAlerts() {
        @Override
        public void ringing() {
        }

        @Override
        public void quiet() {
        }
    };
}
