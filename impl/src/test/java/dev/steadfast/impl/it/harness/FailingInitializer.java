package dev.steadfast.impl.it.harness;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** A ServletContainerInitializer that refuses to start the application, as Steadfast's will on a bad secret. */
public class FailingInitializer implements ServletContainerInitializer {

    public static final String MESSAGE = "HARNESS-SCI-FAILURE: refused on purpose";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        throw new ServletException(MESSAGE);
    }
}
