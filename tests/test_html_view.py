"""`kgraph export --format html`: one self-contained page, drawn by a real browser.

The browser tests run Debian's headless Chromium with every host name unresolvable, so a page
that needed a CDN would come up blank. Without Chromium they skip on a developer's machine
and fail under CI=true, where `.ci/run` installs it.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import in_ci
from kgraph.cli import app
from kgraph.export import ExportSummary, export_graph

MINI = Path(__file__).parent / "data" / "mini.ttl"
COUNTRY_BLUE = (0x00, 0x72, 0xB2)  # kgraph/data/colours.json: Country
PANEL_WIDTH = 250  # the page's left panel; the graph is drawn to its right


def _page_data(page: str, name: str) -> list[dict]:
    return json.loads(re.search(rf"const {name} = (\[.*?\]);\n", page).group(1))


@pytest.fixture
def mini_html(tmp_path: Path) -> Path:
    output = tmp_path / "graph.html"
    assert export_graph(MINI, output, fmt="html") == ExportSummary(nodes=6, edges=7)
    return output


def test_the_page_needs_no_server(mini_html: Path) -> None:
    page = mini_html.read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "vis.Network(" in page
    assert len(page) > 400_000  # vis-network itself is inline


def test_nodes_and_edges_carry_colours_and_what_the_hover_shows(mini_html: Path) -> None:
    page = mini_html.read_text(encoding="utf-8")
    nodes = {n["label"]: n for n in _page_data(page, "rawNodes")}
    edges = _page_data(page, "rawEdges")
    assert nodes["Russia"]["color"] == "#0072B2" and nodes["NATO"]["color"] == "#009E73"
    assert nodes["Ukraine"]["size"] > nodes["NATO"]["size"]  # 6 mentions against 2
    deploy = next(e for e in edges if e["id"] == "e1-0")
    assert (deploy["action"], deploy["date"], deploy["color"]) == ("deploy", "2024-10-21", "#FF7F00")
    assert deploy["evidence"] == "Russia deployed more troops to Ukraine."
    assert deploy["article"] == "examples/korea.txt"


def test_an_evidence_sentence_cannot_break_out_of_the_page(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.ttl"
    hostile.write_text(MINI.read_text().replace(
        "Russia deployed more troops to Ukraine.", "</script><script>alert(1)</script> & <b>"))
    export_graph(hostile, tmp_path / "graph.html", fmt="html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert any(e.get("evidence") == "</script><script>alert(1)</script> & <b>" for e in _page_data(page, "rawEdges"))


def test_cli_writes_the_page(tmp_path: Path) -> None:
    output = tmp_path / "graph.html"
    result = CliRunner().invoke(app, ["export", str(MINI), "--format", "html", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 6 nodes and 7 edges to {output}\n"
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- in a browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    reason = "no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)"
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so this fails instead of skipping", pytrace=False)
    pytest.skip(reason)


def _browse(chromium: str, url: str, profile: Path, *extra: str) -> str:
    """Run headless Chromium on `url`, offline (no host name resolves), and return stdout."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", "--hide-scrollbars",
               "--window-size=1000,700", "--virtual-time-budget=15000", *extra, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_draws_the_graph(chromium: str, mini_html: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "shot.png"
    _browse(chromium, mini_html.as_uri(), tmp_path / "profile", f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    graph_area = image.crop((PANEL_WIDTH + 5, 0, image.width, image.height))
    data = graph_area.tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3]))
    near_blue = sum(1 for p in pixels if all(abs(c - b) < 24 for c, b in zip(p, COUNTRY_BLUE)))
    not_white = sum(1 for p in pixels if min(p) < 230)
    assert near_blue > 1500, f"country nodes not drawn ({near_blue} blue pixels)"
    assert not_white > 0.02 * len(pixels), "the graph area is (nearly) blank"
    assert len(set(pixels)) > 200  # nodes, edges, labels: not one flat colour


def test_filters_by_action_and_date_from_the_address(chromium: str, mini_html: Path, tmp_path: Path) -> None:
    def shown(fragment: str) -> tuple[str, str, str]:
        dom = _browse(chromium, mini_html.as_uri() + fragment, tmp_path / "profile", "--dump-dom")
        body = re.search(r"<body([^>]*)>", dom).group(1)
        found = {k: v for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', body)}
        return found.get("shown-nodes"), found.get("shown-edges"), found.get("drawn")

    assert shown("") == ("6", "7", "true")
    # three condemnations: Russia -> Ukraine, and Zelenskyy and NATO -> North Korea
    assert shown("#actions=condemn") == ("5", "3", "true")
    # 2024-10-21 to 2024-10-21: only Russia's deployment; undated events (NATO's) left out too
    assert shown("#from=2024-10-21&to=2024-10-21&undated=no") == ("2", "1", "true")


def test_events_view_filters_events_with_their_role_edges(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "events.html"
    assert export_graph(MINI, page, fmt="html", view="events") == ExportSummary(nodes=13, edges=15)
    events = {n["label"]: n for n in _page_data(page.read_text(encoding="utf-8"), "rawNodes") if n.get("type") == "Event"}
    assert events["consider"]["color"] == "#A6CEE3"  # an event node in its action's colour
    dom = _browse(chromium, page.as_uri() + "#actions=consider", tmp_path / "profile", "--dump-dom")
    body = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', re.search(r"<body([^>]*)>", dom).group(1)))
    # South Korea -agent-> consider -theme-> supply: the considered supply shows as its theme
    assert (body["shown-nodes"], body["shown-edges"]) == ("3", "2")


# Moves the mouse onto the middle of an edge once the page says the layout has settled, then writes what the
# tooltip shows into the page (vis-network's own edge geometry finds the middle of the curve).
HOVER_PROBE = """<script>
const settled = setInterval(() => {
  if (document.body.dataset.drawn !== "true") return;
  clearInterval(settled);
  const middle = network.canvasToDOM(network.body.edges[EDGE].edgeType.getPoint(0.5));
  const canvas = document.querySelector("#graph canvas");
  const box = canvas.getBoundingClientRect();
  canvas.dispatchEvent(new MouseEvent("mousemove", {clientX: box.left + middle.x, clientY: box.top + middle.y, bubbles: true}));
  setTimeout(() => {
    const tip = document.querySelector("div.vis-tooltip");
    document.body.dataset.tooltip = tip && tip.style.visibility !== "hidden" ? tip.textContent : "none";
  }, 1000);
}, 100);
</script>
"""


def test_hovering_an_edge_shows_its_sentence_and_source(chromium: str, mini_html: Path, tmp_path: Path) -> None:
    probed = tmp_path / "probed.html"
    probe = HOVER_PROBE.replace("EDGE", json.dumps("e1-0"))
    probed.write_text(mini_html.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = _browse(chromium, probed.as_uri(), tmp_path / "profile", "--dump-dom")
    tooltip = re.search(r'data-tooltip="([^"]*)"', dom).group(1)
    assert tooltip == "deploy · 2024-10-21“Russia deployed more troops to Ukraine.”source: examples/korea.txt"


def _undated(tmp_path: Path) -> Path:
    """mini.ttl without any kg:date or dcterms:date: a graph of articles that name no day."""
    undated = tmp_path / "undated.ttl"
    undated.write_text(re.sub(r'\s*(kg|dcterms):date "[0-9-]+"\^\^xsd:date\s*([;.])', r" \2",
                              MINI.read_text(encoding="utf-8")), encoding="utf-8")
    assert "date" not in re.sub(r"#.*", "", undated.read_text(encoding="utf-8"))
    return undated


def _body(dom: str) -> dict[str, str]:
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', re.search(r"<body([^>]*)>", dom).group(1)))


def test_a_graph_without_dates_is_drawn_whole_and_says_why_the_range_is_off(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "undated.html"
    assert export_graph(_undated(tmp_path), page, fmt="html") == ExportSummary(nodes=6, edges=7)
    dom = _browse(chromium, page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert _body(dom) == {"shown-nodes": "6", "shown-edges": "7", "drawn": "true"}
    assert re.search(r'<input id="from" type="date"[^>]* disabled', dom)
    assert '<p id="nodates" class="note">' in dom  # shown (no `hidden`)


def test_an_empty_graph_gives_a_page_that_says_so(chromium: str, tmp_path: Path) -> None:
    empty, page = tmp_path / "empty.ttl", tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    assert export_graph(empty, page, fmt="html") == ExportSummary(nodes=0, edges=0)
    dom = _browse(chromium, page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert _body(dom) == {"shown-nodes": "0", "shown-edges": "0", "drawn": "true"}
    assert '<p id="empty">This graph has no actors and no events.</p>' in dom
