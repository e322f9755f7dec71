package io.fashionae.testing;

import io.fashionae.config.Engine;
import io.fashionae.model.EngineChoice;

/** Engine choices for tests that build a {@code TrainingJob} on a fixed engine. */
public final class TestEngines {
    /** The native kit, as {@code --engine native} resolves. */
    public static final EngineChoice NATIVE = new EngineChoice(Engine.NATIVE, "test");
    /** DL4J's own layers, as {@code --engine dl4j} resolves. */
    public static final EngineChoice DL4J = new EngineChoice(Engine.DL4J, "test");

    private TestEngines() {}
}
