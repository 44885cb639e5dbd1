"""The demo's results, as console text and as one self-contained HTML page.

``python -m mlmath demo`` computes each section once into a
:class:`SectionReport` (a title, the setup line, a table, lines under it and
the section's figures as PNG bytes); :func:`text` prints it and
:func:`html_page` turns all of them into ``report.html``: every table as an
HTML table, every figure embedded as a base64 ``data:image/png`` URI, the
style inline. No external asset, so the file opens in any browser, offline,
and can be mailed as it is. Standard library only: matplotlib draws the
figures elsewhere (``mlmath._demo.plots``) and is not needed here.
"""

from __future__ import annotations

import base64
import datetime
import html
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Figure", "SectionReport", "text", "html_page"]


@dataclass
class Figure:
    """A plot: the file name it is saved as, a caption, the PNG bytes."""

    name: str
    caption: str
    png: bytes


@dataclass
class SectionReport:
    """One section of the demo, computed: what both renderings show."""

    name: str  # the key of --sections, and the HTML anchor
    title: str
    setup: str  # the inputs, in a line
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)  # lines shown under each row (one list per row)
    summary: list[str] = field(default_factory=list)  # lines after the table
    highlights: list[str] = field(default_factory=list)  # of those, the ones repeated in the demo's closing summary
    figures: list[Figure] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # what raised; the demo then exits 1
    max_rel_diff: float | None = None  # largest backend difference in the table, when both backends ran
    seconds: float = 0.0  # wall time of the section


def text(section: SectionReport) -> str:
    """The section as the console shows it: a title line, an aligned table, the summary lines.

    The first two columns (names, results) are left-aligned, the others
    (differences, times) right-aligned.
    """
    lines = [f"{section.title}   {section.setup}"]
    rows = [section.header, *section.rows]
    notes = [[], *section.notes]
    notes += [[]] * (len(rows) - len(notes))
    widths = [max(len(r[i]) for r in rows) for i in range(len(section.header))]
    for row, under in zip(rows, notes):
        cells = (c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
        lines.append(("  " + "  ".join(cells)).rstrip())
        lines.extend(f"    {line}" for line in under)
    lines.extend(section.summary)
    return "\n".join(lines) + "\n"


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 78rem;
       padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
p.lead, p.setup, p.time { color: #555; }
p.setup { font-style: italic; }
nav ol { columns: 2; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.6rem 0; }
th, td { border: 1px solid #d6d6d6; padding: 0.25rem 0.55rem; vertical-align: top; }
th { background: #f3f3f5; text-align: left; }
tbody tr:nth-child(even) { background: #fafafa; }
td { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre; }
td:first-child { font-family: inherit; white-space: normal; }
td.num { text-align: right; }
div.note { color: #666; font-size: 0.8rem; font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre; }
ul.summary li { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; white-space: pre-wrap; }
.failure { color: #b00020; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.85rem; }
"""


def _e(s: str) -> str:
    return html.escape(str(s), quote=True)


def _table(header, rows, notes=None) -> str:
    """An HTML table; notes[i] are lines put under the first cell of row i."""
    out = ['<div class="scroll"><table>', "<thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr></thead>", "<tbody>"]
    for i, row in enumerate(rows):
        cells = []
        for j, cell in enumerate(row):
            extra = ""
            if j == 0 and notes and i < len(notes) and notes[i]:
                extra = "".join(f'<div class="note">{_e(line)}</div>' for line in notes[i])
            cls = ' class="num"' if j >= 2 else ""
            cells.append(f"<td{cls}>{_e(cell)}{extra}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def _figure(fig: Figure) -> str:
    data = base64.b64encode(fig.png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{_e(fig.caption)}">'
        f"<figcaption>{_e(fig.name)}: {_e(fig.caption)}</figcaption></figure>"
    )


def html_page(title: str, sections: list[SectionReport], summary: list[str], facts: dict[str, str], notes: Sequence[str] = ()) -> str:
    """The whole report, one HTML5 document with everything inline.

    Parameters
    ----------
    title : the page's title and heading
    sections : the computed sections, in order
    summary : lines for the summary at the top (overall results)
    facts : label -> value, the machine and versions (``mlmath.info.collect()``)
    notes : lines about what was skipped (a backend, matplotlib), shown under the heading
    """
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="lead">Generated {_e(now)} by <code>python -m mlmath demo</code>. Every function runs on each backend '
        "with the same inputs; <em>rel.diff</em> is max|reference - go| / max|reference|, times are the best of a few repeats.</p>",
    ]
    parts += [f'<p class="failure">{_e(n)}</p>' for n in notes]
    parts.append("<nav><ol>" + "".join(f'<li><a href="#{_e(s.name)}">{_e(s.title)}</a></li>' for s in sections) + "</ol></nav>")
    parts.append('<section id="summary"><h2>Summary</h2>')
    parts.append('<ul class="summary">' + "".join(f"<li>{_e(line)}</li>" for line in summary) + "</ul>")
    parts.append(_table(("", "value"), list(facts.items())).replace("<table>", '<table class="facts">', 1))
    parts.append("</section>")
    for s in sections:
        parts.append(f'<section id="{_e(s.name)}" class="demo-section">')
        parts.append(f"<h2>{_e(s.title)}</h2>")
        parts.append(f'<p class="setup">{_e(s.setup)}</p>')
        parts.append(_table(s.header, s.rows, s.notes).replace("<table>", '<table class="results">', 1))
        if s.summary:
            parts.append('<ul class="summary">' + "".join(f"<li>{_e(line)}</li>" for line in s.summary) + "</ul>")
        parts += [f'<p class="failure">{_e(f)}</p>' for f in s.failures]
        parts += [_figure(f) for f in s.figures]
        parts.append(f'<p class="time">section time: {s.seconds:.1f} s</p>')
        parts.append("</section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
