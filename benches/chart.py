#!/usr/bin/env python3
"""Reads criterion's results and draws each workload's ratios to its best peer.

Usage: python3 benches/chart.py [criterion-dir] [svg-out]

Reads every `<criterion-dir>/**/new/benchmark.json` with its `estimates.json`
(default `target/criterion`), takes the median time of each benchmark, and for
each workload (criterion group) divides every implementation's time by the
fastest one's. Writes the bars to `benches/ratios.svg` (log scale, 1.0 is the
best) and prints a Markdown table of time per operation and ratio to stdout.

Python 3.11 standard library only; the SVG is written by hand.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

# Workloads in the order of issue 6; groups not listed come after, sorted.
ORDER = [
    "alloc_16B",
    "vec_push_with_capacity",
    "vec_push_growing",
    "strings_push_str",
    "strings_format",
    "hash_map_u32",
    "reset_1MiB",
    "reset_256MiB",
    "reset_after_growth_1MiB",
    "reset_after_growth_256MiB",
    "frame",
]

# One colour per implementation family, by the prefix of the benchmark name.
COLOURS = [
    ("arena_memory", "#d1495b"),
    ("bumpalo", "#edae49"),
    ("bump_scope", "#00798c"),
    ("std", "#66a182"),
]


def colour(name: str) -> str:
    for prefix, fill in COLOURS:
        if name.startswith(prefix):
            return fill
    return "#888888"


def load(root: Path) -> dict[str, list[tuple[str, float, int]]]:
    """{group: [(implementation, median ns per iteration, ops per iteration)]}"""
    groups: dict[str, list[tuple[str, float, int]]] = {}
    for meta_path in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(meta_path.read_text())
        estimates = json.loads((meta_path.parent / "estimates.json").read_text())
        ns = estimates["median"]["point_estimate"]
        throughput = meta.get("throughput") or {}
        ops = throughput.get("Elements") or throughput.get("Bytes") or 1
        groups.setdefault(meta["group_id"], []).append((meta["function_id"], ns, ops))
    return groups


def ordered(groups: dict) -> list[str]:
    known = [g for g in ORDER if g in groups]
    return known + sorted(g for g in groups if g not in ORDER)


def human(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def table(groups: dict) -> str:
    lines = [
        "| workload | implementation | time / op | ratio to best |",
        "|---|---|---:|---:|",
    ]
    for group in ordered(groups):
        best = min(ns for _, ns, _ in groups[group])
        for name, ns, ops in sorted(groups[group], key=lambda r: r[1]):
            lines.append(f"| {group} | {name} | {human(ns / ops)} | {ns / best:.2f} |")
    return "\n".join(lines)


def svg(groups: dict) -> str:
    rows = []  # (group, name, ratio) with group headers
    for group in ordered(groups):
        best = min(ns for _, ns, _ in groups[group])
        rows.append((group, None, None))
        for name, ns, _ in sorted(groups[group], key=lambda r: r[1]):
            rows.append((group, name, ns / best))
    max_ratio = max([r for _, _, r in rows if r is not None] + [2.0])
    top = 10 ** math.ceil(math.log10(max_ratio))
    label_w, bar_w, row_h, head = 230, 520, 18, 40
    width = label_w + bar_w + 80
    height = head + row_h * len(rows) + 30

    def x(ratio: float) -> float:
        return label_w + bar_w * math.log10(ratio) / math.log10(top)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14">'
        "Time relative to the fastest implementation of each workload "
        "(log scale, lower is better)</text>",
    ]
    ticks = [t * 10**e for e in range(int(math.log10(top)) + 1) for t in (1, 2, 5)]
    for tick in [t for t in ticks if t <= top]:
        tx = x(tick)
        out.append(
            f'<line x1="{tx:.1f}" y1="{head - 8}" x2="{tx:.1f}" '
            f'y2="{height - 24}" stroke="#ddd"/>'
        )
        out.append(
            f'<text x="{tx:.1f}" y="{height - 10}" text-anchor="middle">{tick:g}×</text>'
        )
    y = head
    for group, name, ratio in rows:
        if name is None:
            out.append(f'<text x="4" y="{y + 13}" font-weight="bold">{escape(group)}</text>')
        else:
            bar = max(x(ratio) - label_w, 1.5)
            out.append(f'<text x="16" y="{y + 13}">{escape(name)}</text>')
            out.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row_h - 5}" '
                f'fill="{colour(name)}"/>'
            )
            out.append(f'<text x="{label_w + bar + 4:.1f}" y="{y + 13}">{ratio:.2f}</text>')
        y += row_h
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "benches/ratios.svg")
    groups = load(root)
    if not groups:
        sys.exit(f"no criterion results under {root}; run `cargo bench -p arena-memory-benches` first")
    target.write_text(svg(groups))
    print(table(groups))
    print(f"\nwrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
