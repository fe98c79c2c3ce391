#!/usr/bin/env python3
"""dashboard-queries-match-selftest.py: the checker against a small exposition of its own, run as
ctest runs it. A good dashboard and rules pass; a metric the exposition does not serve fails, named
with its panel (also in a collapsed row), template variable or rule. Prints one "ok:"/"FAIL:" line per case."""
import json
import pathlib
import subprocess
import sys
import tempfile

CHECKER = pathlib.Path(__file__).with_name("dashboard-queries-match.py")

EXPOSITION = """\
# HELP demo_cpu_seconds_total Cumulative cpu time consumed in seconds.
# TYPE demo_cpu_seconds_total counter
demo_cpu_seconds_total{isolation="hyperv"} 1.5
# HELP demo_memory_bytes Current working set in bytes.
# TYPE demo_memory_bytes gauge
# HELP demo_build_info Build.
# TYPE demo_build_info gauge
demo_build_info{version="1"} 1
"""

RULES = """\
groups:
  - name: demo
    rules:
      - record: instance:demo_memory_bytes:sum
        expr: sum by (job, instance) (demo_memory_bytes)
      - alert: DemoDown
        expr: up{job="demo"} == 0
        for: 1m
"""

# Every PromQL corner the checker must not mistake for a metric: label names in {} and by (...),
# strings (one holding braces and a metric-like word), durations, numbers, keywords, functions,
# aggregations written both ways, and Grafana's variables.
GOOD_EXPRESSIONS = [
    'sum by (isolation) (rate(demo_cpu_seconds_total{instance=~"$instance", name="demo_not_a_metric"}[$__rate_interval]))',
    'demo_memory_bytes / on (instance) group_left (version) demo_build_info offset 5m',
    'max(demo_memory_bytes{name=~"a{1,2}"}) without (id) > bool 1.5e9 unless instance:demo_memory_bytes:sum',
    'count_values("version", demo_build_info) or absent(up{job="demo"}) * 2 ^ 0x10',
    'rate(demo_cpu_seconds_total[${__range}:1m]) and {__name__="demo_memory_bytes"}',
]


def dashboard(expressions, nested=(), variable="label_values(demo_build_info, instance)"):
    panels = [{"type": "timeseries", "title": f"Panel {n}", "id": n,
               "targets": [{"expr": expr, "refId": "A"}]} for n, expr in enumerate(expressions, 1)]
    panels.append({"type": "row", "title": "Collapsed row", "collapsed": True, "id": 100,
                   "panels": [{"type": "stat", "title": f"Nested {n}", "id": 100 + n,
                               "targets": [{"expr": expr, "refId": "B"}]} for n, expr in enumerate(nested, 1)]})
    return {"schemaVersion": 38, "panels": panels,
            "templating": {"list": [{"type": "datasource", "name": "datasource", "query": "prometheus"},
                                    {"type": "query", "name": "instance", "query": {"query": variable}}]}}


failures = 0


def case(what, work, board, rules, exposition, expect_rc, expect_words=()):
    global failures
    (work / "dashboard.json").write_text(json.dumps(board), encoding="utf-8")
    (work / "rules.yml").write_text(rules, encoding="utf-8")
    (work / "metrics.txt").write_text(exposition, encoding="utf-8")
    run = subprocess.run([sys.executable, str(CHECKER), str(work / "dashboard.json"), str(work / "rules.yml"),
                          str(work / "metrics.txt")], capture_output=True, text=True)
    passed = run.returncode == expect_rc and all(word in run.stdout for word in expect_words)
    print(("ok: " if passed else "FAIL: ") + what)
    if not passed:
        print(f"  exit {run.returncode} (expected {expect_rc}), expected words {list(expect_words)}; output:\n"
              + run.stdout + run.stderr)
        failures += 1


with tempfile.TemporaryDirectory() as directory:
    work = pathlib.Path(directory)
    case("a dashboard and rules naming only served metrics, up and a recording rule pass",
         work, dashboard(GOOD_EXPRESSIONS, nested=["demo_memory_bytes"]), RULES, EXPOSITION, 0)
    case("an unknown metric in a panel fails, naming the panel and the metric",
         work, dashboard(GOOD_EXPRESSIONS + ['sum by (isolation) (demo_missing_bytes{isolation="hyperv"})']),
         RULES, EXPOSITION, 1, ['panel "Panel 6"', "unknown metric demo_missing_bytes"])
    case("an unknown metric in a collapsed row's panel fails, naming the panel and its row",
         work, dashboard(GOOD_EXPRESSIONS, nested=["rate(demo_missing_seconds_total[5m])"]), RULES, EXPOSITION, 1,
         ['panel "Nested 1" in row "Collapsed row"', "unknown metric demo_missing_seconds_total"])
    case("a counter named without the _total its TYPE line carries fails",
         work, dashboard(["rate(demo_cpu_seconds[5m])"]), RULES, EXPOSITION, 1, ["unknown metric demo_cpu_seconds"])
    case("an unknown metric in a template variable's query fails, naming the variable",
         work, dashboard(GOOD_EXPRESSIONS, variable="label_values(demo_missing_info, instance)"), RULES,
         EXPOSITION, 1, ['template variable "instance"', "unknown metric demo_missing_info"])
    case("an unknown metric in an alert's expression fails, naming the alert",
         work, dashboard(GOOD_EXPRESSIONS),
         RULES + "      - alert: DemoHigh\n        expr: demo_missing_bytes > 1\n", EXPOSITION, 1,
         ['alert "DemoHigh"', "unknown metric demo_missing_bytes"])
    case("a name that is no PromQL function fails",
         work, dashboard(["rated(demo_cpu_seconds_total[5m])"]), RULES, EXPOSITION, 1,
         ['panel "Panel 1"', "rated() is no PromQL function"])
    case("an exposition with no # TYPE line fails",
         work, dashboard(["up"]), RULES, "demo_memory_bytes 1\n", 1, ["declares no family"])

print(f"{failures} of 8 cases failed" if failures else "all 8 cases passed")
sys.exit(1 if failures else 0)
