#!/usr/bin/env python3
"""Sizes of the browser bundle in target/site/pkg, raw and brotli (quality 11, each file on its
own, as a server sends it).

The release build is split (`cargo leptos build --split`): every page first loads the main
`plugboard.wasm` and the two JS files, then the wasm pieces its route needs, which the server
names in the page's preload links (from `__wasm_split_manifest.json`). So the figures are:
the main bundle, and for each page the main bundle plus its pieces — what a first visit to that
page downloads.

    bench/bundle.py [PKG_DIR]
"""
import json
import subprocess
import sys
from pathlib import Path

PKG = Path(sys.argv[1] if len(sys.argv) > 1 else "target/site/pkg")


def sizes(name):
    data = (PKG / name).read_bytes()
    brotli = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True)
    return len(data), len(brotli.stdout)


def main():
    main_files = ["plugboard.wasm", "plugboard.js"]
    manifest_path = PKG / "__wasm_split_manifest.json"
    split_js = "__wasm_split.______________________.js"
    if (PKG / split_js).exists():
        main_files.append(split_js)
    cache = {}

    def total(names):
        raw = brotli = 0
        for name in names:
            cache.setdefault(name, sizes(name))
            raw, brotli = raw + cache[name][0], brotli + cache[name][1]
        return raw, brotli

    for name in main_files:
        raw, brotli = total([name])
        print(f"  {name:40} raw {raw:9,} B  brotli {brotli:9,} B")
    wasm_raw, wasm_br = total(["plugboard.wasm"])
    if not manifest_path.exists():
        print("  (not split: the main wasm is the whole bundle)")
        return
    manifest = json.loads(manifest_path.read_text())
    print(f"  per page, first visit: main wasm + the page's pieces ({len(list(PKG.glob('*.wasm'))) - 1} pieces in all)")
    for route, pieces in sorted(manifest.items()):
        page = route.removeprefix("__").split("_route_view_")[0]
        raw, brotli = total([f"{piece}.wasm" for piece in pieces])
        print(
            f"    {page:22} {len(pieces):3} pieces  wasm raw {wasm_raw + raw:9,} B"
            f"  brotli {wasm_br + brotli:9,} B"
        )


main()
