/*
 * Tasklist for the vertebral augmentation cases, loaded through config.js `customScripts` (the webapp's supported
 * extension point; Camunda's own files are untouched). It does two things Tasklist leaves undone:
 *
 * 1. Sorting. Tasklist sorts by creation date unless the address names a sorting, and its control then says
 *    "Created". The shared filters are meant to show the task due soonest first, so when the address names no
 *    sorting it gets "due date, ascending" before Tasklist reads it. A person's own choice stays: it is in the
 *    address from then on.
 * 2. Confirmation. After Start the nurse is told the new case's id, after Complete which task of which case was
 *    completed, where the case now stands and what comes next (to whom a request went, by when), as the case page
 *    (`/api/cases/{caseId}/page`) says it. The case id comes from the engine's answer (the case's business key) or from the case id the
 *    filter's task cards carry; nothing else is read or kept.
 */
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return; // the sign-in page is left alone (rewriting it would redraw the form under the person's typing)
  }
  const [path, query = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#' + path + '?' + params.toString());
}

sortByDueDateUnlessChosen();
window.addEventListener('hashchange', sortByDueDateUnlessChosen);

/** What the open Tasklist has shown: task id -> { name, caseId } (from task and filter-list answers). */
const tasksSeen = new Map();

function remember(task) {
  if (!task || !task.id) {
    return;
  }
  const known = tasksSeen.get(task.id) || {};
  const variables = (task._embedded && task._embedded.variable) || [];
  const caseId = variables.filter(v => v.name === 'caseId').map(v => v.value)[0];
  tasksSeen.set(task.id, { name: task.name || known.name, caseId: caseId || known.caseId });
}

function toast(text) {
  const box = document.createElement('div');
  box.className = 'va-toast alert alert-success';
  box.setAttribute('role', 'status');
  box.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => box.remove());
  box.prepend(close);
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 12000);
}

function answered(method, url, status, body) {
  let data = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch (notJson) {
    return;
  }
  const path = url.split('?')[0];
  if (method === 'GET' && /\/task\/[^/]+$/.test(path) && data) {
    remember(data);
  } else if (/\/filter\/[^/]+\/list$/.test(path) && data && data._embedded) {
    const tasks = data._embedded.task || data._embedded.tasks || [];
    tasks.forEach(remember);
  } else if (method === 'POST' && /\/process-definition\/[^/]+\/submit-form$/.test(path) && status < 300 && data) {
    toast(data.businessKey
      ? `Case ${data.businessKey} started: its prescreen is done and its criteria review waits in "Criteria reviews".`
      : 'Started.');
  } else if (method === 'POST' && /\/task\/[^/]+\/(submit-form|complete)$/.test(path) && status < 300) {
    const id = decodeURIComponent(path.split('/').slice(-2)[0]);
    const task = tasksSeen.get(id) || {};
    const done = `Completed: ${task.name || 'the task'}${task.caseId ? ' \u2013 ' + task.caseId : ''}.`;
    if (!task.caseId) {
      toast(done + ' What it decided is recorded on the case; the next step is in its filter.');
      return;
    }
    // what happened and what comes next, as the case page says it (the same sign-in reads it)
    fetch(`/api/cases/${encodeURIComponent(task.caseId)}/page`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : null))
      .then(c => toast(c ? `${done} Now: ${c.statusText}. ${c.nextStep}` : done + ' The next step is in its filter.'))
      .catch(() => toast(done));
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.vaRequest = { method: String(method).toUpperCase(), url: String(url) };
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.vaRequest && /\/engine\/[^/]+\/(task|filter|process-definition)\//.test(this.vaRequest.url)) {
    this.addEventListener('load', () => {
      const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : '';
      answered(this.vaRequest.method, this.vaRequest.url, this.status, text);
    });
  }
  return send.apply(this, args);
};

export default [];
