#!/usr/bin/python3
# Checks a Debian copyright file in copyright-format 1.0 (DEP-5): it parses strictly (python3-debian),
# names the format, says IsoLens is GPL-3+, has a text for every licence it names, and covers every
# Qt/OpenSSL library the given programs link (so the file follows the linking).
#   Usage: dep5-check.py COPYRIGHT [PROGRAM...]   Prints one "ok:"/"FAIL:" line per check.
import re
import subprocess
import sys

from debian import copyright as dep5

failures = 0


def check(what, passed):
    global failures
    print(("ok: " if passed else "FAIL: ") + what, file=sys.stdout if passed else sys.stderr)
    failures += 0 if passed else 1


path, programs = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    text = f.read()
try:
    parsed = dep5.Copyright(text.splitlines(keepends=True), strict=True)
except Exception as error:  # any parse error is the one failure worth reporting
    check(f"{path} parses as copyright-format 1.0 ({error})", False)
    sys.exit(1)
check(f"{path} parses as copyright-format 1.0", True)
check("its Format: names copyright-format 1.0",
      parsed.header.format == "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
check("its header says GPL-3+", parsed.header.license.synopsis == "GPL-3+")
check("IsoLens' own files (Files: *) are GPL-3+",
      parsed.find_files_paragraph("app/cli/main.cpp").license.synopsis == "GPL-3+")

texts = {p.license.synopsis for p in parsed.all_license_paragraphs()}
for paragraph in parsed.all_files_paragraphs():
    names = re.split(r"\s+(?:or|and)\s+", paragraph.license.synopsis)
    missing = [n for n in names if n not in texts and not paragraph.license.text]
    check(f"every licence of Files: {paragraph.files[0]} has its text (missing: {missing})", not missing)

for component in ("usr/include/boost/beast.hpp", "usr/include/nlohmann/json.hpp", "usr/include/CLI/CLI.hpp"):
    found = parsed.find_files_paragraph(component)
    check(f"it names the licence of {component} (Files: {found.files[0] if found else None})",
          found is not None and found.files != ("*",))

for program in programs:
    dynamic = subprocess.run(["readelf", "-d", program], capture_output=True, text=True, check=True).stdout
    for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[((?:libQt6|libssl|libcrypto|libprometheus-cpp|libcivetweb)[^\]]*)\]", dynamic):
        found = parsed.find_files_paragraph(f"usr/lib/x86_64-linux-gnu/{soname}")
        check(f"it names the licence of {soname}, linked by {program.rsplit('/', 1)[-1]}"
              f" (Files: {found.files[0] if found else None})",
              found is not None and found.files != ("*",))
sys.exit(1 if failures else 0)
