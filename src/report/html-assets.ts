/**
 * The HTML report's inline style sheet and script. Both are fixed text (the only varying CSS, the
 * result colours, is appended by html.ts), so the page can allow exactly them by hash in its
 * Content-Security-Policy and load nothing else.
 */

/** The style sheet: Wikipedia's table look, severity marks that never rely on colour alone. */
export const REPORT_CSS = `
:root { color-scheme: light; --err: #b32424; --err-bg: #fee7e6; --warn: #8a5300; --warn-bg: #fef6e7;
  --info: #2a4b8d; --info-bg: #eaf3ff; --fed: #2a4b8d; --fed-bg: #d9e6ff; --fix: #14866d; --line: #a2a9b1; }
* { box-sizing: border-box; }
body { margin: 0; font: 100%/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202122; background: #fff; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header, nav, main, footer { padding: .75rem clamp(.75rem, 3vw, 2rem); }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 1.5rem 0 .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: 1rem; margin: .75rem 0 .25rem; }
nav form { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
fieldset { border: 1px solid var(--line); padding: .25rem .75rem; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
legend { padding: 0 .25rem; font-weight: 600; }
label { white-space: nowrap; }
select, button { font: inherit; }
.meta { color: #54595d; margin: 0; }
.toc { margin: .25rem 0; padding-left: 1.25rem; }
.pair { display: flex; flex-wrap: wrap; gap: 1rem 1.25rem; align-items: flex-start; }
.pair > * { min-width: 0; max-width: 100%; }
/* position: relative keeps the visually hidden labels inside (and clipped by) the scrolled box. */
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
.scroll:focus-visible { outline: 3px solid var(--fed); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; background: #f8f9fa; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .2rem .35rem; text-align: center; }
thead th { background: #eaecf0; }
tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
td.num { text-align: right; }
.standings td.pos { font-weight: 600; }
.status { font-weight: 700; }
td.bad { padding: 0; }
button.fig { display: block; width: 100%; min-height: 2.75rem; border: 2px solid currentColor; border-radius: 3px;
  padding: .1rem .35rem; font-weight: 700; cursor: pointer; line-height: 1.2; }
button.fig[data-severity="error"] { color: var(--err); background: var(--err-bg); }
button.fig[data-severity="warning"] { color: var(--warn); background: var(--warn-bg); }
button.fig[data-severity="info"] { color: var(--info); background: var(--info-bg); }
button.fig[aria-pressed="true"] { box-shadow: inset 0 0 0 2px #fff, 0 0 0 3px var(--fed); }
button:focus-visible, summary:focus-visible, select:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid var(--fed); outline-offset: 2px; }
.computed { display: block; font-weight: 400; font-size: .85em; white-space: nowrap; }
.grid td { white-space: nowrap; }
.grid td.self { background: #eaecf0; color: #72777d; }
.grid td.empty { color: #72777d; }
.cell { display: inline-block; padding: 0 .15rem; }
.cell.fed { outline: 3px solid var(--fed); background: var(--fed-bg); font-weight: 700; }
.cell.fed::before { content: "● "; color: var(--fed); }
.cell.fix { border: 2px dashed var(--fix); }
.proposal { color: var(--fix); font-weight: 700; }
.hint { margin: .25rem 0 .5rem; }
ul.findings, ul.fixes { list-style: none; padding: 0; margin: .25rem 0; }
.finding, .fixes li { border-left: 4px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; background: #f8f9fa; }
.finding[data-severity="error"] { border-left-color: var(--err); }
.finding[data-severity="warning"] { border-left-color: var(--warn); }
.finding[data-severity="info"] { border-left-color: var(--info); }
.fixes li { border-left-color: var(--fix); }
.finding p, .fixes p { margin: .15rem 0; }
.sev { font-weight: 700; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-info { color: var(--info); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95em; }
.written { font-weight: 700; }
.code, .where { color: #54595d; }
pre.excerpt { margin: .25rem 0; padding: .35rem .5rem; background: #fff; border: 1px solid #c8ccd1;
  white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fc3; color: #000; outline: 1px solid #ac6600; }
details.ok > summary { cursor: pointer; padding: .35rem 0; }
details.grid-box > summary { cursor: pointer; font-weight: 600; }
.bracket { display: flex; gap: 1.5rem; overflow-x: auto; padding-bottom: .5rem; }
.round { display: flex; flex-direction: column; min-width: max-content; }
.round ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; justify-content: space-around; flex: 1; gap: .75rem; }
.round li { position: relative; }
.round li::after { content: ""; position: absolute; right: -1.5rem; top: 50%; width: 1.5rem; border-top: 1px solid var(--line); }
.round:last-child li::after { display: none; }
table.tie { background: #fff; }
table.tie th { min-width: 10rem; }
tr.through th { font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
footer { border-top: 1px solid var(--line); color: #54595d; font-size: .9rem; }
[hidden] { display: none !important; }
`;

/**
 * The script: a highlighted figure, when activated, opens and marks the grid cells that feed it
 * and says so in a live region; the filters hide findings by severity and articles by name.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var say = document.getElementById('announce');
  function clear(except) {
    document.querySelectorAll('.cell.fed').forEach(function (el) { el.classList.remove('fed'); });
    document.querySelectorAll('button[data-cells][aria-pressed="true"]').forEach(function (b) {
      if (b !== except) b.setAttribute('aria-pressed', 'false');
    });
  }
  function reveal(button) {
    var on = button.getAttribute('aria-pressed') !== 'true';
    clear(button);
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (!on) { say.textContent = ''; return; }
    var ids = (button.getAttribute('data-cells') || '').split(' ').filter(Boolean);
    var first = null;
    ids.forEach(function (id) {
      var cell = document.getElementById(id);
      if (!cell) return;
      for (var d = cell.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
      cell.classList.add('fed');
      if (!first) first = cell;
    });
    if (first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    say.textContent = (button.getAttribute('data-say') || '') + ': ' + ids.length + (ids.length === 1 ? ' grid cell marked' : ' grid cells marked');
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-cells]') : null;
    if (button) reveal(button);
  });
  var form = document.getElementById('filters');
  function apply() {
    var shown = {};
    form.querySelectorAll('input[name="severity"]').forEach(function (box) { shown[box.value] = box.checked; });
    var article = form.querySelector('select').value;
    document.querySelectorAll('[data-severity].finding').forEach(function (el) { el.hidden = !shown[el.getAttribute('data-severity')]; });
    document.querySelectorAll('article[data-article]').forEach(function (el) { el.hidden = article !== '' && el.getAttribute('data-article') !== article; });
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;
