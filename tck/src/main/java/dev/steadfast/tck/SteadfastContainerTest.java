package dev.steadfast.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A kit test class that deploys WARs to the container chosen by {@code arquillian.launch}: runs it with Arquillian
 * and tags it {@value Tags#CONTAINER}. The kit's Arquillian extension adds the implementation under test to every
 * WAR of such a class (see {@code tck/README.md}). Such classes are named {@code *IT}, so Failsafe runs them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ArquillianExtension.class)
@Tag(Tags.CONTAINER)
public @interface SteadfastContainerTest {
}
