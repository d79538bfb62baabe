package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.util.function.Supplier;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

import static java.util.Objects.requireNonNull;

/** asterisk-java's own ManagerConnection whose socket is tapped (see {@link FrameTapSocket}). */
final class TappedManagerConnection extends ManagerConnectionImpl {
    private final Supplier<AmiFrameAssembler> assemblers;

    TappedManagerConnection(Supplier<AmiFrameAssembler> assemblers) {
        this.assemblers = requireNonNull(assemblers, "assemblers");
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        // A fresh assembler per TCP connection: a half frame from a broken link must not glue onto the next.
        return new FrameTapSocket(super.createSocket(), assemblers.get());
    }
}
