package dev.fedcred.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once, whichever thread asks first. The composition root wraps the
 * parts that load big libraries (the AWS SDK, Google's auth library, the Nimbus OIDC SDK) in it,
 * so a command or a first frame that never needs them never loads them.
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> factory;
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public T get() {
        T built = value;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (value == null) {
                value = Objects.requireNonNull(factory.get(), "a lazy value's factory returned null");
                factory = null;
            }
            return value;
        }
    }

    /** Whether {@link #get()} has built the value yet. */
    public boolean isBuilt() {
        return value != null;
    }
}
