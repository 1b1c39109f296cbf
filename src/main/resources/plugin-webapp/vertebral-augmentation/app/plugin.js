// Cockpit plugin "Vertebral augmentation": the coordinators' board of open cases and the yearly report.
// Plain DOM, no external library; text is always set with textContent (never HTML).
const PATH = '/vertebral-augmentation';

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

// The contract's codes stay in the API; people read these words.
const STATUS = { IN_REVIEW: 'In review', PENDED_FOR_INFORMATION: 'Waiting for information',
  MEDICAL_DIRECTOR_REVIEW: 'With the medical director', APPEAL_IN_REVIEW: 'Appeal in review', APPROVED: 'Approved',
  DENIED: 'Denied', CLOSED_INCOMPLETE: 'Closed: information not received', AWAITING_DOCUMENTATION: 'Awaiting documentation',
  READY_TO_SCHEDULE: 'Ready to schedule', SCHEDULED: 'Scheduled', IN_FOLLOW_UP: 'In follow-up', CLOSED: 'Closed',
  WITHDRAWN: 'Withdrawn' };
const MILESTONE = { ONE_WEEK: '1 week', ONE_MONTH: '1 month', THREE_MONTHS: '3 months', ONE_YEAR: '1 year' };
const FOLLOW_UP_STATUS = { SCHEDULED: 'Scheduled', DUE: 'Due', OVERDUE: 'Overdue', DEFERRED_TO_PCP: 'With the PCP',
  COMPLETED: 'Done' };
const CONTACT = { TELEPHONE: 'Telephone', IN_PERSON: 'In person', PCP_REPORT: 'PCP report' };
const URGENCY = { STANDARD: 'Standard', EXPEDITED: 'Expedited' };
const say = (words, code) => (code ? words[code] || code : '');

function resource(api, path) {
  // the plugin's resources live under Cockpit's API (api.baseApi is the engine's)
  const cockpitApi = api.cockpitApi || api.baseApi.replace(/\/api\/engine$/, '/api/cockpit');
  return `${cockpitApi}/plugin/vertebral-augmentation/${api.engine}/${path}`;
}

/** A coordinator's action on a case; answers the server's reason when it is refused. */
async function post(api, path) {
  const response = await fetch(resource(api, path), {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    credentials: 'same-origin'
  });
  if (response.ok) return null;
  const body = await response.json().catch(() => ({}));
  return body.message || `Refused (${response.status}).`;
}

async function getJson(api, path) {
  const response = await fetch(resource(api, path), {
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    credentials: 'same-origin'
  });
  if (!response.ok) throw new Error(response.status === 403
    ? 'Only coordinators and administrators see the board.' : `The board could not be loaded (${response.status}).`);
  return response.json();
}

/** "2026-11-25T04:05:12.0082-05:00" as "2026-11-25 04:05" (the plan's local time, as the server sends it). */
function when(iso) {
  return iso ? String(iso).replace('T', ' ').slice(0, 16) : '';
}

function table(headers, rows) {
  const t = el('table', null, { class: 'table table-striped va-table' });
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

function renderBoard(node, api) {
  node.innerHTML = '';
  const root = el('div', null, { class: 'va-board' });
  root.appendChild(el('h2', 'Vertebral augmentation: open cases'));
  const form = el('form', null, { class: 'form-inline va-filters' });
  const status = el('select', null, { name: 'status' });
  ['', 'IN_REVIEW', 'PENDED_FOR_INFORMATION', 'MEDICAL_DIRECTOR_REVIEW', 'APPEAL_IN_REVIEW', 'APPROVED',
    'AWAITING_DOCUMENTATION', 'READY_TO_SCHEDULE', 'SCHEDULED', 'IN_FOLLOW_UP']
    .forEach(s => status.appendChild(el('option', s ? STATUS[s] : 'any status', { value: s })));
  const milestone = el('select', null, { name: 'milestone' });
  ['', 'ONE_WEEK', 'ONE_MONTH', 'THREE_MONTHS', 'ONE_YEAR']
    .forEach(m => milestone.appendChild(el('option', m ? MILESTONE[m] : 'any milestone', { value: m })));
  const within = el('input', null, { name: 'dueWithinDays', type: 'number', min: '0', placeholder: 'due within days' });
  const overdue = el('input', null, { name: 'overdue', type: 'checkbox' });
  const deferred = el('input', null, { name: 'deferredToPcp', type: 'checkbox' });
  [status, milestone, within].forEach(i => form.appendChild(i));
  const l1 = el('label', ' overdue '); l1.prepend(overdue); form.appendChild(l1);
  const l2 = el('label', ' deferred to PCP '); l2.prepend(deferred); form.appendChild(l2);
  const counts = el('p', null, { class: 'va-counts' });
  const result = el('div');
  const details = el('div', null, { class: 'va-case' });
  root.appendChild(form); root.appendChild(counts); root.appendChild(result); root.appendChild(details);
  node.appendChild(root);

  async function load() {
    const q = new URLSearchParams();
    if (status.value) q.set('status', status.value);
    if (milestone.value) q.set('milestone', milestone.value);
    if (within.value) q.set('dueWithinDays', within.value);
    if (overdue.checked) q.set('overdue', 'true');
    if (deferred.checked) q.set('deferredToPcp', 'true');
    result.textContent = 'Loading...';
    try {
      const rows = await getJson(api, 'board' + (q.toString() ? '?' + q : ''));
      const byStatus = {};
      const byMilestone = {};
      rows.forEach(r => { byStatus[r.status] = (byStatus[r.status] || 0) + 1;
        if (r.nextMilestone) byMilestone[r.nextMilestone] = (byMilestone[r.nextMilestone] || 0) + 1; });
      counts.textContent = `${rows.length} open case(s) · ` + Object.entries(byStatus).map(([k, v]) => `${say(STATUS, k)} ${v}`).join(' · ')
        + (Object.keys(byMilestone).length ? ' · next follow-up: ' + Object.entries(byMilestone).map(([k, v]) => `${say(MILESTONE, k)} ${v}`).join(' · ') : '');
      result.innerHTML = '';
      result.appendChild(table(['Case', 'Status', 'Urgency', 'Next follow-up', 'Due', 'Overdue', 'PCP', 'Cockpit'],
        rows.map(r => {
          const open = el('a', r.caseId, { href: '', class: 'va-open-case' });
          open.addEventListener('click', e => { e.preventDefault(); showCase(api, r.caseId, details); });
          const instances = el('a', 'instances', { href: `#/processes?searchQuery=${encodeURIComponent(JSON.stringify([{ type: 'PIbusinessKey', operator: 'eq', value: r.caseId }]))}` });
          return [open, say(STATUS, r.status), say(URGENCY, r.urgency), say(MILESTONE, r.nextMilestone), r.dueDate || '',
            r.overdue ? 'overdue' : '', r.deferredToPcp ? 'deferred' : '', instances];
        })));
    } catch (e) {
      result.textContent = e.message;
    }
  }
  form.addEventListener('change', load);
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
}

async function showCase(api, caseId, node) {
  node.textContent = 'Loading...';
  try {
    const c = await getJson(api, `cases/${encodeURIComponent(caseId)}`);
    node.innerHTML = '';
    node.appendChild(el('h3', `Case ${c.caseId}: ${say(STATUS, c.status)}`));
    node.appendChild(table(['Fact', 'Value'], [
      ['Patient', c.patientInitials], ['Procedure', `${c.procedure}, levels ${c.levels.join(', ')}`],
      ['Urgency', say(URGENCY, c.urgency)], ['Requested / fracture', `${c.requestDate} / ${c.fractureDate}`],
      ['Received', when(c.receivedAt)], ['Determination due', when(c.determinationDueAt)],
      ['Prescreen (criteria version ' + (c.criteriaVersion ?? '') + ')', c.prescreenUnmet.length ? c.prescreenUnmet.join(', ') : 'every criterion met'],
      ['Determination', c.determination ? `${say(STATUS, c.determination)} by ${c.decidedBy}, ${when(c.decidedAt)}` + (c.approvedLevels.length ? `, levels ${c.approvedLevels.join(', ')}` : '') : 'not yet'],
      ['Appeal', c.appeal || ''], ['Scheduled', c.scheduledDate || ''], ['Performed', c.procedureDate || ''],
      ['Payment findings', (c.paymentFindingsInWords || c.paymentFindings).join(' ')], ['Outcome', c.outcome || '']]));
    node.appendChild(el('h4', 'Follow-ups'));
    node.appendChild(table(['Milestone', 'Due', 'Status', 'PCP', 'Contact', 'Pain', 'Comfort', 'Activity'],
      c.followUps.map(f => [say(MILESTONE, f.milestone), f.dueDate, say(FOLLOW_UP_STATUS, f.status), f.deferredToPcp ? 'deferred' : '', say(CONTACT, f.contactMethod),
        f.painScore ?? '', f.comfortScore ?? '', f.activityScore ?? ''])));
    if (['SCHEDULED', 'IN_FOLLOW_UP'].includes(c.status)) {
      node.appendChild(deferrals(api, c, () => showCase(api, caseId, node)));
    }
    if (c.followUps.some(f => f.painScore !== null && f.painScore !== undefined)) {
      node.appendChild(el('h4', 'Outcome of this case'));
      const done = c.followUps.filter(f => f.painScore !== null && f.painScore !== undefined);
      const labels = ['Intake'].concat(done.map(f => say(MILESTONE, f.milestone)));
      await lineChart(node, labels, [
        { label: 'pain', data: [c.intakePainScore].concat(done.map(f => f.painScore)), borderColor: COLORS.pain },
        { label: 'comfort', data: [null].concat(done.map(f => f.comfortScore)), borderColor: COLORS.comfort },
        { label: 'activity', data: [null].concat(done.map(f => f.activityScore)), borderColor: COLORS.activity }]);
    }
    node.appendChild(el('h4', 'Documents'));
    node.appendChild(table(['File', 'Kind', 'Uploaded'], c.documents.map(d => [d.fileName, d.kind, when(d.uploadedAt)])));
    node.appendChild(el('h4', 'Notices sent'));
    node.appendChild(table(['Notice', 'To', 'Sent'], c.notices.map(n => [n.kind, n.to, when(n.sentAt)])));
    node.appendChild(el('h4', 'Timeline'));
    node.appendChild(table(['When', 'Who', 'What', 'Detail'], (c.timeline || []).map(t => [when(t.at), t.actor, t.event, t.detail || ''])));
  } catch (e) {
    node.textContent = e.message;
  }
}

/** Buttons that hand the 3-month or 1-year follow-up to the PCP while it is not yet due. */
function deferrals(api, c, reload) {
  const box = el('p', null, { class: 'va-deferrals' });
  const message = el('span', null, { class: 'va-deferral-message', role: 'status' });
  [['THREE_MONTHS', '3-month'], ['ONE_YEAR', '1-year']].forEach(([milestone, label]) => {
    const row = c.followUps.find(f => f.milestone === milestone);
    if (row ? row.deferredToPcp || row.status !== 'SCHEDULED' : (c.deferredAtScheduling || []).includes(milestone)) return;
    const button = el('button', `Defer the ${label} follow-up to the PCP`, { type: 'button', class: 'btn btn-default btn-sm' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const refused = await post(api, `cases/${encodeURIComponent(c.caseId)}/follow-ups/${milestone}/deferral`);
      if (refused) { message.textContent = ' ' + refused; button.disabled = false; } else { reload(); }
    });
    box.appendChild(button);
    box.appendChild(document.createTextNode(' '));
  });
  box.appendChild(message);
  return box;
}

// Chart.js, served by the application with this page (no internet needed)
let chartLibrary;
function charts() {
  chartLibrary = chartLibrary || import(new URL('./chart.esm.js', import.meta.url).href);
  return chartLibrary;
}

async function lineChart(node, labels, series) {
  const { Chart } = await charts();
  const canvas = el('canvas', null, { width: '900', height: '280', role: 'img' });
  node.appendChild(canvas);
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: series },
    options: {
      responsive: false,
      animation: false, // drawn at once: what is on screen is the figure, also in a screenshot
      spanGaps: true,
      // the shaded band is the interquartile range; only the medians need a legend entry
      plugins: { legend: { labels: { filter: item => !item.text.includes('percentile') } } },
      scales: { y: { min: 0, max: 10, title: { display: true, text: 'score (0-10)' } } }
    }
  });
}

const COLORS = { pain: '#c0392b', comfort: '#2e86c1', activity: '#27ae60' };

function renderOutcomes(node, api) {
  const root = el('div', null, { class: 'va-outcomes' });
  root.appendChild(el('h3', 'Outcomes of the cohort: median and interquartile range'));
  const box = el('div', 'Loading...');
  root.appendChild(box);
  node.appendChild(root);
  getJson(api, 'outcomes').then(points => {
    box.innerHTML = '';
    const labels = points.map(p => `${p.label} (n=${p.count})`);
    const series = [];
    ['pain', 'comfort', 'activity'].forEach(kind => {
      series.push({ label: `${kind} 25th percentile`, data: points.map(p => p[kind + 'Q1']), borderColor: 'transparent',
        backgroundColor: COLORS[kind] + '22', pointRadius: 0, fill: false });
      series.push({ label: `${kind} 75th percentile`, data: points.map(p => p[kind + 'Q3']), borderColor: 'transparent',
        backgroundColor: COLORS[kind] + '22', pointRadius: 0, fill: '-1' });
      series.push({ label: `${kind} median`, data: points.map(p => p[kind + 'Median']), borderColor: COLORS[kind],
        backgroundColor: COLORS[kind], fill: false });
    });
    return lineChart(box, labels, series);
  }).catch(e => { box.textContent = e.message; });
}

function renderMetrics(node, api) {
  const year = new Date().getFullYear();
  const root = el('div', null, { class: 'va-metrics' });
  root.appendChild(el('h3', `Prior-authorization metrics ${year}`));
  const box = el('div', 'Loading...');
  root.appendChild(box);
  node.appendChild(root);
  getJson(api, `metrics?year=${year}`).then(report => {
    box.innerHTML = '';
    const header = ['urgency', 'requests_decided', 'percent_approved', 'percent_denied', 'percent_approved_after_appeal',
      'percent_approved_after_extension', 'average_hours_to_determination', 'median_hours_to_determination'];
    const csv = [header.join(',')].concat((report.rows || []).map(r => [r.urgency, r.requestsDecided, r.percentApproved,
      r.percentDenied, r.percentApprovedAfterAppeal, r.percentApprovedAfterExtension, r.averageHoursToDetermination,
      r.medianHoursToDetermination].map(v => v ?? '').join(','))).join('\n');
    box.appendChild(el('a', 'Download CSV', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })),
      download: `prior-authorization-${year}.csv` }));
    box.appendChild(table(['Urgency', 'Decided', '% approved', '% denied', '% approved after appeal',
      '% approved after extension', 'Average hours', 'Median hours'],
      (report.rows || []).map(r => [r.urgency, r.requestsDecided, r.percentApproved, r.percentDenied,
        r.percentApprovedAfterAppeal, r.percentApprovedAfterExtension, r.averageHoursToDetermination,
        r.medianHoursToDetermination])));
    return metricsChart(box, report.rows || []);
  }).catch(e => { box.textContent = e.message; });
}

/** The report's percentages per urgency as grouped bars (the table above has the figures). */
async function metricsChart(node, rows) {
  const { Chart } = await charts();
  const canvas = el('canvas', null, { width: '900', height: '260', role: 'img',
    'aria-label': 'Percent approved, denied, approved after appeal and after an extension, per urgency' });
  node.appendChild(canvas);
  const measures = [['% approved', 'percentApproved', COLORS.activity], ['% denied', 'percentDenied', COLORS.pain],
    ['% approved after appeal', 'percentApprovedAfterAppeal', COLORS.comfort],
    ['% approved after extension', 'percentApprovedAfterExtension', '#8c6d1f']];
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: rows.map(r => r.urgency),
      datasets: measures.map(([label, key, color]) => ({ label, data: rows.map(r => r[key] ?? 0), backgroundColor: color })) },
    options: { responsive: false, animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: 'percent of requests decided' } } } }
  });
}

export default [
  {
    id: 'vertebral-augmentation.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: { path: PATH },
    render: node => { node.textContent = 'Vertebral augmentation'; }
  },
  {
    id: 'vertebral-augmentation.board',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: 'Vertebral augmentation' },
    render: (node, { api }) => { renderBoard(node, api); renderOutcomes(node, api); renderMetrics(node, api); }
  }
];
