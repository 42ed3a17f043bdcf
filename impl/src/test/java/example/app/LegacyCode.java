package example.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Application code outside Steadfast's packages (whose frames STEADFAST-3004 skips as its own), doing what a
 * framework holding the original request does: reach past the wrapper to the container's session.
 */
public final class LegacyCode {

    private LegacyCode() {
    }

    /** @param req Steadfast's wrapped request */
    public static void createContainerSession(HttpServletRequest req) {
        ((HttpServletRequest) ((HttpServletRequestWrapper) req).getRequest()).getSession(true);
    }
}
