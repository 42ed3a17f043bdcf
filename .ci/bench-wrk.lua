-- wrk script for .ci/bench e2e (CLIENT=wrk). Run with as many threads as connections (-t N -c N): wrk has no
-- per-connection hook, so one connection per thread is what makes a thread's cookie jar one user's jar and its
-- requests sequential, like a browser's. Every response must be 200 and, with sessions, "count=N" must be the
-- user's previous count + 1 (a lost or stale session is an error); the counts of all threads are printed by done().

local kind = os.getenv("BENCH_KIND") or "session"
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    cookie = nil      -- globals, so that done() can read them through thread:get
    count = 0
    errors = 0
    responses = 0
end

function request()
    if cookie then
        return wrk.format("GET", nil, { ["Cookie"] = cookie })
    end
    return wrk.format("GET")
end

function response(status, headers, body)
    responses = responses + 1
    if status ~= 200 then
        errors = errors + 1
        return
    end
    local set = headers["Set-Cookie"]
    if set then
        cookie = string.match(set, "^[^;]+")
    end
    local n = tonumber(string.match(body, "^count=(%d+)"))
    if n == nil then
        errors = errors + 1
    elseif kind == "none" then
        if n ~= 0 then errors = errors + 1 end
    else
        if n ~= count + 1 then errors = errors + 1 end
        count = n
    end
end

function done(summary, latency, requests)
    local bad, seen = 0, 0
    for _, t in ipairs(threads) do
        bad = bad + t:get("errors")
        seen = seen + t:get("responses")
    end
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    io.write(string.format("wrk requests=%d seconds=%.2f rps=%.1f p50_us=%d p99_us=%d errors=%d checked=%d socket_errors=%d status_errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50), latency:percentile(99), bad + socket, seen, socket, e.status))
end
