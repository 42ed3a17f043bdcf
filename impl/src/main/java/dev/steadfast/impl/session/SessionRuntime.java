package dev.steadfast.impl.session;

import dev.steadfast.Mode;
import dev.steadfast.codec.SessionCodec;

import jakarta.servlet.ServletContext;

import java.time.Clock;
import java.util.Objects;

/**
 * One application's session machinery, shared by all its requests: settings, codec, clock, rejection counters and
 * the hook that sees every session.
 *
 * @param settings   resolved settings
 * @param codec      the codec, holding the key ring
 * @param mode       the mode (a session changed after commit is an error in development, a warning in production)
 * @param clock      the time source
 * @param rejections rejection counters
 * @param context    the servlet context, returned by {@code HttpSession.getServletContext()}
 * @param hook       what sees each verified session and each commit
 */
public record SessionRuntime(SessionSettings settings, SessionCodec codec, Mode mode, Clock clock,
                             RejectionLog rejections, ServletContext context, SessionHook hook) {

    public SessionRuntime {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rejections, "rejections");
        Objects.requireNonNull(hook, "hook");
    }

    /**
     * A runtime whose hook admits every session and ignores commits: today's behaviour.
     *
     * @param settings   resolved settings
     * @param codec      the codec, holding the key ring
     * @param mode       the mode
     * @param clock      the time source
     * @param rejections rejection counters
     * @param context    the servlet context
     */
    public SessionRuntime(SessionSettings settings, SessionCodec codec, Mode mode, Clock clock,
                          RejectionLog rejections, ServletContext context) {
        this(settings, codec, mode, clock, rejections, context, SessionHook.NONE);
    }
}
