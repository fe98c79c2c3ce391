#!/usr/bin/env python3
"""dashboard-queries-match.py DASHBOARD_JSON RULES_YML EXPOSITION_FILE: every metric the Grafana
dashboard and the Prometheus rules ask for is one the exporter serves.

The metric names are read from every PromQL expression: the dashboard's panel targets (rows' nested
panels too), its template variables' queries and annotation queries, and the rules' expr. Each name
must be a family the exposition declares (its "# TYPE" lines; a 0.0.4 counter's line carries the name
ending in _total), Prometheus' own `up`, or a recording rule of the rules file. EXPOSITION_FILE "-" is
standard input, so `curl -s http://127.0.0.1:9464/metrics | ... -` works.
Exit 0 when all match, 1 with one FAIL line per unknown name (naming the panel or rule), 2 on bad input."""
import json
import re
import sys

import yaml  # python3-yaml (.ci/install-deps.sh)

# Series Prometheus writes itself for every target; only `up` is allowed, as the dashboard needs no other.
PROMETHEUS_OWN = {"up"}

# PromQL's functions (Prometheus 2.42) and aggregation operators. Keywords and aggregators are
# case-insensitive in PromQL; function names are not.
FUNCTIONS = {
    "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh", "avg_over_time",
    "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh", "count_over_time", "day_of_month",
    "day_of_week", "day_of_year", "days_in_month", "deg", "delta", "deriv", "end", "exp", "floor",
    "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_sum", "holt_winters", "hour",
    "idelta", "increase", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10", "log2",
    "max_over_time", "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time",
    "quantile_over_time", "rad", "rate", "resets", "round", "scalar", "sgn", "sin", "sinh", "sort",
    "sort_desc", "sqrt", "start", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan", "tanh",
    "time", "timestamp", "vector", "year",
}
AGGREGATORS = {"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk",
               "topk", "quantile"}
GROUPING = {"by", "without", "on", "ignoring", "group_left", "group_right"}  # may take a (label, ...) list
KEYWORDS = {"offset", "bool", "and", "or", "unless", "atan2"}

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)
  | (?P<variable>\$\{[^}]*\}|\$[A-Za-z0-9_]+|\[\[[^\]]*\]\])
  | (?P<duration>(?:\d+(?:ms|[smhdwy]))+(?![A-Za-z0-9_:]))
  | (?P<number>0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<identifier>[A-Za-z_:][A-Za-z0-9_:]*)
  | (?P<operator>=~|!~|!=|==|<=|>=|[-+*/%^<>=,(){}\[\]@])
""", re.X)


class QueryError(Exception):
    pass


def tokens(expr):
    """The expression's tokens as (kind, text), without spaces and comments."""
    out, position = [], 0
    while position < len(expr):
        match = TOKEN.match(expr, position)
        if not match:
            raise QueryError(f"cannot read {expr[position:position + 20]!r}")
        if match.lastgroup not in ("space", "comment"):
            out.append((match.lastgroup, match.group()))
        position = match.end()
    return out


def _closing(toks, start, opening, closing):
    """The index of the token closing toks[start] (an `opening`)."""
    depth = 0
    for index in range(start, len(toks)):
        if toks[index] == ("operator", opening):
            depth += 1
        elif toks[index] == ("operator", closing):
            depth -= 1
            if depth == 0:
                return index
    raise QueryError(f"no {closing!r} for the {opening!r}")


def _unquote(literal):
    body = literal[1:-1]
    return body if literal[0] == "`" else re.sub(r"\\(.)", r"\1", body)


def metric_names(expr):
    """The metric names a PromQL expression selects, in order. Raises QueryError on what is not PromQL."""
    toks = tokens(expr)
    names, index = [], 0
    while index < len(toks):
        kind, text = toks[index]
        following = toks[index + 1] if index + 1 < len(toks) else (None, None)
        if (kind, text) == ("operator", "{"):
            end = _closing(toks, index, "{", "}")
            matchers = toks[index + 1:end]
            for position, (matcher_kind, label) in enumerate(matchers):
                # {__name__="metric"} names a metric too.
                if (matcher_kind, label) == ("identifier", "__name__") and matchers[position + 1:position + 2] == \
                        [("operator", "=")] and position + 2 < len(matchers) and matchers[position + 2][0] == "string":
                    names.append(_unquote(matchers[position + 2][1]))
            index = end + 1
            continue
        if (kind, text) == ("operator", "["):  # a range or subquery: durations, variables, ':'
            index = _closing(toks, index, "[", "]") + 1
            continue
        if kind == "identifier":
            word = text.lower()
            if word in GROUPING:
                index = _closing(toks, index + 1, "(", ")") + 1 if following == ("operator", "(") else index + 1
                continue
            if word in KEYWORDS or word in ("inf", "nan"):
                index += 1
                continue
            if following == ("operator", "(") or (word in AGGREGATORS and following[0] == "identifier"
                                                   and following[1].lower() in ("by", "without")):
                if text not in FUNCTIONS and word not in AGGREGATORS:
                    raise QueryError(f"{text}() is no PromQL function")
                index += 1
                continue
            names.append(text)
        index += 1
    return names


def variable_query_names(query):
    """The metric names of a Grafana Prometheus template variable's query."""
    query = query.strip()
    call = re.fullmatch(r"(label_values|label_names|metrics|query_result)\s*\((.*)\)", query, re.S)
    if not call:
        return metric_names(query)  # Grafana reads any other query as a series selector
    function, argument = call.groups()
    if function == "query_result":
        return metric_names(argument)
    if function == "label_values":
        # label_values(label) or label_values(selector, label): the selector is the part before the
        # last comma outside braces.
        depth, split = 0, None
        for position, character in enumerate(argument):
            depth += {"{": 1, "(": 1, "}": -1, ")": -1}.get(character, 0)
            if character == "," and depth == 0:
                split = position
        return metric_names(argument[:split]) if split is not None else []
    return []  # label_names(), metrics(regex): no metric named


def dashboard_queries(dashboard):
    """(where, expression, is a template variable) for every query of a dashboard."""
    if "dashboard" in dashboard and "panels" not in dashboard:  # the HTTP API's wrapping
        dashboard = dashboard["dashboard"]
    found = []

    def walk(panels, row):
        for panel in panels or []:
            title = panel.get("title") or f"id {panel.get('id')}"
            where = f'panel "{title}"' + (f' in row "{row}"' if row else "")
            for target in panel.get("targets") or []:
                if target.get("expr"):
                    found.append((f"{where}, query {target.get('refId', '?')}", str(target["expr"]), False))
            walk(panel.get("panels"), title if panel.get("type") == "row" else row)

    walk(dashboard.get("panels"), None)
    for old_row in dashboard.get("rows") or []:  # dashboards older than schema 16
        walk(old_row.get("panels"), old_row.get("title"))
    for variable in (dashboard.get("templating") or {}).get("list") or []:
        if variable.get("type") != "query":
            continue
        query = variable.get("query")
        if isinstance(query, dict):
            query = query.get("query")
        if query:
            found.append((f'template variable "{variable.get("name")}"', str(query), True))
    for annotation in (dashboard.get("annotations") or {}).get("list") or []:
        if annotation.get("expr"):
            found.append((f'annotation "{annotation.get("name")}"', str(annotation["expr"]), False))
    return found


def rules_queries(rules):
    """(where, expression) for every rule, and the names the recording rules define."""
    found, recorded = [], set()
    for group in (rules or {}).get("groups") or []:
        for rule in group.get("rules") or []:
            if "record" in rule:
                recorded.add(rule["record"])
                where = f'recording rule "{rule["record"]}" (group {group.get("name")})'
            else:
                where = f'alert "{rule.get("alert")}" (group {group.get("name")})'
            found.append((where, str(rule.get("expr", ""))))
    return found, recorded


def exposition_families(text):
    """The names an exposition serves, from its # TYPE lines (0.0.4 text; OpenMetrics' bare counter
    names and histogram/summary series are allowed their suffixes too)."""
    served = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "#" and parts[1] == "TYPE":
            name, kind = parts[2], parts[3]
            served.add(name)
            if kind == "counter" and not name.endswith("_total"):
                served.add(name + "_total")
            if kind in ("histogram", "gaugehistogram", "summary"):
                served.update(name + suffix for suffix in ("_bucket", "_sum", "_count", "_created"))
    return served


def check(dashboard, rules, exposition_text):
    """The failures, one line each, and a summary line."""
    served = exposition_families(exposition_text)
    failures = []
    if not served:
        failures.append("the exposition declares no family (no # TYPE line)")
    rule_list, recorded = rules_queries(rules)
    queries = dashboard_queries(dashboard)
    queries += [(where, expr, False) for where, expr in rule_list]
    if not queries:
        failures.append("the dashboard and the rules hold no PromQL expression")
    known = served | PROMETHEUS_OWN | recorded
    names_checked = 0
    for where, expr, variable in queries:
        try:
            names = variable_query_names(expr) if variable else metric_names(expr)
        except QueryError as error:
            failures.append(f"{where}: {error} in {expr!r}")
            continue
        names_checked += len(names)
        for name in names:
            if name not in known:
                failures.append(f"{where}: unknown metric {name} (not served, not up, not a recording rule)")
    summary = (f"{len(queries)} expressions, {names_checked} metric names, against {len(served)} served "
               f"families and {len(recorded)} recording rules")
    return failures, summary


def main(argv):
    if len(argv) != 4:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as file:
            dashboard = json.load(file)
        with open(argv[2], encoding="utf-8") as file:
            rules = yaml.safe_load(file)
        if argv[3] == "-":
            exposition = sys.stdin.read()
        else:
            with open(argv[3], encoding="utf-8") as file:
                exposition = file.read()
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"dashboard-queries-match: {error}", file=sys.stderr)
        return 2
    failures, summary = check(dashboard, rules, exposition)
    for failure in failures:
        print("FAIL:", failure)
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
