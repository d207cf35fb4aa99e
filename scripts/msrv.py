#!/usr/bin/env python3
"""Checks that Cargo.toml's rust-version is honest: no dependency in Cargo.lock declares a newer
minimum Rust than mandat does, and the toolchain here is at least that version.

Run by .ci/run. No toolchain other than the installed one can be fetched here, so this checks the
declaration against what every crate says it needs, rather than building with an old compiler.
"""
import json
import subprocess
import sys


def version(text):
    return tuple(int(part) for part in text.split("."))


meta = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
)
ours = next(p for p in meta["packages"] if p["name"] == "mandat")
declared = ours.get("rust_version")
if not declared:
    sys.exit("Cargo.toml declares no rust-version")
needs = [
    (version(p["rust_version"]), p["name"])
    for p in meta["packages"]
    if p.get("rust_version") and p["name"] != "mandat"
]
newer = sorted(n for n in needs if n[0] > version(declared))
if newer:
    names = ", ".join(f"{name} ({'.'.join(map(str, v))})" for v, name in newer)
    sys.exit(f"rust-version {declared} is too low: {names} need newer Rust")
rustc = subprocess.run(["rustc", "--version"], check=True, capture_output=True, text=True).stdout
installed = rustc.split()[1].split("-")[0]
if version(installed) < version(declared):
    sys.exit(f"rustc {installed} is older than rust-version {declared}")
highest = max(needs)[0] if needs else version(declared)
print(f"rust-version {declared}: covers every dependency (highest {'.'.join(map(str, highest))}); rustc {installed}")
