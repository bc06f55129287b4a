/**
 * List-valued infobox fields (winners, champions, promoted, relegated, top scorers) as entries
 * `{name, link, note, goals, raw}`. Season infoboxes write one entry per line, as
 * `[[A]]<br>[[B]]`, `{{ubl|[[A]]|[[B]]}}`, `{{plainlist|* [[A]] * [[B]]}}` or `* [[A]]` lines; a
 * line with no link that reads as a note (`(14th title)`, `29th Bundesliga title`, `<small>(31
 * goals)</small>`) belongs to the entry above it, as does a trailing `(…)` or the text after the
 * entry's link (`[[Inter Milan]] 14th title`).
 * https://en.wikipedia.org/wiki/Template:Infobox_football_league_season
 * https://en.wikipedia.org/wiki/Template:Unbulleted_list
 */
import { decodeEntities, normaliseLinkTarget } from '../parse/plain-text.js';
import type { InfoboxEntry } from '../types/index.js';

/** List templates whose arguments are the entries (lower case, spaces for underscores). */
const LIST_TEMPLATES = new Set(['ubl', 'ublist', 'unbulleted list', 'plainlist', 'plain list', 'flatlist', 'flat list', 'hlist', 'bulleted list', 'bull list']);
/** Wrapper templates whose first argument is their text. */
const KEEP_FIRST = new Set(['small', 'nowrap', 'nobr', 'big', 'nobold', 'noitalic', 'abbr']);
/** No infobox field lists more entries than this; the rest are dropped (bounded work on hostile input). */
const MAX_ENTRIES = 100;

/** A top-level piece of wikitext: text, a [[link]], or a {{template}} with its arguments. */
type Piece = { raw: string } & ({ kind: 'text'; text: string } | { kind: 'link'; target: string; label: string } | { kind: 'template'; name: string; args: string[] });

/**
 * Where the `open`…`close` construct starting at `from` ends (nesting counted), or -1.
 * @param s the text
 * @param from index of the opener
 * @param open `{{` or `[[`
 * @param close `}}` or `]]`
 * @returns the index after the closer
 */
function closing(s: string, from: number, open: string, close: string): number {
  let depth = 0;
  let i = from;
  while (i < s.length) {
    if (s.startsWith(open, i)) {
      depth++;
      i += 2;
    } else if (s.startsWith(close, i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return -1;
}

/** Splits `s` at `sep` where no {{ }} or [[ ]] is open. */
function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('{{', i) || s.startsWith('[[', i)) {
      depth++;
      i++;
    } else if ((s.startsWith('}}', i) || s.startsWith(']]', i)) && depth > 0) {
      depth--;
      i++;
    } else if (depth === 0 && s[i] === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** Drops `<!-- … -->` comments and `<ref>…</ref>` footnotes (a scan, no backtracking). */
function dropComments(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.indexOf('<!--', i);
    if (c < 0) break;
    out += raw.slice(i, c);
    const end = raw.indexOf('-->', c + 4);
    i = end < 0 ? raw.length : end + 3;
  }
  out += raw.slice(i);
  return out.replace(/<ref[^>]{0,200}\/>/gi, '').replace(/<ref[^>]{0,200}>[^<]{0,2000}<\/ref>/gi, '');
}

/** Reads the top level of a snippet into pieces. */
function pieces(s: string): Piece[] {
  const out: Piece[] = [];
  let text = '';
  let i = 0;
  const flush = (): void => {
    if (text.length > 0) out.push({ kind: 'text', text, raw: text });
    text = '';
  };
  while (i < s.length) {
    const isTemplate = s.startsWith('{{', i);
    if (isTemplate || s.startsWith('[[', i)) {
      const end = closing(s, i, isTemplate ? '{{' : '[[', isTemplate ? '}}' : ']]');
      if (end < 0) {
        text += s.slice(i);
        break;
      }
      flush();
      const [head = '', ...rest] = splitTopLevel(s.slice(i + 2, end - 2), '|');
      const raw = s.slice(i, end);
      if (isTemplate) out.push({ kind: 'template', name: head.trim().replace(/_/g, ' ').toLowerCase(), args: rest, raw });
      else out.push({ kind: 'link', target: head.trim(), label: rest.length > 0 ? rest.join('|') : head.trim().replace(/^:/, ''), raw });
      i = end;
    } else {
      text += s[i];
      i++;
    }
  }
  flush();
  return out;
}

/** The lines of a field: list templates unwrapped, split at `<br>`, newlines and bullets. */
function lines(raw: string): string[] {
  const out: string[] = [];
  for (const p of pieces(dropComments(raw))) {
    if (p.kind === 'template' && LIST_TEMPLATES.has(p.name)) {
      // Each item is a line of its own.
      for (const arg of p.args) if (!/^\s*[a-z_-]{1,20}\s*=/i.test(arg)) out.push(...lines(arg).map((line) => `\n${line}\n`));
    } else if (p.kind !== 'text') out.push(p.raw);
    else {
      // Text between links and templates: split at <br>, newlines and bullets; pieces rejoin below.
      const broken = p.text.replace(/<br[^>]{0,10}>/gi, '\n').replace(/\n[*#:]/g, '\n');
      out.push(...broken.split('\n').map((line, k) => (k === 0 ? line : `\n${line}`)));
    }
  }
  // Rejoin the pieces of one line (a link and the text after it), then split at the newlines.
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/^[\s*#:]{0,10}/, '').trim())
    .filter((line) => line.length > 0);
}

/** Plain text of a snippet, and its links in order. */
function plain(s: string): { text: string; links: { target: string; label: string }[] } {
  const links: { target: string; label: string }[] = [];
  let text = '';
  for (const p of pieces(s)) {
    if (p.kind === 'text') text += p.text;
    else if (p.kind === 'link') {
      const inner = plain(p.label);
      if (/^(file|image|category):/i.test(p.target)) continue;
      links.push({ target: p.target, label: inner.text });
      text += inner.text;
    } else if (KEEP_FIRST.has(p.name) && p.args[0] !== undefined) {
      const inner = plain(p.args[0]);
      links.push(...inner.links);
      text += inner.text;
    } else if (p.name === 'sort' && p.args[1] !== undefined) text += plain(p.args[1]).text;
  }
  const cleaned = decodeEntities(text.replace(/<[^<>]{0,200}>/g, '').replace(/'{2,5}/g, ''));
  return { text: cleaned.replace(/\s+/g, ' ').trim(), links };
}

/**
 * A line that only says something about the entry above it: `(13th title)`, `29th Bundesliga
 * title`, `30th [[List of German football champions|German title]]`, `(as cup winners)`, or a
 * remark in italics with no link (`''unattributed''`: the title was withheld, no team won it).
 */
function isNote(text: string, line: string, hasLink: boolean): boolean {
  if (text.startsWith('(') || /^\d{1,4}(st|nd|rd|th)\s/i.test(text)) return true;
  const t = line.trim();
  return !hasLink && t.startsWith("''") && t.endsWith("''");
}

/** Splits `Name (note)` into name and note (the last bracketed part at the end). */
function trailingNote(text: string): { name: string; note?: string } {
  if (!text.endsWith(')')) return { name: text };
  const open = text.lastIndexOf('(');
  if (open < 0) return { name: text };
  const name = text.slice(0, open).trim();
  const note = text.slice(open + 1, -1).trim();
  return name.length === 0 ? { name: text } : { name, ...(note.length === 0 ? {} : { note }) };
}

/** Joins notes with `; `, without the outer brackets. */
function addNote(entry: InfoboxEntry, note: string): void {
  const bare = note.startsWith('(') && note.endsWith(')') ? note.slice(1, -1).trim() : note;
  if (bare.length > 0) entry.note = entry.note === undefined ? bare : `${entry.note}; ${bare}`;
}

/**
 * Reads a list-valued infobox field into entries.
 * @param raw the field's wikitext
 * @param scorers read goals from the notes (`(31 goals)`, `(4)`)
 * @returns the entries, in order (empty when the field names nothing)
 */
export function readInfoboxEntries(raw: string, scorers: boolean): InfoboxEntry[] {
  const entries: InfoboxEntry[] = [];
  for (const line of lines(raw)) {
    const { text, links } = plain(line);
    if (text.length === 0) continue;
    const last = entries[entries.length - 1];
    if (isNote(text, line, links.length > 0)) {
      // A note before any entry annotates nothing: the plain-text field still has it.
      if (last !== undefined) {
        addNote(last, text);
        last.raw = `${last.raw}\n${line}`;
      }
      continue;
    }
    if (entries.length >= MAX_ENTRIES) break;
    const first = links[0];
    let entry: InfoboxEntry;
    if (first !== undefined && text.startsWith(first.label) && first.label.length > 0) {
      // `[[Inter Milan]] 14th title`: the link is the name, what follows is a note.
      const rest = text.slice(first.label.length).trim();
      entry = { name: first.label, link: normaliseLinkTarget(first.target), raw: line };
      if (rest.length > 0) addNote(entry, rest);
    } else {
      const { name, note } = trailingNote(text);
      entry = { name, ...(first === undefined ? {} : { link: normaliseLinkTarget(first.target) }), raw: line };
      if (note !== undefined) addNote(entry, note);
    }
    entries.push(entry);
  }
  if (scorers) for (const e of entries) setGoals(e);
  return entries.map(ordered);
}

/** `31 goals`, `34`, `23 goals each` → goals. */
function setGoals(entry: InfoboxEntry): void {
  const m = /^(\d{1,4})(\s+goals?\b|$)/i.exec(entry.note ?? '');
  if (m?.[1] !== undefined) entry.goals = Number(m[1]);
}

/** Keys in schema order. */
function ordered(e: InfoboxEntry): InfoboxEntry {
  return {
    name: e.name,
    ...(e.link === undefined ? {} : { link: e.link }),
    ...(e.note === undefined ? {} : { note: e.note }),
    ...(e.goals === undefined ? {} : { goals: e.goals }),
    raw: e.raw,
  };
}
