package dev.fedcred.core.targets;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a kind's {@link TargetKind#check} looks at besides the target: the environment the tools
 * run with (the variables that may shadow what fedcred writes) and the clock.
 *
 * @param environment the process environment (a test gives its own)
 * @param live        whether to try the exchange against the cloud (a dry run: nothing is written)
 */
public record CheckContext(Map<String, String> environment, Clock clock, boolean live) {
    public CheckContext {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(clock, "clock");
    }

    /** The variable's value, or null when unset or blank. */
    public String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
