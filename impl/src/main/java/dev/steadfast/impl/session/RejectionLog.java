package dev.steadfast.impl.session;

import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.message.Message;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts rejected cookies by reason and logs each reason at most once a minute, never with the cookie value: a
 * flood of forged cookies must not become a flood of log lines.
 */
public final class RejectionLog {

    private static final long INTERVAL_MILLIS = 60_000;

    private final Clock clock;
    private final String app;
    private final AtomicLongArray counts = new AtomicLongArray(Rejection.values().length);
    private final AtomicLongArray lastLogged = new AtomicLongArray(Rejection.values().length);
    private final AtomicLong total = new AtomicLong();

    /**
     * @param app   the application, for log lines
     * @param clock the time source
     */
    public RejectionLog(String app, Clock clock) {
        this.app = app;
        this.clock = clock;
        for (int i = 0; i < lastLogged.length(); i++) {
            lastLogged.set(i, Long.MIN_VALUE / 2);
        }
    }

    /**
     * @param reason why a cookie was rejected
     */
    public void record(Rejection reason) {
        int i = reason.ordinal();
        long count = counts.incrementAndGet(i);
        total.incrementAndGet();
        long now = clock.millis();
        long last = lastLogged.get(i);
        if (now - last >= INTERVAL_MILLIS && lastLogged.compareAndSet(i, last, now)) {
            Message.REJECTED.log(app, reason, count);
        }
    }

    /** @return counts by reason, for metrics and tests */
    public Map<Rejection, Long> counts() {
        Map<Rejection, Long> out = new EnumMap<>(Rejection.class);
        for (Rejection r : Rejection.values()) {
            out.put(r, counts.get(r.ordinal()));
        }
        return out;
    }

    /** @return all rejections so far */
    public long total() {
        return total.get();
    }
}
