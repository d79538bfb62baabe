/**
 * The simulated PBX: an in-process {@link org.hotline.cti.switching.Switch} for the embedded
 * default, the demo, load runs and routing tests.
 *
 * <p>The public face: {@link org.hotline.cti.switching.sim.SimSwitch} (the switch, configured by
 * {@link org.hotline.cti.switching.sim.SimSwitchConfig} and {@link org.hotline.cti.switching.sim.FakePstn}),
 * and the caller side of the traffic generator, {@link org.hotline.cti.switching.sim.CallerTraffic},
 * fed with {@link org.hotline.cti.switching.sim.CallerStream}s (ready-made ones in
 * {@link org.hotline.cti.switching.sim.DemoCallers}). The agent side is not here: agents, real or
 * bots, act through the CTI server's commands. What the switch models and where it simplifies is
 * written down in docs/decisions/simulated-pbx.md.
 */
package org.hotline.cti.switching.sim;
