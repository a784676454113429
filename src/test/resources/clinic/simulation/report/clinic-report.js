// Lays out the report's data (ClinicReport, computed in Java) with the DOM and Apache ECharts.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);
  const reasons = new Map(data.reasons.map((reason) => [reason.reason, reason]));
  const clinicsById = new Map(data.week.clinics.filter((clinic) => clinic.id !== null).map((clinic) => [clinic.id, clinic]));
  const timelines = new Map(data.seats.map((timeline) => [timeline.clinicId, timeline]));
  const dayNames = new Map(data.week.days.map((day) => [day.key, day.name]));
  const charts = [];

  // Reserved green, correct refusals in calm colours, technical failures in reds.
  const REASON_COLOURS = {
    RESERVED: '#2e7d32',
    OCCUPIED: '#78909c',
    ALREADY_RESERVED: '#a1887f',
    NO_SHOW_BLOCKED: '#9575cd',
    RESERVATION_CLOSED: '#4db6ac',
    RATE_LIMITED: '#f9a825',
    FORBIDDEN: '#90a4ae',
    INVALID_REQUEST: '#bcaaa4',
    NOT_FOUND: '#b0bec5',
    UNAUTHENTICATED: '#ce93d8',
    SERVER_ERROR: '#c62828',
    UNEXPECTED_ANSWER: '#ad1457',
    NETWORK_ERROR: '#6a1b9a',
  };
  const STUDENTS_PER_PAGE = 50;
  const FINDINGS_SHOWN = 20;
  const DEFAULT_TIMELINES = 8;
  const COMPACT_ABOVE = 64;

  function shortDay(key) {
    return (dayNames.get(key) || key).substring(0, 1);
  }

  function clinicLabel(id) {
    const clinic = clinicsById.get(id);
    return clinic ? shortDay(clinic.day) + ' ' + clinic.time + ' ' + clinic.room : 'clinic ' + id;
  }

  function secondsText(milliseconds) {
    return (milliseconds / 1000).toFixed(2) + '초';
  }

  function number(value) {
    return Number(value).toLocaleString('ko-KR');
  }

  function reasonBadge(reason, count) {
    const known = reasons.get(reason);
    const kind = reason === 'RESERVED' ? 'RESERVED' : known && known.technical ? 'technical' : '';
    return el('span', { className: 'reason ' + kind, title: known ? known.meaning : reason },
      count === undefined ? reason : reason + ' ' + count);
  }

  function chart(containerId, option) {
    const container = document.getElementById(containerId);
    const instance = echarts.init(container);
    instance.setOption(Object.assign({ animation: false }, option));
    charts.push(instance);
    return instance;
  }

  function noData(containerId, text) {
    const container = document.getElementById(containerId);
    container.className = 'explain';
    container.textContent = text;
  }

  function renderRunLine() {
    const run = data.run;
    document.getElementById('run-line').textContent = '대상 ' + run.target + ' · 학생 ' + number(run.students) + '명 · '
      + data.week.days.map((day) => day.name).join(', ') + ' · seed ' + run.seed;
  }

  function findingGroup(group, className, icon) {
    const list = el('ol');
    const more = group.messages.length - FINDINGS_SHOWN;
    group.messages.slice(0, FINDINGS_SHOWN).forEach((message) => list.append(el('li', { className: 'finding' }, message)));
    const section = el('div', { className: 'finding-group ' + className },
      el('h3', {}, icon + ' ' + group.kind + ' — ' + group.meaning + ' (' + number(group.messages.length) + '건)'), list);
    if (more > 0) {
      section.append(el('button', {
        className: 'more',
        type: 'button',
        onclick: (event) => {
          group.messages.slice(FINDINGS_SHOWN).forEach((message) => list.append(el('li', { className: 'finding' }, message)));
          event.target.remove();
        },
      }, '나머지 ' + number(more) + '건 보기'));
    }
    return section;
  }

  function renderVerdict() {
    const verdict = data.verdict;
    const section = document.getElementById('verdict');
    section.className = verdict.passed ? 'passed' : 'failed';
    section.dataset.passed = String(verdict.passed);
    section.append(el('h2', { className: 'verdict-title' },
      verdict.passed ? '✅ 통과: 모든 검사를 통과했습니다' : '❌ 실패: 통과하지 못한 검사가 있습니다'));
    if (verdict.headline) {
      section.append(el('p', { className: 'headline' }, verdict.headline));
    }
    section.append(el('ul', { className: 'checks' }, verdict.checks.map((check) =>
      el('li', { className: check.passed ? 'ok' : 'ko' }, (check.passed ? '✅ ' : '❌ ') + check.label + ' — ' + check.detail))));
    if (verdict.auditProblem) {
      section.append(el('p', { className: 'trouble' }, '❌ 최종 상태 감사: 실행되지 않음 (' + verdict.auditProblem + ')'));
    } else if (verdict.violations.length === 0) {
      section.append(el('p', {}, '✅ 최종 상태 감사: 통과 (위반 없음)'));
    } else {
      const total = verdict.violations.reduce((sum, group) => sum + group.messages.length, 0);
      section.append(el('h3', {}, '❌ 최종 상태 감사: 위반 ' + number(total) + '건'));
      verdict.violations.forEach((group) => section.append(findingGroup(group, 'violation', '❌')));
    }
    if (verdict.accepted.length > 0) {
      const known = verdict.accepted.reduce((sum, group) => sum + group.messages.length, 0);
      section.append(el('h3', { className: 'accepted-title' },
        '☑️ 받아들인 발견 ' + number(known) + '건: 알려진 것이라 실패로 치지 않습니다 (-DacceptedFindings)'));
      verdict.accepted.forEach((group) => section.append(findingGroup(group, 'accepted', '☑️')));
    }
    verdict.warnings.forEach((group) => section.append(findingGroup(group, 'warning', '⚠️')));
    if (verdict.rules.length > 0) {
      section.append(el('div', { className: 'rules' }, el('h3', {}, '🛡️ 비즈니스 규칙'),
        el('ul', {}, verdict.rules.map((rule) =>
          el('li', { className: 'rule ' + rule.outcome.toLowerCase() }, rule.mark + ' ' + rule.meaning + ': ' + rule.summary)))));
    }
    if (verdict.hints.length > 0) {
      section.append(el('div', { className: 'hints' }, verdict.hints.map((hint) => el('p', {}, hint))));
    }
  }

  function renderFigures() {
    const run = data.run;
    const latency = run.reservationLatencyMs;
    const figure = (value, label) => el('div', { className: 'figure' }, el('div', { className: 'value' }, value),
      el('div', { className: 'label' }, label));
    document.getElementById('figures').append(
      figure(number(run.loggedIn) + ' / ' + number(run.students) + '명', '👥 참가 학생 수 (로그인)'),
      figure(number(run.attempts) + '회', '🎯 총 예약 시도'),
      figure(number(run.reserved) + '회', '✅ 성공한 예약'),
      figure(number(run.correctRefusals) + '회', '🙅 정상 거절 (오류 아님)'),
      figure(number(run.technicalFailures) + '회', '💥 기술적 실패'),
      figure(run.successRatePercent.toFixed(1) + '%', '📈 성공률'),
      figure((latency.mean / 1000).toFixed(3) + '초', '⚡ 평균 응답시간 (p95 ' + latency.p95 + ' ms)'),
      figure(run.elapsedSeconds.toFixed(2) + '초', '⏱️ 총 소요 시간'));
  }

  function seatsText(clinic) {
    if (clinic.state === 'NOT_VISIBLE') {
      return '👻 스케줄에 없음';
    }
    const seats = clinic.taken + '/' + clinic.capacity + ' ';
    if (clinic.state === 'OVER_CAPACITY') {
      return seats + '⛔ 정원 초과 +' + (clinic.taken - clinic.capacity);
    }
    return seats + (clinic.state === 'FULL' ? '🔴 마감' : '🟢 ' + (clinic.capacity - clinic.taken) + '자리');
  }

  function whenText(clinic) {
    const timeline = clinic.id === null ? undefined : timelines.get(clinic.id);
    if (!timeline || clinic.state === 'NOT_VISIBLE') {
      return null;
    }
    const filled = timeline.filledAtMs === null ? null : '마감 ' + secondsText(timeline.filledAtMs);
    return timeline.overCapacityAtMs === null ? filled : filled + ' · 초과 ' + secondsText(timeline.overCapacityAtMs);
  }

  function seatsMark(clinic) {
    return { FREE: '🟢', FULL: '🔴', OVER_CAPACITY: '⛔', NOT_VISIBLE: '👻' }[clinic.state];
  }

  function tile(clinic, compact) {
    const when = whenText(clinic);
    const about = [clinic.id === null ? null : 'clinic ' + clinic.id, clinic.subject, clinic.teacher, seatsText(clinic), when];
    const content = compact
      ? [el('span', { className: 'room' }, clinic.room), ' ',
        el('span', { className: 'seats' }, clinic.state === 'NOT_VISIBLE' ? '👻' : clinic.taken + '/' + clinic.capacity + ' ' + seatsMark(clinic))]
      : [el('div', { className: 'room' }, clinic.room + (clinic.subject ? ' · ' + clinic.subject : '')),
        el('div', { className: 'seats' }, seatsText(clinic)),
        when === null ? null : el('div', { className: 'when' }, when)];
    return el('div', {
      className: 'clinic-tile state-' + clinic.state,
      title: about.filter((part) => part).join(' · '),
      'data-clinic': clinic.id === null ? '' : clinic.id,
      onclick: () => clinic.id !== null && showTimelines([clinic.id]),
    }, content);
  }

  function renderWeek() {
    document.getElementById('week-legend').textContent = '🟢 자리 있음 · 🔴 마감 · ⛔ 정원 초과 (감사 위반) · 👻 스케줄에 없음 '
      + '(준비된 클리닉이 최종 스케줄에 보이지 않음) · 시각은 예약 시작 후 그 자리가 찬 때';
    const grid = document.getElementById('week-grid');
    if (data.week.clinics.length === 0) {
      grid.append(el('p', { className: 'explain' }, '(최종 현황을 읽지 못했습니다)'));
      return;
    }
    // hundreds of clinics: one line each, the rest in the tile's tooltip
    const compact = data.week.clinics.length > COMPACT_ABOVE;
    const bySlot = new Map();
    data.week.clinics.forEach((clinic) => {
      const slot = clinic.day + ' ' + clinic.time;
      bySlot.set(slot, (bySlot.get(slot) || []).concat([clinic]));
    });
    const table = el('table', { className: 'week' + (compact ? ' compact' : '') },
      el('thead', {}, el('tr', {}, el('th', { className: 'time' }, '시간'), data.week.days.map((day) => el('th', {}, day.name)))));
    const body = el('tbody');
    data.week.times.forEach((time) => {
      body.append(el('tr', {}, el('th', { className: 'time' }, time), data.week.days.map((day) => el('td', {},
        el('div', { className: 'tiles' }, (bySlot.get(day.key + ' ' + time) || []).map((clinic) => tile(clinic, compact)))))));
    });
    table.append(body);
    grid.append(table);
  }

  let seatsChart = null;

  function defaultTimelines() {
    const rank = (timeline) => timeline.overCapacityAtMs !== null ? timeline.overCapacityAtMs
      : timeline.filledAtMs !== null ? 1e12 + timeline.filledAtMs : 2e12 - timeline.takenAtMs.length;
    return data.seats.slice().sort((a, b) => rank(a) - rank(b)).slice(0, DEFAULT_TIMELINES).map((timeline) => timeline.clinicId);
  }

  function showTimelines(ids) {
    document.querySelectorAll('.clinic-tile.selected').forEach((tile) => tile.classList.remove('selected'));
    const choice = document.getElementById('seats-choice');
    choice.value = ids.length === 1 ? String(ids[0]) : '';
    if (ids.length === 1) {
      document.querySelectorAll('.clinic-tile[data-clinic="' + ids[0] + '"]').forEach((tile) => tile.classList.add('selected'));
    }
    const end = Math.max(data.answers.seconds, 1);
    seatsChart.setOption({
      series: ids.map((id) => timelines.get(id)).filter((timeline) => timeline).map((timeline) => ({
        name: clinicLabel(timeline.clinicId),
        type: 'line',
        step: 'end',
        symbolSize: 5,
        data: [[0, 0]].concat(timeline.takenAtMs.map((at, index) => [at / 1000, index + 1]),
          [[end, timeline.takenAtMs.length]]),
        markLine: timeline.capacity === null ? undefined : {
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2 },
          label: { formatter: '정원 ' + timeline.capacity },
          data: [{ yAxis: timeline.capacity }],
        },
      })),
    }, { replaceMerge: ['series'] });
    if (ids.length === 1) {
      document.getElementById('seats').scrollIntoView({ behavior: 'auto', block: 'start' });
    }
  }

  function renderSeats() {
    if (data.seats.length === 0) {
      noData('seats-chart', '(예약된 자리가 없습니다)');
      return;
    }
    const choice = document.getElementById('seats-choice');
    choice.append(el('option', { value: '' }, '먼저 차거나 정원을 넘은 클리닉 (최대 ' + DEFAULT_TIMELINES + '개)'));
    data.seats.forEach((timeline) => choice.append(el('option', { value: String(timeline.clinicId) },
      clinicLabel(timeline.clinicId) + ' — ' + timeline.takenAtMs.length + (timeline.capacity === null ? '' : '/' + timeline.capacity))));
    choice.addEventListener('change', () => {
      const id = Number(choice.value);
      const ids = choice.value === '' ? defaultTimelines() : [id];
      showTimelines(ids);
    });
    seatsChart = chart('seats-chart', {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 50, right: 70, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: '예약 시작 후 (초)', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: { type: 'value', name: '좌석', minInterval: 1 },
      series: [],
    });
    showTimelines(defaultTimelines());
  }

  function renderAnswers() {
    const answers = data.answers;
    document.getElementById('answers-explain').textContent = '예약 응답을 초마다 사유별로 쌓았습니다. 회색·갈색·노란색 계열은 '
      + '정상 거절입니다: 백엔드가 업무 규칙대로 거절한 것(OCCUPIED 정원 초과 등)으로 오류가 아닙니다. Gatling 보고서는 Errors 표를 '
      + '사유별 집계로 쓰려고 이 응답들도 KO로 셉니다. 빨간색 계열만 기술적 실패(5xx, 예상하지 못한 응답, 무응답)이며 감사 위반입니다.';
    const steps = data.steps;
    chart('steps-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: steps.map((step) => step.label + ' (' + number(step.requests) + ')') },
      yAxis: { type: 'value', name: 'ms' },
      series: ['p50', 'p95', 'p99', 'max'].map((percentile) => ({
        name: percentile,
        type: 'bar',
        data: steps.map((step) => step.latencyMs[percentile]),
      })),
    });
    if (answers.seconds === 0) {
      noData('answers-chart', '(예약 시도가 없습니다)');
      noData('latency-chart', '(예약 시도가 없습니다)');
      return;
    }
    const seconds = Array.from({ length: answers.seconds }, (unused, second) => second + '초');
    chart('answers-chart', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 50, right: 30, top: 40, bottom: answers.seconds > 60 ? 90 : 60 },
      dataZoom: answers.seconds > 60 ? [{ type: 'slider', bottom: 5 }] : [],
      xAxis: { type: 'category', data: seconds, name: '예약 시작 후', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: '응답 수', minInterval: 1 },
      series: data.reasons.filter((reason) => answers.counts[reason.reason]).map((reason) => ({
        name: reason.reason + ' ' + reason.meaning,
        type: 'bar',
        stack: 'answers',
        itemStyle: { color: REASON_COLOURS[reason.reason] },
        data: answers.counts[reason.reason],
      })),
    });
    chart('latency-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: answers.seconds > 60 ? 90 : 60 },
      dataZoom: answers.seconds > 60 ? [{ type: 'slider', bottom: 5 }] : [],
      xAxis: { type: 'category', data: seconds, name: '예약 시작 후', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'ms' },
      series: ['p50', 'p95', 'max'].map((percentile) => ({
        name: percentile,
        type: 'line',
        connectNulls: false,
        data: answers.latencyMs.map((latency) => (latency === null ? '-' : latency[percentile])),
      })),
    });
  }

  function renderStudents() {
    const rows = data.students;
    const search = document.getElementById('student-search');
    const body = document.querySelector('#student-table tbody');
    let page = 0;
    let shown = rows;

    function matches(row, query) {
      return row.student.toLowerCase().includes(query)
        || Object.keys(row.refusals).some((reason) => reason.toLowerCase().includes(query))
        || (row.trouble !== null && row.trouble.includes(query))
        || row.finalClinics.some((id) => clinicLabel(id).toLowerCase().includes(query));
    }

    function triesRow(row) {
      return el('tr', { className: 'tries' }, el('td', { colspan: '6' }, row.attempts.length === 0 ? '(예약 시도 없음)'
        : el('ol', {}, row.attempts.map(([clinicId, reason, atMs, latencyMs, how]) => el('li', {},
          secondsText(atMs) + ' · ' + clinicLabel(clinicId) + (how ? ' (' + how + ')' : '') + ' · ', reasonBadge(reason),
          ' ' + (reasons.get(reason) ? reasons.get(reason).meaning : '') + ' · ' + latencyMs + ' ms')))));
    }

    function draw() {
      const pages = Math.max(1, Math.ceil(shown.length / STUDENTS_PER_PAGE));
      page = Math.min(page, pages - 1);
      body.replaceChildren(...shown.slice(page * STUDENTS_PER_PAGE, (page + 1) * STUDENTS_PER_PAGE).map((row) => {
        const line = el('tr', { className: 'student' },
          el('td', {}, row.student),
          el('td', { className: 'number' }, row.tries),
          el('td', { className: 'number' }, row.reserved),
          el('td', {}, Object.entries(row.refusals).map(([reason, count]) => reasonBadge(reason, count))),
          el('td', {}, row.finalClinics.map(clinicLabel).join(', ')),
          el('td', { className: row.trouble ? 'trouble' : '' }, row.trouble || ''));
        line.addEventListener('click', () => {
          const next = line.nextElementSibling;
          if (next && next.classList.contains('tries')) {
            next.remove();
          } else {
            line.after(triesRow(row));
          }
        });
        return line;
      }));
      document.getElementById('student-count').textContent = number(shown.length) + ' / ' + number(rows.length) + '명';
      document.getElementById('student-page').textContent = (page + 1) + ' / ' + pages + ' 쪽';
      document.getElementById('student-previous').disabled = page === 0;
      document.getElementById('student-next').disabled = page >= pages - 1;
    }

    search.addEventListener('input', () => {
      const query = search.value.trim().toLowerCase();
      shown = query === '' ? rows : rows.filter((row) => matches(row, query));
      page = 0;
      draw();
    });
    document.getElementById('student-previous').addEventListener('click', () => { page -= 1; draw(); });
    document.getElementById('student-next').addEventListener('click', () => { page += 1; draw(); });
    draw();
  }

  function renderRun() {
    const run = data.run;
    const section = document.getElementById('run');
    const link = (href, text) => el('a', { href: href }, text);
    section.append(el('h2', {}, '⚙️ 실행 정보'), el('dl', {},
      el('dt', {}, '🎲 seed'), el('dd', {}, String(run.seed)),
      el('dt', {}, '같은 실행을 반복하려면'), el('dd', {}, el('code', { id: 'repeat-command' }, run.repeatCommand)),
      el('dt', {}, '대상'), el('dd', {}, run.target),
      el('dt', {}, '옵션'), el('dd', {}, Object.entries(run.options).map(([name, value]) =>
        el('code', {}, name + '=' + (Array.isArray(value) ? value.join(',') : value))).flatMap((code) => [code, ' '])),
      el('dt', {}, '파일'), el('dd', {},
        link('index.html', 'Gatling 보고서 (index.html)'), ' · ',
        link('clinic-summary.json', 'clinic-summary.json'), ' · ',
        link('clinic_test.log', 'clinic_test.log'), ' · ',
        link('clinic-attempts.jsonl', 'clinic-attempts.jsonl'))));
  }

  renderRunLine();
  renderVerdict();
  renderFigures();
  renderWeek();
  renderSeats();
  renderAnswers();
  renderStudents();
  renderRun();
  window.addEventListener('resize', () => charts.forEach((instance) => instance.resize()));
}());
