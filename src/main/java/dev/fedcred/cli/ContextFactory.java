package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Gives each command the composition root through its constructor, where it asks for one. */
final class ContextFactory implements CommandLine.IFactory {
    private final FedcredContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(FedcredContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(FedcredContext.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
