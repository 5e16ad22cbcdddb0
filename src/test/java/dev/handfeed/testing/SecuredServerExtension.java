package dev.handfeed.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the one {@link SecuredServer} to the test classes that ask for it (constructor or method parameter). It
 * lives in JUnit's root store: started by the first class, stopped when the whole run ends, so every server boot
 * saved is 15-30 s saved.
 */
public final class SecuredServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecuredServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SecuredServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SecuredServer.class, key -> SecuredServer.start(), SecuredServer.class);
    }
}
