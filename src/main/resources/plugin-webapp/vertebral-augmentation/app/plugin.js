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
const URGENCY = { STANDARD: 'Standard', EXPEDITED: 'Expedited' };
const say = (words, code) => (code ? words[code] || code : '');

function resource(api, path) {
  // the plugin's resources live under Cockpit's API (api.baseApi is the engine's)
  const cockpitApi = api.cockpitApi || api.baseApi.replace(/\/api\/engine$/, '/api/cockpit');
  return `${cockpitApi}/plugin/vertebral-augmentation/${api.engine}/${path}`;
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A calendar day of the plan ("2026-12-10") as people read it ("Dec 10, 2026"); no time zone is involved. */
function day(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : (iso || '');
}

/** The case's own page (outside Cockpit, for every role): a real address, bookmarkable, Back returns here. */
const casePage = caseId => `/cases/${encodeURIComponent(caseId)}`;

function boardTable(rows) {
  return table(['Case', 'Patient', 'Member id', 'Status', 'Urgency', 'Next follow-up', 'Due', 'Overdue', 'PCP', 'Cockpit'],
    rows.map(r => {
      const open = el('a', r.caseId, { href: casePage(r.caseId), class: 'va-open-case' });
      const instances = el('a', 'instances', { href: `#/processes?searchQuery=${encodeURIComponent(JSON.stringify([{ type: 'PIbusinessKey', operator: 'eq', value: r.caseId }]))}` });
      return [open, r.patient, r.memberId, r.statusText || say(STATUS, r.status), say(URGENCY, r.urgency),
        say(MILESTONE, r.nextMilestone), day(r.dueDate), r.overdue ? 'overdue' : '', r.deferredToPcp ? 'with the PCP' : '', instances];
    }));
}

function renderBoard(node, api) {
  node.innerHTML = '';
  const root = el('div', null, { class: 'va-board' });
  root.appendChild(el('h2', 'Vertebral augmentation: open cases'));
  const find = el('form', null, { class: 'form-inline va-search', role: 'search' });
  const text = el('input', null, { name: 'text', type: 'search', maxlength: '100', class: 'form-control',
    placeholder: 'case id, member id, patient name or birth date', 'aria-label': 'Find a case', size: '40' });
  find.appendChild(text);
  find.appendChild(el('button', 'Find a case', { type: 'submit', class: 'btn btn-default' }));
  const found = el('div', null, { class: 'va-found', 'aria-live': 'polite' });
  const form = el('form', null, { class: 'form-inline va-filters' });
  const status = el('select', null, { name: 'status', 'aria-label': 'Status' });
  ['', 'IN_REVIEW', 'PENDED_FOR_INFORMATION', 'MEDICAL_DIRECTOR_REVIEW', 'APPEAL_IN_REVIEW', 'APPROVED',
    'AWAITING_DOCUMENTATION', 'READY_TO_SCHEDULE', 'SCHEDULED', 'IN_FOLLOW_UP']
    .forEach(s => status.appendChild(el('option', s ? STATUS[s] : 'any status', { value: s })));
  const milestone = el('select', null, { name: 'milestone', 'aria-label': 'Next follow-up' });
  ['', 'ONE_WEEK', 'ONE_MONTH', 'THREE_MONTHS', 'ONE_YEAR']
    .forEach(m => milestone.appendChild(el('option', m ? MILESTONE[m] : 'any milestone', { value: m })));
  const within = el('input', null, { name: 'dueWithinDays', type: 'number', min: '0', placeholder: 'due within days' });
  const overdue = el('input', null, { name: 'overdue', type: 'checkbox' });
  const deferred = el('input', null, { name: 'deferredToPcp', type: 'checkbox' });
  [status, milestone, within].forEach(i => form.appendChild(i));
  const l1 = el('label', ' overdue '); l1.prepend(overdue); form.appendChild(l1);
  const l2 = el('label', ' with the PCP '); l2.prepend(deferred); form.appendChild(l2);
  const counts = el('p', null, { class: 'va-counts' });
  const result = el('div');
  [find, found, form, counts, result].forEach(n => root.appendChild(n));
  node.appendChild(root);

  find.addEventListener('submit', async e => {
    e.preventDefault();
    if (!text.value.trim()) { found.textContent = 'Type a case id, a member id, the patient\'s name or birth date.'; return; }
    found.textContent = 'Searching...';
    try {
      const answer = await getJson(api, 'search?text=' + encodeURIComponent(text.value.trim()));
      found.innerHTML = '';
      found.appendChild(el('h3', answer.rows.length ? `Cases matching "${text.value.trim()}"` : `No case matches "${text.value.trim()}".`));
      if (answer.rows.length) found.appendChild(boardTable(answer.rows));
      if (answer.more) found.appendChild(el('p', 'More cases match: type more of the name, or the birth date.'));
    } catch (err) {
      found.textContent = err.message;
    }
  });

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
      result.appendChild(boardTable(rows));
    } catch (e) {
      result.textContent = e.message;
    }
  }
  form.addEventListener('change', load);
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
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
      spanGaps: false, // a milestone nobody has reached yet (n=0) is a gap, not a line drawn across it
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
    const labels = points.map(p => (p.count ? `${p.label} (n=${p.count})` : `${p.label} (nobody yet)`));
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
    const URGENCIES = { STANDARD: 'Standard requests', EXPEDITED: 'Expedited requests', ALL: 'All requests' };
    // each percentage is of the requests decided in the year (their first determination), as the report defines
    (report.rows || []).filter(r => r.urgency === 'ALL').forEach(r => box.appendChild(el('p', r.requestsDecided
      ? `Of the ${r.requestsDecided} request(s) decided in ${year}: ${r.percentApproved}% approved, ${r.percentDenied}% denied; `
        + `${r.percentApprovedAfterAppeal}% were approved after an appeal and ${r.percentApprovedAfterExtension}% after an extension of the deadline.`
      : `No request was decided in ${year} yet.`, { class: 'va-metrics-summary' })));
    box.appendChild(table(['Requests', 'Decided in ' + year, '% of decided: approved', '% denied', '% approved after appeal',
      '% approved after extension', 'Average hours to decision', 'Median hours'],
      (report.rows || []).map(r => [URGENCIES[r.urgency] || r.urgency, r.requestsDecided, r.percentApproved, r.percentDenied,
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
    data: { labels: rows.map(r => ({ STANDARD: 'Standard', EXPEDITED: 'Expedited', ALL: 'All' })[r.urgency] || r.urgency),
      datasets: measures.map(([label, key, color]) => ({ label, data: rows.map(r => r[key] ?? 0), backgroundColor: color })) },
    options: { responsive: false, animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: 'percent of requests decided' } } } }
  });
}

export default [
  {
    id: 'vertebral-augmentation.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: { path: PATH, pagePath: '#' + PATH, checkActive: path => path.indexOf('#' + PATH) > -1 },
    // a link, as Cockpit's own entries are: a bare text entry does nothing when clicked
    render: node => { node.innerHTML = '<a href="#/vertebral-augmentation">Vertebral augmentation</a>'; }
  },
  {
    id: 'vertebral-augmentation.board',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: 'Vertebral augmentation' },
    render: (node, { api }) => { renderBoard(node, api); renderOutcomes(node, api); renderMetrics(node, api); }
  },
  {
    // earlier links to a case inside Cockpit lead to the case's own page
    id: 'vertebral-augmentation.case',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH + '/cases/:caseId', label: 'Vertebral augmentation case' },
    render: node => {
      const match = (window.location.hash || '').match(/\/cases\/(VA-[0-9]{4}-[0-9]{6})/);
      if (match) window.location.replace(casePage(match[1]));
      else node.textContent = 'There is no such case: a case id reads like VA-2026-000042.';
    }
  }
];
