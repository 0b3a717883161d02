package dev.termvault.app.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/**
 * Creates commands and mixins for picocli, handing each the shared pieces its constructor asks for:
 * {@link CliContext}, {@link GlobalOptions} or {@link VaultAccess}. Classes without such a constructor are
 * made by picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;
    private final GlobalOptions globalOptions = new GlobalOptions();
    private final VaultAccess vaultAccess;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliContext context) {
        this.context = context;
        this.vaultAccess = new VaultAccess(context, globalOptions);
    }

    GlobalOptions globalOptions() {
        return globalOptions;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(globalOptions);
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length > 0 && allShared(parameters)) {
                Object[] arguments = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    arguments[i] = shared(parameters[i]);
                }
                constructor.setAccessible(true);
                try {
                    return type.cast(constructor.newInstance(arguments));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        return fallback.create(type);
    }

    private static boolean allShared(Class<?>[] parameters) {
        for (Class<?> parameter : parameters) {
            if (parameter != CliContext.class && parameter != GlobalOptions.class && parameter != VaultAccess.class) {
                return false;
            }
        }
        return true;
    }

    private Object shared(Class<?> parameter) {
        if (parameter == CliContext.class) {
            return context;
        }
        return parameter == GlobalOptions.class ? globalOptions : vaultAccess;
    }
}
