// Lays out the capacity search's result (SearchResult) with the DOM and Apache ECharts.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);

  function held(step) {
    return step.breaches.length === 0;
  }

  function renderVerdict() {
    const section = document.getElementById('verdict');
    section.className = data.outcome === 'FOUND' || data.outcome === 'BOUND_REACHED' ? 'passed' : 'failed';
    section.append(el('p', { className: 'verdict-title' }, data.answer));
    const explain = {
      FOUND: '가장 많은 학생으로 서비스 수준을 지킨 단계와, 그보다 많은 학생으로 깨진 첫 단계 사이를 해상도 안으로 좁혔습니다.',
      BOUND_REACHED: '모든 단계가 서비스 수준을 지켰습니다: 한계는 searchMaxStudents 보다 위에 있습니다 (더 큰 값으로 다시 실행하세요).',
      NONE_HELD: '가장 작은 단계도 서비스 수준을 지키지 못했습니다: 각 단계의 보고서에서 원인을 확인하세요.',
      TIME_BOUND: 'searchMaxMinutes 안에 끝나지 않았습니다: 알아낸 범위만 보여 줍니다.'
    };
    section.append(el('p', { className: 'explain' }, explain[data.outcome]));
    renderStanding(section);
  }

  // What the backend showed with its fewest students: reported once, failing no step.
  function renderStanding(section) {
    const standing = data.standing;
    if (!standing) {
      return;
    }
    const probe = standing.report
      ? el('a', { href: data.stepsFolder + '/' + standing.report }, '확인 실행의 클리닉 보고서')
      : '';
    if (standing.findings.length === 0) {
      section.append(el('p', { className: 'standing' }, '✅ 학생 ' + standing.students + '명 확인 실행: 발견 없음. ', probe));
      return;
    }
    section.append(el('div', { className: 'finding-group accepted standing' },
      el('h3', {}, '☑️ 상존 발견 ' + standing.findings.length + '건: 학생 ' + standing.students
        + '명에서도 나타나 부하와 무관하므로 단계의 실패로 치지 않았습니다'),
      el('ol', {}, standing.findings.map((finding) =>
        el('li', { className: 'finding' }, finding.kind + ': ' + finding.message))),
      probe));
  }

  function renderCurve() {
    const steps = data.steps.filter((step) => step.problem === null);
    const byStudents = new Map();
    steps.forEach((step) => byStudents.set(step.students, step));
    const points = [...byStudents.values()].sort((a, b) => a.students - b.students);
    const chart = echarts.init(document.getElementById('curve-chart'));
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['예약 p95 (ms)', '기술 오류', '로그인 실패'] },
      xAxis: { type: 'value', name: '학생', min: 0, max: (extent) => Math.ceil(extent.max * 1.1) },
      yAxis: [{ type: 'value', name: 'ms' }, { type: 'value', name: '건', minInterval: 1 }],
      series: [
        {
          name: '예약 p95 (ms)', type: 'line', data: points.map((step) => [step.students, step.p95Ms]),
          symbolSize: 9,
          itemStyle: { color: '#0969da' },
          markLine: { symbol: 'none', lineStyle: { color: '#cf222e' }, label: { formatter: 'p95Ms ' + data.p95Ms },
            data: [{ yAxis: data.p95Ms }] }
        },
        { name: '기술 오류', type: 'bar', yAxisIndex: 1, barMaxWidth: 12, itemStyle: { color: '#cf222e' },
          data: points.map((step) => [step.students, step.technicalFailures]) },
        { name: '로그인 실패', type: 'bar', yAxisIndex: 1, barMaxWidth: 12, itemStyle: { color: '#9a6700' },
          data: points.map((step) => [step.students, step.students - step.loggedIn]) }
      ]
    });
    window.addEventListener('resize', () => chart.resize());
  }

  function renderSteps() {
    const rows = document.getElementById('step-rows');
    data.steps.forEach((step) => {
      const verdict = (held(step) ? '✅ ' : '❌ ') + step.verdict + (step.problem ? ': ' + step.problem : '');
      rows.append(el('tr', { className: held(step) ? 'held' : 'broken' },
        el('td', null, step.number + (step.rerun ? ' (재실행)' : '')),
        el('td', null, step.students),
        el('td', null, step.loggedIn + '/' + step.students),
        el('td', null, step.p50Ms),
        el('td', null, step.p95Ms),
        el('td', null, step.p99Ms),
        el('td', null, step.technicalFailures),
        el('td', null, step.auditPassed === null ? '-' : step.auditPassed ? '통과' : '실패'),
        el('td', null, verdict),
        el('td', null, step.seconds + ' s'),
        el('td', null, step.report ? el('a', { href: data.stepsFolder + '/' + step.report }, '클리닉 보고서') : '-')));
    });
  }

  function renderRun() {
    const section = document.getElementById('run');
    section.append(el('h2', null, '실행 정보'));
    const list = el('ul');
    Object.entries(data.options).forEach(([name, value]) => {
      list.append(el('li', null, name + ' = ' + (Array.isArray(value) ? value.join(',') : value)));
    });
    section.append(list);
    document.getElementById('run-line').textContent =
      data.steps.length + '단계, ' + data.elapsedSeconds + ' s, seed ' + data.options.seed;
  }

  renderVerdict();
  renderCurve();
  renderSteps();
  renderRun();
}());
