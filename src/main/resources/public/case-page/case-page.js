// The case page (/cases/VA-2026-000042) and the case search (/cases?search=...): plain DOM, no library. The
// server sends the case in words for the signed-in person's role; every text is set with textContent.
const CASE_ID = /^\/cases\/(VA-[0-9]{4}-[0-9]{6})$/;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function say(text, refused) {
  const message = document.getElementById('va-message');
  message.textContent = text || '';
  message.className = refused ? 'va-refused' : '';
}

/** What a refusal means to the person reading it; the server's own words when it sends them. */
async function refusal(response, what) {
  if (response.status === 401) return 'Sign in first: open Tasklist, sign in, then come back to this page.';
  if (response.status === 403) return `Your role may not ${what}.`;
  if (response.status === 404) return 'There is no such case.';
  const body = await response.json().catch(() => ({}));
  const fields = (body.errors || []).map(e => e.message).join(' ');
  return fields || body.detail || `That did not work (${response.status}); try again in a moment.`;
}

async function getJson(url, what) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(await refusal(response, what));
  return response.json();
}

function facts(lines) {
  const list = el('dl', null, { class: 'va-facts' });
  lines.forEach(line => { list.appendChild(el('dt', line.label)); list.appendChild(el('dd', line.value)); });
  return list;
}

function table(headers, rows) {
  const t = el('table');
  const head = el('tr');
  headers.forEach(h => head.appendChild(el('th', h)));
  t.appendChild(el('thead')).appendChild(head);
  const body = el('tbody');
  rows.forEach(cells => {
    const tr = el('tr');
    cells.forEach(c => { const td = el('td'); if (c instanceof Node) td.appendChild(c); else td.textContent = c ?? ''; tr.appendChild(td); });
    body.appendChild(tr);
  });
  t.appendChild(body);
  return t;
}

// ---- search -------------------------------------------------------------------------------------------------

async function search(text) {
  const found = document.getElementById('va-found');
  found.textContent = 'Searching...';
  try {
    const result = await getJson('/api/cases?search=' + encodeURIComponent(text), 'search cases');
    found.innerHTML = '';
    if (!result.matches.length) {
      found.appendChild(el('p', `No case matches "${text}".`));
      return;
    }
    found.appendChild(el('h2', `Cases matching "${text}"`));
    found.appendChild(table(['Case', 'Patient', 'Born', 'Member id', 'Requested', 'Status'], result.matches.map(m =>
      [el('a', m.caseId, { href: m.page }), m.patient, m.born || '', m.memberId, m.requested, m.status])));
    if (result.more) found.appendChild(el('p', 'More cases match: type more of the name, or the birth date.', { class: 'va-note' }));
  } catch (e) {
    found.textContent = e.message;
  }
}

// ---- the case -----------------------------------------------------------------------------------------------

/** The patient's scores from intake on, as a small line chart (only the points recorded). */
function chart(scores) {
  const width = 640, height = 180, left = 70, right = 70, top = 24, bottom = 30;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'va-chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Pain, comfort and activity scores from intake on (0 to 10)');
  const x = i => left + (scores.labels.length === 1 ? 0 : i * (width - left - right) / (scores.labels.length - 1));
  const y = v => top + (10 - v) * (height - top - bottom) / 10;
  const add = (name, attrs, text) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
  };
  [0, 5, 10].forEach(v => { add('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#ddd' }); add('text', { x: left - 16, y: y(v) + 4 }, v); });
  scores.labels.forEach((label, i) => add('text', { x: x(i), y: height - 8, 'text-anchor': 'middle' }, label));
  [['pain', '#c0392b'], ['comfort', '#2e86c1'], ['activity', '#27ae60']].forEach(([kind, color], k) => {
    const points = scores[kind].map((v, i) => (v === null || v === undefined ? null : [x(i), y(v)])).filter(p => p);
    if (points.length > 1) add('polyline', { points: points.map(p => p.join(',')).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 });
    points.forEach(([px, py]) => add('circle', { cx: px, cy: py, r: 3, fill: color }));
    add('text', { x: left + k * 70, y: 12, fill: color }, kind);
  });
  return svg;
}

function documents(c) {
  const box = el('div');
  box.appendChild(table(['Document', 'Kind', 'Uploaded', ''], c.documents.map(d => {
    const links = el('span');
    if (d.view) { links.appendChild(el('a', 'Open to read or print', { href: d.view, target: '_blank', rel: 'noopener' })); links.appendChild(document.createTextNode(' · ')); }
    links.appendChild(el('a', 'Download', { href: d.download }));
    return [d.fileName, d.kind, d.uploaded, links];
  })));
  if (!c.documents.length) box.appendChild(el('p', 'No documents yet.', { class: 'va-note' }));
  if (c.actions.uploadKinds.length) box.appendChild(uploadForm(c));
  return box;
}

function uploadForm(c) {
  const form = el('form', null, { class: 'va-actions va-upload' });
  const kind = el('select', null, { name: 'kind', 'aria-label': 'Kind of document' });
  kind.appendChild(el('option', 'Choose the kind of document', { value: '' }));
  c.actions.uploadKinds.forEach(k => kind.appendChild(el('option', k.label, { value: k.kind })));
  const file = el('input', null, { type: 'file', name: 'file', 'aria-label': 'File' });
  const button = el('button', 'Upload to this case', { type: 'submit' });
  [kind, file, button].forEach(n => form.appendChild(n));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!kind.value) { say('Choose the kind of document first.', true); return; }
    if (!file.files.length) { say('Choose the file to upload first.', true); return; }
    button.disabled = true;
    const data = new FormData();
    data.append('kind', kind.value);
    data.append('file', file.files[0]);
    const response = await fetch(`/api/cases/${c.caseId}/documents`, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    button.disabled = false;
    if (!response.ok) { say(await refusal(response, 'upload documents'), true); return; }
    const stored = await response.json();
    say(`Uploaded ${stored.fileName || file.files[0].name} to case ${c.caseId} as "${kind.options[kind.selectedIndex].text}".`);
    await show(c.caseId);
  });
  return form;
}

function deferrals(c) {
  const box = el('div', null, { class: 'va-actions' });
  c.actions.deferrals.forEach(d => {
    const button = el('button', `Hand the ${d.label} to the PCP`, { type: 'button' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const response = await fetch(`/api/cases/${c.caseId}/follow-ups/${d.milestone}/deferral`, { method: 'PUT', credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) { button.disabled = false; say(await refusal(response, 'hand follow-ups to the PCP'), true); return; }
      say(`The ${d.label} of case ${c.caseId} is now the PCP's: the PCP is e-mailed a request to report when it falls due, with reminders until the report is in.`);
      await show(c.caseId);
    });
    box.appendChild(button);
  });
  return box;
}

function render(c) {
  const page = document.getElementById('va-case');
  page.innerHTML = '';
  document.title = `${c.caseId} · ${c.statusText} · Vertebral augmentation`;
  const heading = el('h1', `Case ${c.caseId}`);
  heading.appendChild(el('span', c.statusText, { class: 'va-status' }));
  page.appendChild(heading);
  page.appendChild(el('p', c.summary, { class: 'va-summary' }));
  page.appendChild(el('p', c.nextStep, { class: 'va-next' }));
  const print = el('button', 'Print this page', { type: 'button', class: 'va-no-print' });
  print.addEventListener('click', () => window.print());
  page.appendChild(print);
  page.appendChild(el('p', `Times are ${c.zone}.`, { class: 'va-note' }));
  page.appendChild(el('h2', 'Patient'));
  page.appendChild(facts(c.patient));
  page.appendChild(el('h2', 'Request'));
  page.appendChild(facts(c.request));
  c.determinations.forEach(section => { page.appendChild(el('h2', section.title)); page.appendChild(facts(section.lines)); });
  if (c.procedure.length) { page.appendChild(el('h2', 'Procedure')); page.appendChild(facts(c.procedure)); }
  if (c.followUps.length || c.actions.deferrals.length) {
    page.appendChild(el('h2', 'Follow-ups'));
    if (c.followUps.length) {
      page.appendChild(table(['Follow-up', 'Due', 'Status', 'PCP', 'How', 'Pain', 'Comfort', 'Activity'], c.followUps.map(f =>
        [f.milestone, f.due, f.status, f.withPcp, f.contact, f.pain ?? '', f.comfort ?? '', f.activity ?? ''])));
    }
    if (c.actions.deferrals.length) page.appendChild(deferrals(c));
    if (c.scores.labels.length > 1) page.appendChild(chart(c.scores));
  }
  page.appendChild(el('h2', 'Documents and letters'));
  page.appendChild(documents(c));
  page.appendChild(el('h2', 'Notices sent'));
  page.appendChild(c.notices.length ? table(['Notice', 'To', 'Sent'], c.notices.map(n => [n.what, n.to, n.sent]))
    : el('p', 'None yet.', { class: 'va-note' }));
  page.appendChild(el('h2', 'Timeline'));
  page.appendChild(table(['When', 'Who', 'What', 'Detail'], c.timeline.map(t => [t.at, t.who, t.what, t.detail || ''])));
}

async function show(caseId) {
  try {
    // the page is redrawn where the reader is: an action's confirmation above stays in view
    const scroll = window.scrollY;
    render(await getJson(`/api/cases/${caseId}/page`, 'read cases'));
    window.scrollTo(0, scroll);
  } catch (e) {
    say(e.message, true);
  }
}

const input = document.getElementById('va-search-text');
const query = new URLSearchParams(location.search).get('search');
document.querySelector('.va-search').addEventListener('submit', e => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) { say('Type a case id, a member id, the patient\'s name or birth date.', true); return; }
  location.assign('/cases?search=' + encodeURIComponent(text)); // a real address: Back and bookmarks work
});
const match = location.pathname.match(CASE_ID);
if (match) {
  show(match[1]);
} else if (query) {
  input.value = query;
  search(query);
} else if (location.pathname.startsWith('/cases/')) {
  say('There is no such case: a case id reads like VA-2026-000042.', true);
}
