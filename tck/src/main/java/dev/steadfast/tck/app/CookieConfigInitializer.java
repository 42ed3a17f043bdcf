package dev.steadfast.tck.app;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

import java.util.Set;

/**
 * Sets the application's session cookie configuration programmatically, as an application or a framework would
 * before its context starts: name {@code initcookie}, HttpOnly off, max-age 600 seconds.
 */
public class CookieConfigInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        SessionCookieConfig config = ctx.getSessionCookieConfig();
        config.setName("initcookie");
        config.setHttpOnly(false);
        config.setMaxAge(600);
    }
}
