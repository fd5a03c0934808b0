package dev.fedcred.cli;

import dev.fedcred.core.gcp.setup.GcpSetupFacts;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --condition none|email|subject}, in lower case as people type it. */
final class ConditionConverter implements ITypeConverter<GcpSetupFacts.Condition> {
    @Override
    public GcpSetupFacts.Condition convert(String value) {
        try {
            return GcpSetupFacts.Condition.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected none, email or subject, was " + value);
        }
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(GcpSetupFacts.Condition.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
