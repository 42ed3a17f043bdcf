package dev.steadfast.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The clause of {@code docs/spec.md} a test checks, e.g. {@code @Clause("SESSION-3")}. Repeat it when one test checks
 * several clauses. Every clause of the spec is named by at least one test of the kit; {@code ClauseCoverageTest}
 * fails the kit's own build otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Clauses.class)
public @interface Clause {

    /** @return the clause id, e.g. {@code CODEC-5} */
    String value();
}
