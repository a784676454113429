// Lays out a comparison of two sets of repeated runs (Comparison) with the DOM and Apache ECharts.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);
  const COLORS = { baseline: '#0969da', candidate: '#d4700a' };
  const NAMES = { baseline: '기준 ' + data.baseline.label, candidate: '후보 ' + data.candidate.label };

  function signed(value) {
    return (value > 0 ? '+' : value < 0 ? '−' : '±') + Math.abs(value);
  }

  function unitOf(figure) {
    return figure.scale === 'RELATIVE' ? '%' : '%p';
  }

  function values(side, unit) {
    const spread = side.min === side.max ? '' : ' (' + side.min + '–' + side.max + ')';
    return side.median + ' ' + unit + spread;
  }

  function renderVerdict() {
    const section = document.getElementById('verdict');
    section.className = data.gate.passed ? 'passed' : 'failed';
    section.append(el('p', { className: 'verdict-title' }, data.gate.passed ? '✅ 통과' : '❌ 실패'));
    if (data.gate.passed) {
      section.append(el('p', null, '예약 p95 와 초당 확정 예약이 임계값 ' + data.method.maxRegressionPercent
        + '% 를 넘어 나빠지지 않았고, 후보의 감사가 모두 통과했습니다.'));
    } else {
      section.append(el('ul', null, data.gate.reasons.map((reason) => el('li', null, reason))));
    }
    data.optionsThatDiffer.forEach((difference) => section.append(el('p', { className: 'headline' }, '⚠️ 두 세트의 옵션이 다릅니다: ' + difference)));
  }

  function renderFigures() {
    document.getElementById('method').textContent = data.method.description + ' 임계값: ±'
      + data.method.maxRegressionPercent + '% (비율은 %p), 신뢰도 ' + (100 * data.method.confidence) + '% 이상.';
    const rows = document.getElementById('figure-rows');
    data.figures.forEach((figure) => {
      const seen = figure.baseline.max !== 0 || figure.candidate.max !== 0;
      const interval = figure.note !== null ? figure.note
        : Math.round(1000 * figure.confidence) / 10 + '%: ' + signed(figure.low) + unitOf(figure) + ' ~ ' + signed(figure.high) + unitOf(figure);
      rows.append(el('tr', { className: figure.verdict + (seen ? '' : ' unseen') },
        el('td', null, (figure.gate ? '🚦 ' : '') + figure.label),
        el('td', { className: 'number' }, values(figure.baseline, figure.unit)),
        el('td', { className: 'number' }, values(figure.candidate, figure.unit)),
        el('td', { className: 'number' }, signed(figure.change) + unitOf(figure)),
        el('td', null, interval),
        el('td', null, { BETTER: '✅ 나아짐', WORSE: '❌ 나빠짐', SAME: '➖ 차이 없음' }[figure.verdict])));
    });
  }

  function renderDistributions() {
    const container = document.getElementById('charts');
    data.distributions.filter((step) => step.runs.length > 0).forEach((step) => {
      const box = el('div', { className: 'chart', id: 'chart-' + step.step });
      container.append(el('div', null, el('h3', null, step.label), box));
      const chart = echarts.init(box);
      const legendShown = new Set();
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: (item) => item.seriesName + ': p' + item.value[0] + ' ' + item.value[1] + ' ms' },
        legend: { data: [NAMES.baseline, NAMES.candidate] },
        xAxis: { type: 'value', name: '백분위', min: 0, max: 100 },
        yAxis: { type: 'log', name: 'ms', logBase: 10 },
        series: step.runs.map((run) => {
          const first = !legendShown.has(run.set);
          legendShown.add(run.set);
          return {
            name: NAMES[run.set], type: 'line', data: run.points.map((point) => [point[0], Math.max(point[1], 1)]),
            symbolSize: 5, lineStyle: { width: first ? 2 : 1.5, opacity: 0.75 }, itemStyle: { color: COLORS[run.set] }
          };
        })
      });
      window.addEventListener('resize', () => chart.resize());
    });
  }

  function renderAudits() {
    document.getElementById('accepted').textContent = data.acceptedFindings.same
      ? '받아들인 발견 ' + data.acceptedFindings.baseline.length + '건, 두 세트 같음'
        + (data.acceptedFindings.baseline.length ? ': ' + data.acceptedFindings.baseline.join(', ') : '')
      : '받아들인 발견: 기준 ' + data.acceptedFindings.baseline.join(', ') + ' / 후보 ' + data.acceptedFindings.candidate.join(', ');
    const rows = document.getElementById('run-rows');
    ['baseline', 'candidate'].forEach((side) => {
      data[side].runs.forEach((run) => {
        const audit = run.problem !== null ? '실행 미완료: ' + run.problem
          : !run.auditRan ? '실행 안 됨' : run.auditPassed ? '✅ 통과' : '❌ 실패 (' + run.violations.join(', ') + ')';
        rows.append(el('tr', { className: run.auditPassed ? '' : 'WORSE' },
          el('td', null, NAMES[side]),
          el('td', null, run.number),
          el('td', null, run.seed),
          el('td', null, audit),
          el('td', { className: 'number' }, run.accepted),
          el('td', { className: 'number' }, run.problem === null ? run.reservationP95Ms + ' ms' : '-'),
          el('td', { className: 'number' }, run.problem === null ? run.reserved : '-'),
          el('td', null, run.report ? el('a', { href: run.report }, '클리닉 보고서') : '-')));
      });
    });
  }

  function renderRun() {
    const section = document.getElementById('run');
    section.append(el('h2', null, '세트'));
    const list = el('dl');
    ['baseline', 'candidate'].forEach((side) => {
      const set = data[side];
      list.append(el('dt', null, NAMES[side]),
        el('dd', null, set.runs.length + '회, 대상 ' + set.target + ', 학생 ' + set.students + '명, seed ' + set.seed + '부터, '
          + set.createdAt + ', ', el('code', null, set.folder)));
    });
    section.append(list);
    document.getElementById('run-line').textContent = NAMES.candidate + ' (' + data.candidate.runs.length + '회) ↔ '
      + NAMES.baseline + ' (' + data.baseline.runs.length + '회), ' + data.comparedAt;
  }

  renderVerdict();
  renderFigures();
  renderDistributions();
  renderAudits();
  renderRun();
}());
