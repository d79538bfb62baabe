package org.hotline.agent.knowledge;

/** Where "copy" puts text: the system clipboard on the desk, a plain field in tests. */
@FunctionalInterface
public interface TextClipboard {
    void put(String text);
}
