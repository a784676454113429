// Lays out the index of a results folder (ResultsHistory): every run, set and search, newest first.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);

  document.getElementById('run-line').textContent = data.folder + ': ' + data.rows.length + '건, ' + data.writtenAt + ' 기준';
  const rows = document.getElementById('rows');
  data.rows.forEach((row) => {
    rows.append(el('tr', { className: row.passed === null ? '' : row.passed ? 'passed' : 'failed' },
      el('td', null, row.time),
      el('td', null, row.kind),
      el('td', null, row.label),
      el('td', null, row.target),
      el('td', { className: 'number' }, row.students === null ? '-' : row.students),
      el('td', { className: 'verdict' }, row.verdict),
      el('td', { className: 'number' }, row.p95Ms === null ? '-' : row.p95Ms + ' ms'),
      el('td', { className: 'number' }, row.reserved === null ? '-' : row.reserved),
      el('td', null, row.audit),
      el('td', { className: 'links' }, row.links.map((link) => el('a', { href: link.href }, link.text)))));
  });
}());
