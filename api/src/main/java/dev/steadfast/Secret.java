package dev.steadfast;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an injection point whose configured value is a secret that Steadfast must validate at deployment.
 *
 * <p>Use it beside MicroProfile Config's {@code @ConfigProperty}:
 * <pre>{@code
 * @Inject @ConfigProperty(name = "jwt.secret") @Secret String jwtSecret;
 * }</pre>
 *
 * <p>{@code @Secret} is deliberately <em>not</em> a CDI qualifier, so MicroProfile Config's own producer still
 * satisfies the injection point. The implementation validates the value the application will actually receive,
 * including a {@code @ConfigProperty(defaultValue = ...)}. In production mode every finding (missing, too weak,
 * placeholder, publicly known, reused under another property) fails the deployment; the value itself never
 * appears in any message.
 *
 * <p>Secrets the application reads programmatically are not visible to CDI: list their property names in
 * {@link SteadfastProperties#VALIDATE} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Secret {

    /**
     * Minimum estimated strength of the secret, in bits. The default, 256, matches an HMAC-SHA256 key; lower it
     * only for secrets that are not MAC keys (an API token compared as a whole may use 128).
     *
     * @return the minimum strength in bits, at least 64
     */
    int minBits() default 256;
}
