#!/usr/bin/env python3
"""Tables and plots from .ci/bench's raw output: bench-report.py DOCS_PERF_DIR.

Reads raw/throughput-*.txt, raw/memory-*.txt and raw/jmh-*.json; writes summary.md, *.dat and, with gnuplot,
throughput.png, latency.png and heap.png next to them.
"""
import json
import os
import re
import statistics
import subprocess
import sys

base = sys.argv[1]
raw = os.path.join(base, "raw")
VARIANTS = ["none", "memory", "cookie", "steadfast"]
out = []


def spread(values):
    return min(values), statistics.median(values), max(values)


def fmt(t, digits=0):
    return " / ".join(f"{v:,.{digits}f}" for v in t)


# End to end.
rows = {}
for v in VARIANTS:
    path = os.path.join(raw, f"throughput-{v}.txt")
    if not os.path.exists(path):
        continue
    runs = []
    cpu = []
    for line in open(path):
        if line.startswith("run="):
            kv = dict(p.split("=") for p in line.split())
            runs.append(kv)
    if runs:
        rows[v] = {k: spread([float(r[k]) for r in runs]) for k in ("rps", "p50_us", "p99_us", "errors",
                                                                      "client_cpu_pct")}
        rows[v]["n"] = len(runs)
        # Runs by the wrk client also record the server's CPU (percent of a core): CPU time per request.
        if all("server_cpu_pct" in r for r in runs):
            rows[v]["server_us"] = spread([float(r["server_cpu_pct"]) * 1e4 / float(r["rps"]) for r in runs])
if rows:
    out.append("## End to end (min / median / max over the runs)\n")
    out.append("| Variant | runs | requests/s | p50 latency (ms) | p99 latency (ms) | errors per run | client CPU (% of a core) "
               "| server CPU per request (us) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    with open(os.path.join(base, "throughput.dat"), "w") as dat:
        dat.write("# variant rps_min rps_median rps_max p50_ms(min med max) p99_ms(min med max)\n")
        for v, r in rows.items():
            p50 = tuple(x / 1000 for x in r["p50_us"])
            p99 = tuple(x / 1000 for x in r["p99_us"])
            out.append(f"| {v} | {r['n']} | {fmt(r['rps'])} | {fmt(p50, 2)} | {fmt(p99, 2)} | {fmt(r['errors'])} "
                       f"| {fmt(r['client_cpu_pct'])} | {fmt(r['server_us'], 1) if 'server_us' in r else 'n/a'} |")
            dat.write(f"{v} {r['rps'][0]} {r['rps'][1]} {r['rps'][2]} {' '.join(map(str, p50))} "
                      f"{' '.join(map(str, p99))}\n")
    out.append("")

# Memory.
mem = {}
for v in VARIANTS:
    path = os.path.join(raw, f"memory-{v}.txt")
    if not os.path.exists(path):
        continue
    points = []
    for line in open(path):
        m = re.match(r"sessions=(\d+) heapUsed=(\d+) heapCommitted=(\d+) containerSessions=(\d+)", line)
        if m:
            points.append(tuple(int(g) for g in m.groups()))
    mem[v] = points
if mem:
    out.append("## Server heap after creating sessions (used heap after System.gc(), MiB)\n")
    steps = sorted({p[0] for pts in mem.values() for p in pts})
    out.append("| Sessions created | " + " | ".join(f"{v} (MiB)" for v in mem) + " | "
               + " | ".join(f"{v}: container sessions" for v in mem) + " |")
    out.append("|---:|" + "---:|" * (2 * len(mem)))
    with open(os.path.join(base, "heap.dat"), "w") as dat:
        dat.write("# sessions " + " ".join(mem) + " (MiB used after GC)\n")
        for s in steps:
            vals = []
            cs = []
            for v, pts in mem.items():
                p = next((p for p in pts if p[0] == s), None)
                vals.append(p[1] / 2**20 if p else float("nan"))
                cs.append(str(p[3]) if p else "-")
            out.append(f"| {s:,} | " + " | ".join(f"{x:,.1f}" for x in vals) + " | " + " | ".join(cs) + " |")
            dat.write(f"{s} " + " ".join(f"{x:.2f}" for x in vals) + "\n")
    for v, pts in mem.items():
        if len(pts) >= 2 and pts[-1][0] > pts[0][0]:
            per = (pts[-1][1] - pts[0][1]) / (pts[-1][0] - pts[0][0])
            out.append(f"\n{v}: {per:,.0f} bytes of heap per session (from {pts[0][0]:,} to {pts[-1][0]:,} sessions).")
    out.append("")

# JMH.
jmh_files = sorted(f for f in os.listdir(raw) if f.startswith("jmh-") and f.endswith(".json"))
if jmh_files:
    out.append("## JMH (score and 99.9% error as JMH reports them)\n")
    out.append("| Result file | Benchmark | Mode | Score | ± | Unit | Iterations (min / median / max) |")
    out.append("|---|---|---|---:|---:|---|---|")
    for f in jmh_files:
        try:
            data = json.load(open(os.path.join(raw, f)))
        except ValueError:
            continue
        scores = {}
        for b in data:
            name = b["benchmark"].rsplit(".", 1)[1]
            pm = b["primaryMetric"]
            flat = [x for fork in pm.get("rawData", []) for x in fork]
            err = pm.get("scoreError")
            err = "n/a" if err is None or err != err else f"{err:,.3f}"
            it = fmt(spread(flat), 3) if flat else ""
            out.append(f"| {f[:-5]} | {name} | {b['mode']} | {pm['score']:,.3f} | {err} | {pm['scoreUnit']} | {it} |")
            scores[name] = pm["score"]
        if "roundTrip" in scores and "rawHmac" in scores:
            out.append(f"| {f[:-5]} | **roundTrip / rawHmac** | | **{scores['roundTrip'] / scores['rawHmac']:.1f} x** | | | |")
        if "roundTrip" in scores and "nimbusRoundTrip" in scores:
            out.append(f"| {f[:-5]} | **nimbusRoundTrip / roundTrip** | | **{scores['nimbusRoundTrip'] / scores['roundTrip']:.1f} x** | | | |")
    out.append("")

with open(os.path.join(base, "summary.md"), "w") as f:
    f.write("<!-- Generated by .ci/bench report from docs/perf/raw; do not edit. -->\n\n" + "\n".join(out) + "\n")
print("\n".join(out))

gp = []
if rows:
    gp.append(f"""set terminal pngcairo size 800,480 font ',11'
set output '{base}/throughput.png'
set title 'BenchServlet on embedded Tomcat 10.1: throughput (median, bars min..max)'
set ylabel 'requests per second'
set yrange [0:*]
set style fill solid 0.6 border -1
set boxwidth 0.6
set grid ytics
unset key
plot '{base}/throughput.dat' using 0:3:xtic(1) with boxes lc rgb '#4477aa', \\
     '' using 0:3:2:4 with yerrorbars lc rgb 'black' pt 0 lw 2, \\
     '' using 0:3:(sprintf('%.0f', $3)) with labels offset 0,1.2
set output '{base}/latency.png'
set title 'Latency per variant (median over runs; bars min..max)'
set ylabel 'milliseconds'
set key top left
set boxwidth 0.3
set xrange [-0.5:2.5]
plot '{base}/throughput.dat' using ($0-0.17):6 with boxes lc rgb '#66ccee' title 'p50', \\
     '' using ($0-0.17):6:5:7 with yerrorbars lc rgb 'black' pt 0 notitle, \\
     '' using ($0+0.17):9:xtic(1) with boxes lc rgb '#ee6677' title 'p99', \\
     '' using ($0+0.17):9:8:10 with yerrorbars lc rgb 'black' pt 0 notitle
""")
if mem:
    cols = list(mem)
    plots = ", ".join(f"'{base}/heap.dat' using 1:{i + 2} with linespoints lw 2 pt 7 title '{v}'"
                      for i, v in enumerate(cols))
    gp.append(f"""set terminal pngcairo size 800,480 font ',11'
set output '{base}/heap.png'
set title 'Server heap used after GC vs sessions created'
set xlabel 'sessions created'
set ylabel 'MiB'
set yrange [0:*]
set xrange [0:*]
set grid
set key top left
set format x '%.0s%c'
plot {plots}
""")
if gp:
    subprocess.run(["gnuplot"], input="\n".join(gp), text=True, check=True)
