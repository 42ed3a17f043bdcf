package dev.steadfast.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A kit test class that checks the implementation through {@code dev.steadfast.spi.SteadfastProvider} alone, in the
 * test JVM, without a container: tagged {@value Tags#SPI}. The provider comes from
 * {@link dev.steadfast.tck.spi.ProviderUnderTest}. Such classes are named {@code *Test}, so Surefire runs them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(Tags.SPI)
public @interface SteadfastSpiTest {
}
