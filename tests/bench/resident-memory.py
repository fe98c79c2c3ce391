#!/usr/bin/env python3
"""Groups a process's resident memory (a copy of /proc/PID/smaps) by who it belongs to.

   Usage: resident-memory.py SMAPS [TOTALS]   (TOTALS: a file to write "group MiB" lines to, for scripts)

Wine copies a Windows DLL or EXE whose sections are not page-aligned in the file (mingw-w64 links
with 512-byte file alignment) into anonymous memory: only its header page keeps the file's name.
So a mapping is charged to the image whose range [header, header + SizeOfImage) holds it, and
SizeOfImage is read from the file's PE header; only what lies outside every image is anonymous.
"""
import os
import re
import struct
import sys

GROUPS = [
    ("gl", "Mesa/LLVM/GL (libLLVM, *_dri.so, libGL*, opengl32, wined3d, d3d*)"),
    ("wine", "Wine itself (its DLLs, .so's, loader, NLS files)"),
    ("qt", "Qt (Qt6* libraries and plugins)"),
    ("exe", "IsoLens' program image"),
    ("runtime", "the C++ runtime (libstdc++, libgcc, winpthread)"),
    ("anon", "anonymous (malloc, Windows heaps, stacks, JIT code)"),
    ("heap", "[heap] (the Unix side's brk heap)"),
    ("other", "other files (libc, X11, fonts, gnutls, X shared memory ...)"),
]
GL_LIBRARY = re.compile(r"^lib(gl|glx\w*|gldispatch|glapi|gles\w*|egl\w*|gbm|drm\w*)\.so")
MAPPING = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) \S+ ([0-9a-f]+) \S+ \S+\s*(.*)$")


def image_size(path):
    """SizeOfImage from a PE file's optional header, or 0 if it is not a PE file."""
    try:
        with open(path, "rb") as file:
            header = file.read(4096)
        (pe_offset,) = struct.unpack_from("<I", header, 0x3C)
        if header[:2] != b"MZ" or header[pe_offset:pe_offset + 4] != b"PE\0\0":
            return 0
        (size,) = struct.unpack_from("<I", header, pe_offset + 4 + 20 + 56)
        return size
    except (OSError, struct.error):
        return 0


def group_of(path):
    name = os.path.basename(path).lower()
    if not path or path.startswith("[anon"):
        return "anon"
    if path == "[heap]":
        return "heap"
    if path.startswith("["):
        return "anon"  # [stack], [vvar], [vdso]
    if (name.startswith(("libllvm", "opengl32.", "wined3d.", "d3d")) or name.endswith("_dri.so")
            or GL_LIBRARY.match(name)):
        return "gl"
    if "/wine/" in path or name.startswith("wine") or "/.wine-" in path:
        return "wine"
    if name.startswith(("qt6", "libqt6")) or ("/plugins/" in path and name.endswith((".dll", ".so"))):
        return "qt"
    if name in ("isolens.exe", "isolens"):
        return "exe"
    if name.startswith(("libstdc++", "libgcc_s", "libwinpthread")):
        return "runtime"
    return "other"


def main():
    mappings = []  # [start, end, path, rss kB]
    with open(sys.argv[1]) as smaps:
        for line in smaps:
            match = MAPPING.match(line)
            if match:
                mappings.append([int(match[1], 16), int(match[2], 16), match[4].strip(), 0, int(match[3], 16)])
            elif line.startswith("Rss:") and mappings:
                mappings[-1][3] = int(line.split()[1])
    images = []
    for start, _, path, _, offset in mappings:
        if offset == 0 and path.lower().endswith((".dll", ".exe", ".drv", ".sys")):
            size = image_size(path)
            if size:
                images.append((start, start + size, path))
    totals = {key: 0 for key, _ in GROUPS}
    files = {}
    for start, _, path, rss, _ in mappings:
        owner = next((image for image in images if image[0] <= start < image[1]), None)
        if owner:
            path = owner[2]
        key = group_of(path)
        totals[key] += rss
        if key not in ("anon", "heap"):
            files.setdefault(key, {}).setdefault(os.path.basename(path), 0)
            files[key][os.path.basename(path)] += rss
    print(f"      resident {sum(totals.values()) / 1024:6.1f} MiB:")
    for key, label in GROUPS:
        largest = sorted(files.get(key, {}).items(), key=lambda item: -item[1])[:3]
        detail = ", ".join(f"{name} {rss / 1024:.1f}" for name, rss in largest if rss >= 512)
        print(f"      {totals[key] / 1024:6.1f} MiB  {label}" + (f"; largest: {detail}" if detail else ""))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as out:
            for key, _ in GROUPS:
                out.write(f"{key} {totals[key] / 1024:.1f}\n")
            out.write(f"total {sum(totals.values()) / 1024:.1f}\n")


if __name__ == "__main__":
    main()
