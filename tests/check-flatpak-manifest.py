#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest against the sandbox and source policy.

Usage: check-flatpak-manifest.py MANIFEST.json

Prints TAP. Exits non-zero when any check fails.
"""

import json
import re
import sys

APP_ID = "io.github.appealdesk.AppealDesk"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
MIN_RUNTIME_VERSION = 49
COMMAND = "appeal-desk"
# Files come in through portals and all data is local: no filesystem or
# network permission. Add --share=network only with a feature that needs it.
FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
BUNDLED = ("poppler-data", "poppler")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class Failure(Exception):
    pass


def require(condition, message):
    if not condition:
        raise Failure(message)


def check_identity(manifest):
    app_id = manifest.get("app-id", manifest.get("id"))
    require(app_id == APP_ID, f"app-id is {app_id!r}, expected {APP_ID!r}")
    require(manifest.get("command") == COMMAND,
            f"command is {manifest.get('command')!r}, expected {COMMAND!r}")


def check_runtime(manifest):
    require(manifest.get("runtime") == RUNTIME,
            f"runtime is {manifest.get('runtime')!r}, expected {RUNTIME!r}")
    require(manifest.get("sdk") == SDK,
            f"sdk is {manifest.get('sdk')!r}, expected {SDK!r}")
    version = str(manifest.get("runtime-version", ""))
    require(re.fullmatch(r"\d+", version) is not None,
            f"runtime-version {version!r} is not a stable GNOME release number")
    require(int(version) >= MIN_RUNTIME_VERSION,
            f"runtime-version {version} is older than {MIN_RUNTIME_VERSION}")


def check_finish_args(manifest):
    args = manifest.get("finish-args", [])
    require(len(args) == len(set(args)), f"duplicate finish-args in {args}")
    for arg in args:
        require(not arg.startswith("--filesystem="),
                f"{arg} grants file access; files must come through portals")
    require(set(args) == FINISH_ARGS,
            f"finish-args are {sorted(args)}, expected exactly {sorted(FINISH_ARGS)}")


def module_by_name(manifest, name):
    for module in manifest.get("modules", []):
        if isinstance(module, dict) and module.get("name") == name:
            return module
    raise Failure(f"module {name!r} is missing")


def check_archive_sources(module):
    sources = [s for s in module.get("sources", []) if s.get("type") == "archive"]
    require(sources, f"module {module['name']!r} has no archive source")
    for source in sources:
        url = source.get("url", "")
        sha = source.get("sha256", "")
        require(url.startswith("https://"),
                f"{module['name']}: source URL {url!r} is not https")
        require(SHA256_RE.fullmatch(sha) is not None,
                f"{module['name']}: sha256 {sha!r} is not 64 lowercase hex digits")
        # flatpak-builder ignores members starting with "x-": say where a
        # pinned hash was read, so the next update can check the same place.
        require(source.get("x-sha256-from", "").strip() != "",
                f"{module['name']}: no x-sha256-from saying where the sha256 comes from")


def check_bundled(manifest):
    names = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
    for name in BUNDLED:
        check_archive_sources(module_by_name(manifest, name))
    require(names.index("poppler-data") < names.index("poppler"),
            "poppler-data must be built before poppler")


def check_app_module(manifest):
    modules = manifest.get("modules", [])
    require(modules, "manifest has no modules")
    last = modules[-1]
    require(isinstance(last, dict) and last.get("name") == "appeal-desk",
            "the last module must be appeal-desk")
    require(last.get("buildsystem") == "meson",
            f"appeal-desk buildsystem is {last.get('buildsystem')!r}, expected 'meson'")
    sources = last.get("sources", [])
    require(any(s.get("type") == "dir" for s in sources) or
            any(s.get("type") == "git" for s in sources),
            "appeal-desk must be built from the source tree (dir or git source)")


CHECKS = [
    ("app-id and command", check_identity),
    ("runtime", check_runtime),
    ("finish-args", check_finish_args),
    ("bundled poppler sources", check_bundled),
    ("application module", check_app_module),
]


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"Bail out! cannot read {argv[1]}: {e}")
        return 1

    print(f"1..{len(CHECKS)}")
    failed = 0
    for number, (name, check) in enumerate(CHECKS, start=1):
        try:
            check(manifest)
            print(f"ok {number} - {name}")
        except Failure as e:
            failed += 1
            print(f"not ok {number} - {name}")
            print(f"# {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
