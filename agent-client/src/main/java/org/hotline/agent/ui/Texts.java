package org.hotline.agent.ui;

import java.util.concurrent.Callable;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.hotline.agent.Messages;

/** Texts of the views bound to a language that may change (the login window switches live). */
public final class Texts {
    private Texts() {
    }

    public static StringBinding of(ObservableValue<Messages> messages, String key, Object... args) {
        Callable<String> text = () -> messages.getValue().get(key, args);
        return Bindings.createStringBinding(text, messages);
    }
}
