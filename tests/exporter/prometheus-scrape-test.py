#!/usr/bin/env python3
"""prometheus-scrape-test.py [--cli COMMAND] [--host URL] [--allow-insecure-tcp] ENGINE_ENV REPO OUTPUT_DIR

The exporter against a real Prometheus (Debian's 2.42) and the private engine:

1. `isolens-cli serve --listen 127.0.0.1:0` starts; its page passes `promtool check metrics`, answers
   text 0.0.4 without an Accept header and OpenMetrics for Prometheus' own, and names every metric the
   Grafana dashboard and the rules ask for (tests/exporter/dashboard-queries-match.py).
2. A private Prometheus scrapes it every second while `isolens-cli compare` runs a pair (runc against
   the engine's second runtime). Prometheus' answers for each side's memory and CPU over the pair's
   seconds are held against the pair's recording, and each side carries its labels.
3. A container removed between scrapes leaves no series: gone from the next page, and from Prometheus'
   instant query once it has scraped again.
4. SIGTERM ends the exporter cleanly (exit 0, "stopped").

--cli is the isolens-cli to test, as a command (default: isolens-cli; "wine64 .../isolens-cli.exe" for
the Windows build under Wine), and --host the engine's address for it (default: the private engine's
unix socket). Only the processes and containers this test starts are stopped or removed. No fixed port is used (the
system's Prometheus, if any, keeps 9090; an exporter elsewhere keeps 9464)."""
import argparse
import json
import shlex
import os
import pathlib
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

arguments = argparse.ArgumentParser()
arguments.add_argument("--cli", default="isolens-cli")
arguments.add_argument("--host")
arguments.add_argument("--allow-insecure-tcp", action="store_true")
arguments.add_argument("--stop-signal", default="TERM", help="the signal that stops the exporter: TERM or INT")
arguments.add_argument("engine_env")
arguments.add_argument("repo", type=pathlib.Path)
arguments.add_argument("output_dir", type=pathlib.Path)
options = arguments.parse_args()
engine_env, repo, output = options.engine_env, options.repo, options.output_dir
output.mkdir(parents=True, exist_ok=True)
failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message, flush=True)
    if not condition:
        failures.append(message)
    return condition


def engine_vars():
    values = {}
    for line in pathlib.Path(engine_env).read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, accept=None, timeout=5):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return reply.headers.get("Content-Type"), reply.read().decode("utf-8")


def wait_until(seconds, what, probe):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = probe()
            if last:
                return last
        except Exception as error:  # not up yet
            last = error
        time.sleep(0.2)
    raise RuntimeError(f"gave up after {seconds} s waiting for {what} (last: {last})")


def query(prometheus, expression, at=None):
    parameters = {"query": expression}
    if at is not None:
        parameters["time"] = f"{at:.3f}"
    _, body = http_get(f"{prometheus}/api/v1/query?" + urllib.parse.urlencode(parameters))
    answer = json.loads(body)
    if answer.get("status") != "success":
        raise RuntimeError(f"Prometheus refused {expression}: {answer}")
    return answer["data"]["result"]


def one_value(prometheus, expression, at):
    result = query(prometheus, expression, at)
    return float(result[0]["value"][1]) if len(result) == 1 else None


def served_ids(page):
    return {line.split('id="', 1)[1].split('"', 1)[0] for line in page.splitlines() if 'id="' in line}


engine = engine_vars()
docker_host = engine["ISOLENS_TEST_DOCKER_HOST"]
cli = shlex.split(options.cli) + ["-H", options.host or docker_host] + \
    (["--allow-insecure-tcp"] if options.allow_insecure_tcp else [])
image = engine["ISOLENS_TEST_IMAGE"]
second_runtime = engine["ISOLENS_TEST_SECOND_RUNTIME"]
workdir = pathlib.Path(tempfile.mkdtemp(prefix="isolens-prometheus-", dir=output))
started = []  # (process, name) this test started, stopped at the end whatever happens


def docker(*arguments):
    return subprocess.run(["docker", "-H", docker_host, *arguments], check=True, capture_output=True,
                          text=True).stdout.strip()


def start_exporter():
    command = cli + ["serve", "--listen", "127.0.0.1:0"]
    log = open(workdir / "serve.stderr", "w")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    started.append((process, "exporter"))
    line = process.stdout.readline().strip()
    if not line.startswith("serving http://"):
        raise RuntimeError(f"the exporter did not say where it serves: {line!r}; "
                           f"stderr: {(workdir / 'serve.stderr').read_text()}")
    return process, line[len("serving "):]


def main():
    exporter, metrics_url = start_exporter()
    exporter_target = metrics_url.split("//", 1)[1].split("/", 1)[0]
    print(f"exporter: {metrics_url}", flush=True)

    # 1. The page itself.
    content_type, page = http_get(metrics_url)
    (workdir / "exposition.txt").write_text(page)
    check(content_type == "text/plain; version=0.0.4; charset=utf-8", f"text 0.0.4 without Accept ({content_type})")
    lint = subprocess.run(["promtool", "check", "metrics"], input=page, capture_output=True, text=True)
    check(lint.returncode == 0, f"promtool check metrics finds no problem (rc {lint.returncode}: "
                                f"{(lint.stdout + lint.stderr).strip()})")
    openmetrics_accept = ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                          "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
    content_type, openmetrics = http_get(metrics_url, openmetrics_accept)
    check(content_type == "application/openmetrics-text; version=1.0.0; charset=utf-8" and
          openmetrics.endswith("# EOF\n"), f"OpenMetrics for Prometheus' Accept header ({content_type})")
    names = subprocess.run(
        [sys.executable, str(repo / "tests/exporter/dashboard-queries-match.py"),
         str(repo / "resources/grafana/isolens-dashboard.json"),
         str(repo / "resources/prometheus/isolens-rules.yml"), str(workdir / "exposition.txt")],
        capture_output=True, text=True)
    check(names.returncode == 0, "the dashboard and the rules name only metrics the exporter serves: " +
          (names.stdout + names.stderr).strip().replace("\n", "; "))

    # 2. A real Prometheus, scraping every second.
    prometheus_port = free_port()
    prometheus = f"http://127.0.0.1:{prometheus_port}"
    config = workdir / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n"
        "  - job_name: isolens\n"
        f"    static_configs: [{{targets: ['{exporter_target}']}}]\n")
    prometheus_log = open(workdir / "prometheus.log", "w")
    server = subprocess.Popen(
        ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={workdir / 'tsdb'}",
         f"--web.listen-address=127.0.0.1:{prometheus_port}", "--storage.tsdb.retention.time=1h"],
        stdout=prometheus_log, stderr=subprocess.STDOUT)
    started.append((server, "prometheus"))
    wait_until(60, "Prometheus to be ready", lambda: http_get(f"{prometheus}/-/ready")[1])
    wait_until(30, "the exporter's target to be up",
               lambda: any(r["value"][1] == "1" for r in query(prometheus, 'up{job="isolens"}')))
    check(True, "Prometheus scrapes the exporter (up == 1)")
    wait_until(15, "the exporter to reach the engine",
               lambda: query(prometheus, "isolens_engine_up == 1"))
    check(True, "the exporter reports its engine up")
    cpus = wait_until(15, "the host's figures", lambda: query(prometheus, "isolens_host_logical_cpus"))
    check(float(cpus[0]["value"][1]) == os.cpu_count(),
          f"the host's logical CPUs are this machine's ({cpus[0]['value'][1]}, os.cpu_count() {os.cpu_count()})")
    memory = query(prometheus, "isolens_host_memory_total_bytes")
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    check(len(memory) == 1 and abs(float(memory[0]["value"][1]) - total) <= 0.02 * total,
          f"the host's memory is this machine's ({memory[0]['value'][1] if memory else None} B, {total} B)")

    recording = workdir / "pair.jsonl"
    compare = subprocess.run(
        cli + ["compare", "--image", image, "--runtimes", f"runc,{second_runtime}",
                "--cmd", "sh -c 'while :; do :; done'", "--duration", "16", "--record", str(recording), "--json"],
        capture_output=True, text=True, timeout=120)
    if not check(compare.returncode == 0, f"the pair ran (rc {compare.returncode}: {compare.stderr.strip()[-300:]})"):
        return
    time.sleep(2.5)  # the last seconds scraped

    samples = {}
    for line in recording.read_text().splitlines():
        record = json.loads(line)
        if record.get("type") == "sample" and record.get("valid") and record.get("mode") in ("runc", second_runtime):
            samples.setdefault(record["mode"], []).append(record)
    for mode in ("runc", second_runtime):
        rows = samples.get(mode, [])
        if not check(len(rows) >= 10, f"{mode}: the recording has {len(rows)} samples"):
            continue
        container = rows[0]["id"]
        selector = f'{{id="{container}"}}'
        series = query(prometheus, f"last_over_time(container_memory_working_set_bytes{selector}[10m])")
        if not check(len(series) == 1, f"{mode}: Prometheus holds one memory series for {container[:12]}"):
            continue
        labels = series[0]["metric"]
        check(labels.get("isolens_mode") == mode and labels.get("runtime") == mode and
              labels.get("isolation") == "default" and labels.get("image") == image and
              labels.get("isolens_session", "") != "",
              f"{mode}: labelled isolens_mode, runtime, isolation, image and session ({labels})")
        # The same seconds: each recorded sample against what Prometheus held 1.5 s later (a scrape
        # every second reads the exporter's latest sample, itself at most a second old).
        window = rows[2:-1]
        memory_pairs = []
        for row in window:
            at = row["time_ns"] / 1e9 + 1.5
            value = one_value(prometheus, f"container_memory_working_set_bytes{selector}", at)
            if value is not None:
                memory_pairs.append((row["mem_bytes"], value))
        check(len(memory_pairs) >= len(window) - 2,
              f"{mode}: Prometheus has memory for {len(memory_pairs)} of {len(window)} recorded seconds")
        if memory_pairs:
            # A step in memory can fall between the two streams' seconds: most seconds must agree closely.
            differences = [abs(p - r) / max(r, 1) for r, p in memory_pairs]
            close = sum(d <= 0.10 for d in differences) / len(differences)
            check(statistics.median(differences) <= 0.05 and close >= 0.8,
                  f"{mode}: memory matches the recording (median difference {statistics.median(differences):.1%}, "
                  f"{close:.0%} of seconds within 10%, largest {max(differences):.1%}; "
                  f"recorded mean {statistics.mean(r for r, _ in memory_pairs):.0f} B)")
        first, last = window[0], window[-1]
        span = (last["time_ns"] - first["time_ns"]) / 1e9
        recorded_cpu = (last["cpu_seconds"] - first["cpu_seconds"]) / span * 100
        cpu_query = f'container_cpu_usage_seconds_total{{id="{container}",cpu="total"}}'
        begin = one_value(prometheus, cpu_query, first["time_ns"] / 1e9 + 1.5)
        end = one_value(prometheus, cpu_query, last["time_ns"] / 1e9 + 1.5)
        if check(begin is not None and end is not None, f"{mode}: Prometheus has the CPU counter at both ends"):
            scraped_cpu = (end - begin) / span * 100
            check(abs(scraped_cpu - recorded_cpu) <= max(15.0, 0.2 * recorded_cpu),
                  f"{mode}: CPU over {span:.1f} s matches the recording ({scraped_cpu:.1f}% scraped, "
                  f"{recorded_cpu:.1f}% recorded)")
        gone = query(prometheus, f"container_memory_working_set_bytes{selector}")
        check(gone == [], f"{mode}: the removed pair's series is stale in Prometheus now ({gone})")

    # 3. A container removed between scrapes leaves no series behind.
    name = f"isolens-exporter-test-{os.getpid()}"
    container = docker("run", "-d", "--name", name, image, "sleep", "300")
    try:
        wait_until(15, "the new container on the page", lambda: container in served_ids(http_get(metrics_url)[1]))
        wait_until(15, "Prometheus to scrape the new container",
                   lambda: query(prometheus, f'container_memory_working_set_bytes{{id="{container}"}}'))
        check(True, "a container started after the exporter is picked up from the engine's events")
    finally:
        docker("rm", "-f", container)
    removed_at = time.monotonic()
    wait_until(5, "the removed container to leave the page", lambda: container not in served_ids(http_get(metrics_url)[1]))
    check(time.monotonic() - removed_at < 5, "the removed container's series left the page")
    page = http_get(metrics_url)[1]
    check(container not in page, "no series of the removed container remains on the page")
    wait_until(10, "Prometheus to see the series go",
               lambda: query(prometheus, f'{{id="{container}"}}') == [])
    check(True, "Prometheus' instant query has no series of the removed container")

    # 4. A clean stop.
    exporter.send_signal(getattr(signal, "SIG" + options.stop_signal))
    try:
        code = exporter.wait(timeout=15)
    except subprocess.TimeoutExpired:
        code = None
    check(code == 0, f"SIG{options.stop_signal} ends the exporter with exit code 0 ({code})")
    check("stopped" in (workdir / "serve.stderr").read_text(), "the exporter says it stopped")


try:
    main()
except Exception as error:
    check(False, f"the test could not go on: {error}")
finally:
    for process, name in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
print(f"{len(failures)} failure(s); files in {workdir}")
sys.exit(1 if failures else 0)
