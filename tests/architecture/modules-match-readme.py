#!/usr/bin/env python3
"""modules-match-readme.py REPO: the README's table of the core's modules against the tree.

Each row of the table under "### The core's modules" names a module and the modules it uses. The
folders of core/ must be exactly the table's modules, and each folder's CMakeLists.txt must declare
exactly the modules the row says it uses (DEPENDS of isolens_core_module)."""
import pathlib
import re
import sys

repo = pathlib.Path(sys.argv[1])
readme = (repo / "README.md").read_text(encoding="utf-8")
section = readme.split("### The core's modules", 1)[1].split("\n## ", 1)[0]
table = {}
for line in section.splitlines():
    row = re.match(r"\| `([a-z]+)` \|([^|]*)\|", line)
    if row:
        table[row.group(1)] = {word.strip() for word in row.group(2).split(",") if word.strip()}

failures = []
folders = {p.name for p in (repo / "core").iterdir() if p.is_dir()}
if folders != set(table):
    failures.append(f"core/ has {sorted(folders)}, the README's table {sorted(table)}")
for module, uses in sorted(table.items()):
    cmake = repo / "core" / module / "CMakeLists.txt"
    if not cmake.exists():
        failures.append(f"{cmake} is missing")
        continue
    call = re.search(r"isolens_core_module\(\s*" + module + r"\b(.*?)\)", cmake.read_text(), re.S)
    if not call:
        failures.append(f"{cmake} does not call isolens_core_module({module} ...)")
        continue
    depends = re.search(r"DEPENDS\s+([a-z\s]+?)\s*(?:SOURCES|WINDOWS|POSIX|$)", call.group(1))
    declared = set(depends.group(1).split()) if depends else set()
    if declared != uses:
        failures.append(f"{module}: CMakeLists.txt uses {sorted(declared)}, the README says {sorted(uses)}")
    if not (repo / "core" / module / "include" / "isolens" / "core" / module).is_dir():
        failures.append(f"core/{module} has no include/isolens/core/{module}/")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(table)} modules checked")
sys.exit(1 if failures else 0)
