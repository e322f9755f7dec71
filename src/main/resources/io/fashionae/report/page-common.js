// Shared by the report and the compare page (inlined into each at write time).
const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };
const fmt = (x, d) => (typeof x === "number" && isFinite(x)) ? x.toFixed(d) : "-";
const SVGNS = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs) => { const e = document.createElementNS(SVGNS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); return e; };

function lineChart(svg, series, opts) {
  const W = +svg.viewBox.baseVal.width, H = +svg.viewBox.baseVal.height, L = 46, R = 10, T = 10, B = 28;
  let xs = [], ys = []; series.forEach((s) => s.points.forEach(([x, y]) => { if (isFinite(y)) { xs.push(x); ys.push(y); } }));
  if (!xs.length) { svg.appendChild(svgEl("text", { x: 20, y: 30 })).textContent = "no data"; return; }
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (opts && opts.yMin !== undefined) y0 = opts.yMin; if (opts && opts.yMax !== undefined) y1 = opts.yMax;
  if (x1 === x0) x1 = x0 + 1; if (y1 === y0) y1 = y0 + 1e-9;
  const px = (x) => L + (x - x0) / (x1 - x0) * (W - L - R), py = (y) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  for (let i = 0; i <= 4; i++) { const y = y0 + (y1 - y0) * i / 4; svg.appendChild(svgEl("line", { x1: L, x2: W - R, y1: py(y), y2: py(y), stroke: "#eee" }));
    const t = svgEl("text", { x: L - 4, y: py(y) + 4, "text-anchor": "end", "font-size": 10, fill: "#5b6475" }); t.textContent = y.toPrecision(3); svg.appendChild(t); }
  for (let i = 0; i <= 4; i++) { const x = x0 + (x1 - x0) * i / 4; const t = svgEl("text", { x: px(x), y: H - 10, "text-anchor": "middle", "font-size": 10, fill: "#5b6475" }); t.textContent = +x.toPrecision(3); svg.appendChild(t); }
  for (const s of series) {
    const pts = s.points.filter(([, y]) => isFinite(y)).map(([x, y]) => px(x).toFixed(1) + "," + py(Math.min(Math.max(y, y0), y1)).toFixed(1));
    if (s.dots) pts.forEach((p) => { const [cx, cy] = p.split(","); svg.appendChild(svgEl("circle", { cx, cy, r: 3.5, fill: s.color })); });
    if (pts.length > 1) svg.appendChild(svgEl("polyline", { points: pts.join(" "), fill: "none", stroke: s.color, "stroke-width": s.width || 1.5, opacity: s.opacity || 1 }));
  }
  const marker = svgEl("line", { x1: 0, x2: 0, y1: T, y2: H - B, stroke: "#d62728", "stroke-width": 1.5, visibility: "hidden" }); svg.appendChild(marker);
  return (x) => { marker.setAttribute("x1", px(x)); marker.setAttribute("x2", px(x)); marker.setAttribute("visibility", "visible"); };
}
