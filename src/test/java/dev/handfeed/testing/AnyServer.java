package dev.handfeed.testing;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test that holds on any Jakarta EE server the WAR deploys to: the build runs it against Payara Micro
 * and again against WildFly (the "any-server" Failsafe group in pom.xml). Where the servers legitimately differ, the
 * test says so with {@link Server#kind()}. ITs without it run on Payara Micro only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArquillianExtension.class)
@Tag("any-server")
public @interface AnyServer {
}
