// The overview at the top of the explorer: the map, the facets as bars that filter, the programs'
// editions and the clusters that match. Like the rest of the explorer it talks only to /graphql.
(function () {
  'use strict';

  const { graphql, expand, cy } = window.explorer;
  const ECHARTS_MAPS = '/webjars/echarts/4.1.0/map/js/province/';
  // The file of each province's shapes in the ECharts package, by the first two digits of its code.
  const SHAPE_FILES = {
    11: 'beijing', 12: 'tianjin', 13: 'hebei', 14: 'shanxi', 15: 'neimenggu', 21: 'liaoning', 22: 'jilin',
    23: 'heilongjiang', 31: 'shanghai', 32: 'jiangsu', 33: 'zhejiang', 34: 'anhui', 35: 'fujian', 36: 'jiangxi',
    37: 'shandong', 41: 'henan', 42: 'hubei', 43: 'hunan', 44: 'guangdong', 45: 'guangxi', 46: 'hainan',
    50: 'chongqing', 51: 'sichuan', 52: 'guizhou', 53: 'yunnan', 54: 'xizang', 61: 'shanxi1', 62: 'gansu',
    63: 'qinghai', 64: 'ningxia', 65: 'xinjiang',
  };
  const LEVEL_NAMES = { PROVINCE: '省级 province', PREFECTURE: '地级 prefecture', COUNTY: '县级 county',
    TOWNSHIP: '乡级 township', ZONE: '开发区 zone' };
  const NEXT_INDUSTRY_LEVEL = { SECTION: 'DIVISION', DIVISION: 'GROUP', GROUP: 'CLASS', CLASS: 'CLASS' };
  const NO_REGION = '#ced4da';
  const PAGE = 20;

  const mapBox = document.getElementById('map');
  const chart = echarts.init(mapBox, null, { renderer: 'svg' });
  window.addEventListener('resize', () => chart.resize());

  // What the user has filtered by; every view below reads it.
  const state = { program: null, year: null, industry: [], region: [], level: null };
  let base = null;
  let refreshes = 0;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat(Infinity).forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  }

  function svg(tag, attributes, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'onclick') node.addEventListener('click', value);
      else if (value !== undefined && value !== null) node.setAttribute(key, value);
    });
    children.flat(Infinity).forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  }

  // Replaces a node's children with these, nested lists flattened.
  function fill(node, ...children) {
    node.replaceChildren(...children.flat(Infinity).map((c) => (c instanceof Node ? c : String(c ?? ''))));
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  }

  const last = (list) => list[list.length - 1];

  // --- places: the map's names and the graph's ----------------------------------------------

  // The map writes 北京, 内蒙古, 新疆 where the graph writes 北京市, 内蒙古自治区, 新疆维吾尔自治区, and
  // keeps a few older names (那曲地区, 梁平县 for the graph's 那曲市, 梁平区). A shape and a region are one
  // place when their names are equal; otherwise when the stem of one (its name without the
  // administrative suffix) begins the stem of the other and neither could be paired so with another.
  const SUFFIX = /(特别行政区|自治区|自治州|自治县|地区|林区|省|市|县|区|盟)$/;

  function stem(name) {
    return name.replace(SUFFIX, '') || name;
  }

  function matchPlaces(shapeNames, regions) {
    const byShape = new Map();
    const taken = new Set();
    shapeNames.forEach((shape) => {
      const region = regions.find((r) => r.name === shape);
      if (region) {
        byShape.set(shape, region);
        taken.add(region.code);
      }
    });
    const shapesLeft = shapeNames.filter((s) => !byShape.has(s));
    const regionsLeft = regions.filter((r) => !taken.has(r.code));
    const akin = (shape, region) => {
      const [a, b] = [stem(shape), stem(region.name)];
      return a.startsWith(b) || b.startsWith(a);
    };
    shapesLeft.forEach((shape) => {
      const candidates = regionsLeft.filter((r) => akin(shape, r));
      if (candidates.length === 1 && shapesLeft.filter((s) => akin(s, candidates[0])).length === 1) {
        byShape.set(shape, candidates[0]);
      }
    });
    const matched = new Set([...byShape.values()].map((r) => r.code));
    return {
      byShape,
      shapesWithoutRegion: shapeNames.filter((s) => !byShape.has(s)),
      regionsWithoutShape: regions.filter((r) => !matched.has(r.code)),
    };
  }

  function shapeNames(mapName) {
    const map = echarts.getMap(mapName);
    return map ? map.geoJson.features.map((f) => f.properties.name) : [];
  }

  const shapeFiles = {};

  // The shapes of one province's prefectures, registered with ECharts under the map's short name.
  function loadProvinceShapes(code) {
    const file = SHAPE_FILES[String(code).slice(0, 2)];
    if (!file) return Promise.resolve(false);
    shapeFiles[file] = shapeFiles[file] || new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = ECHARTS_MAPS + file + '.js';
      script.onload = () => resolve(true);
      script.onerror = () => {
        delete shapeFiles[file];
        resolve(false);
      };
      document.head.append(script);
    });
    return shapeFiles[file];
  }

  // The province's short name on the national map, which its shape file registers its map under.
  function mapNameOfProvince(code) {
    return [...base.provinceMatch.byShape].find(([, region]) => region.code === code)?.[0];
  }

  const children = {};

  async function childrenOf(code) {
    if (!children[code]) {
      children[code] = graphql(`query($code: String!) { region(code: $code) { children(first: 100) {
        edges { node { code name level } } } } }`, { code }).then((data) => data.region.children.edges.map((e) => e.node),
        (error) => {
          delete children[code];
          throw error;
        });
    }
    return children[code];
  }

  // --- the filter ------------------------------------------------------------------------------

  function filter(withRegion) {
    const f = {};
    if (state.program) f.program = state.program.key;
    if (state.year) f.year = state.year;
    if (state.industry.length) f.industry = last(state.industry).code;
    if (withRegion && state.region.length) f.region = last(state.region).code;
    if (state.level) f.regionLevel = state.level;
    return f;
  }

  function set(changes) {
    Object.assign(state, changes);
    if (!state.program) state.year = null;
    refresh().catch(() => {
      mapBox.dataset.state = 'failed';
    });
  }

  function showFilters(total) {
    const chips = [];
    const chip = (kind, text, clear) => chips.push(el('button', { class: 'chip', 'data-filter': kind,
      title: 'Remove this filter', onclick: clear }, text, el('span', { 'aria-hidden': 'true' }, ' ×')));
    if (state.program) chip('program', 'Program: ' + state.program.name, () => set({ program: null }));
    if (state.year) chip('year', 'Edition: ' + state.year, () => set({ year: null }));
    if (state.industry.length) {
      chip('industry', 'Industry: ' + last(state.industry).code + ' ' + last(state.industry).name, () => set({ industry: [] }));
    }
    if (state.level) chip('level', 'Level: ' + (LEVEL_NAMES[state.level] || state.level), () => set({ level: null }));
    if (state.region.length) {
      chip('region', 'Region: ' + state.region.map((r) => r.name).join(' › '), () => set({ region: [] }));
    }
    // the matching clusters with what they link to, as files for Gephi, Cytoscape or yEd
    const query = new URLSearchParams(filter(true)).toString();
    const download = (format, text) => el('a', { class: 'download', 'data-format': format, download: '',
      href: '/export/clusters.' + format + (query ? '?' + query : '') + (query ? '&' : '?') + 'limit=1000' }, text);
    fill(document.getElementById('filters'),
      el('strong', { id: 'match-count' }, total),
      chips.length ? ' of ' + base.total + ' clusters match' : ' clusters in all programs',
      chips.length ? [': ', chips, el('button', { class: 'clear', onclick: () => set({ program: null, industry: [], region: [], level: null }) }, 'Clear all')]
        : ' · click a province, a bar or an edition to filter',
      ' · download ', total > 1000 ? 'the first 1,000 ' : '', 'as ', download('graphml', 'GraphML'), ' or ',
      download('cyjs', 'Cytoscape JSON'));
  }

  // --- bars ------------------------------------------------------------------------------------

  // Bars for one facet: each a button that filters, or plain rows when picking is null.
  function bars(container, rows, picking) {
    const max = Math.max(1, ...rows.map((r) => r.scale ?? r.count));
    container.replaceChildren(...rows.map((row) => {
      const fill = el('span', { class: 'fill' });
      fill.style.width = (100 * row.count / max).toFixed(1) + '%';
      const track = el('span', { class: 'track' }, fill);
      if (row.scale) {
        const whole = el('span', { class: 'whole' });
        whole.style.width = (100 * row.scale / max).toFixed(1) + '%';
        track.prepend(whole);
      }
      const content = [el('span', { class: 'label', title: row.title || row.label }, row.label), track,
        el('span', { class: 'count' }, row.scale ? row.count + ' / ' + row.scale : row.count)];
      return picking
        ? el('button', { class: 'bar-row', 'data-key': row.key, 'aria-pressed': String(!!row.active),
          title: row.active ? 'Remove this filter' : 'Filter by ' + row.label, onclick: () => picking(row) }, content)
        : el('div', { class: 'bar-row', 'data-key': row.key }, content);
    }));
  }

  function programBars(byProgram) {
    const counts = new Map(byProgram.map((f) => [f.program.key, f.count]));
    bars(document.getElementById('facet-program'), base.programs.map((p) => ({
      key: p.key, label: p.name, title: p.name + ' · ' + (p.issuer || 'issuer not stated') + ' · ' + p.clusterCount + ' clusters in all',
      count: counts.get(p.key) || 0, scale: p.clusterCount, active: state.program?.key === p.key,
    })), (row) => set({ program: row.active ? null : base.programs.find((p) => p.key === row.key) }));
  }

  function industryBars(byIndustry, level) {
    const here = last(state.industry);
    const under = byIndustry.filter((f) => !here || here.code === f.industry.code
      || (level === 'DIVISION' ? f.industry.parent?.code === here.code : f.industry.code.startsWith(here.code)));
    fill(document.getElementById('industry-trail'),
      el('span', { class: state.industry.length ? 'link' : '', onclick: () => set({ industry: [] }) }, 'All sections'),
      state.industry.map((i, n) => [' › ', el('span', { class: n < state.industry.length - 1 ? 'link' : '',
        onclick: () => set({ industry: state.industry.slice(0, n + 1) }) }, i.code + ' ' + i.name)]));
    bars(document.getElementById('facet-industry'), under.slice(0, 25).map((f) => ({
      key: f.industry.code, label: f.industry.code + ' ' + f.industry.name, count: f.count,
      active: here?.code === f.industry.code,
    })), (row) => {
      if (row.active) set({ industry: state.industry.slice(0, -1) });
      else set({ industry: state.industry.concat([{ code: row.key, name: row.label.slice(row.key.length + 1) }]) });
    });
  }

  function provinceBars(byProvince) {
    const selected = state.region[0]?.code;
    bars(document.getElementById('facet-province'), byProvince.map((f) => ({
      key: f.region.code, label: f.region.name, count: f.count, active: selected === f.region.code,
    })), (row) => {
      set({ region: row.active ? [] : [{ code: row.key, name: row.label }] });
      // The map above turns to the province: bring it into view.
      document.getElementById('map-panel').scrollIntoView({ block: 'nearest' });
    });
  }

  function levelBars(byRegionLevel) {
    bars(document.getElementById('facet-level'), byRegionLevel.map((f) => ({
      key: f.regionLevel, label: LEVEL_NAMES[f.regionLevel] || f.regionLevel, count: f.count,
      active: state.level === f.regionLevel,
    })), (row) => set({ level: row.active ? null : row.key }));
  }

  // --- the map ---------------------------------------------------------------------------------

  // Legend classes 0, 1, 2–4, 5–9, 10–19, 20–49, 50–99, 100–199..., as far as the largest count.
  function classes(max) {
    const bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
    const ranges = [];
    for (let i = 0; i < bounds.length && bounds[i] <= Math.max(1, max); i++) {
      ranges.push([bounds[i], bounds[i + 1] - 1]);
    }
    const [from, to] = [[214, 230, 245], [8, 48, 107]];
    const color = (t) => 'rgb(' + from.map((c, k) => Math.round(c + (to[k] - c) * t)).join(',') + ')';
    return [{ value: 0, label: '0', color: 'rgb(247,250,253)' }].concat(ranges.map(([lo, hi], i) => ({
      min: lo, max: hi, label: lo === hi ? String(lo) : lo + '–' + hi,
      color: color(ranges.length === 1 ? 1 : i / (ranges.length - 1)),
    })));
  }

  function drawMap(mapName, items, title, selectedCode) {
    const max = Math.max(0, ...items.map((d) => d.value));
    chart.setOption({
      // Drawn at once: a test or a screenshot taken after the counts arrive sees the final colours.
      animation: false,
      title: { text: title, left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 'normal', color: '#495057' } },
      tooltip: { trigger: 'item', formatter: (p) => (p.data
        ? escape(p.data.regionName) + '<br>' + p.data.value + ' cluster' + (p.data.value === 1 ? '' : 's')
        : escape(p.name) + '<br>no region of this name in the graph') },
      visualMap: { type: 'piecewise', pieces: classes(max), left: 8, bottom: 8, itemWidth: 14, itemHeight: 10,
        textStyle: { fontSize: 11 }, selectedMode: false },
      series: [{
        type: 'map', map: mapName, data: items.map((d) => Object.assign({}, d, d.code === selectedCode
          ? { itemStyle: { borderColor: '#e8590c', borderWidth: 2.5 } } : {})),
        top: 36, bottom: 12, left: 'center',
        label: { show: true, fontSize: 9, color: '#212529', textBorderColor: 'rgba(255,255,255,.85)', textBorderWidth: 2 },
        itemStyle: { areaColor: NO_REGION, borderColor: '#fff', borderWidth: 0.8 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd43b' } },
        selectedMode: false,
      }],
    }, true);
    mapBox.dataset.map = mapName;
  }

  function showCrumbs() {
    const crumbs = document.getElementById('map-crumbs');
    fill(crumbs,
      el('span', { class: state.region.length ? 'link' : '', onclick: () => set({ region: [] }) }, '中国 China'),
      state.region.map((r, n) => [' › ', el('span', { class: n < state.region.length - 1 ? 'link' : '',
        'data-code': r.code, onclick: () => set({ region: state.region.slice(0, n + 1) }) }, r.name)]),
      state.region.length ? el('button', { id: 'map-back', onclick: () => set({ region: [] }) }, '← National map') : '');
  }

  function drawNation(byProvince) {
    const counts = new Map(byProvince.map((f) => [f.region.code, f.count]));
    const items = [...base.provinceMatch.byShape].map(([shape, region]) => ({
      name: shape, value: counts.get(region.code) || 0, code: region.code, regionName: region.name }));
    drawMap('china', items, 'Clusters per province', null);
    const missing = base.provinceMatch.regionsWithoutShape;
    document.getElementById('map-note').textContent = 'Grey: no region of the graph (' + base.provinceMatch.shapesWithoutRegion.join('、') + ').'
      + (missing.length ? ' No shape for ' + missing.map((r) => r.name).join('、') + '.' : '') + ' Click a province to look inside.';
    document.getElementById('drill').replaceChildren();
  }

  // Clusters of a province under the filter, counted per unit directly under it and per unit below
  // those; read page by page from the clusters the filter selects (a cluster counts once in each).
  async function countWithin(province, token) {
    const counts = new Map();
    let after = null;
    let atProvince = 0;
    let total = 0;
    do {
      const { clusters } = await graphql(`query($filter: ClusterFilter, $after: String) {
        clusters(filter: $filter, first: 100, after: $after) { pageInfo { hasNextPage endCursor }
          edges { node { regions { code name level ancestors { code name level } } } } } }`,
      { filter: Object.assign(filter(false), { region: province }), after });
      if (token !== refreshes) return null;
      clusters.edges.forEach(({ node }) => {
        total++;
        const seen = new Set();
        node.regions.forEach((region) => {
          const path = region.ancestors.concat([region]);
          const at = path.findIndex((r) => r.code === province);
          if (at < 0) return;
          const below = path.slice(at + 1, at + 3);
          if (!below.length) seen.add(province);
          below.forEach((r, depth) => {
            if (seen.has(r.code)) return;
            seen.add(r.code);
            const entry = counts.get(r.code) || { code: r.code, name: r.name, level: r.level, depth,
              parent: depth ? below[0].code : province, count: 0 };
            entry.count++;
            counts.set(r.code, entry);
          });
        });
        if (seen.has(province)) atProvince++;
      });
      after = clusters.pageInfo.hasNextPage ? clusters.pageInfo.endCursor : null;
    } while (after);
    return { counts, atProvince, total };
  }

  async function drawProvince(token) {
    const province = state.region[0];
    const mapName = mapNameOfProvince(province.code);
    const [loaded, units, within] = await Promise.all([loadProvinceShapes(province.code), childrenOf(province.code),
      countWithin(province.code, token)]);
    if (token !== refreshes || !within) return;
    const shapes = loaded && mapName ? shapeNames(mapName) : [];
    const match = matchPlaces(shapes, units.filter((u) => u.level !== 'ZONE'));
    const selected = state.region[1]?.code;
    if (shapes.length) {
      drawMap(mapName, [...match.byShape].map(([shape, region]) => ({ name: shape, code: region.code,
        regionName: region.name, value: within.counts.get(region.code)?.count || 0 })),
      province.name + ': clusters per unit under it', selected);
    } else {
      chart.clear();
      mapBox.dataset.map = '';
    }
    const unshaped = match.regionsWithoutShape.filter((r) => within.counts.get(r.code))
      .concat(units.filter((u) => u.level === 'ZONE' && within.counts.get(u.code)));
    document.getElementById('map-note').textContent = (shapes.length ? '' : 'No map shapes for ' + province.name + '. ')
      + (match.shapesWithoutRegion.length ? 'Grey: ' + match.shapesWithoutRegion.join('、') + ' (no region of this name in the graph). ' : '')
      + (unshaped.length ? 'Not on the map: ' + unshaped.map((r) => r.name + ' (' + within.counts.get(r.code).count + ')').join('、') + '. ' : '')
      + 'Click a unit to filter by it.';
    drillTable(province, units, within);
  }

  function drillTable(province, units, within) {
    const pick = (trail) => () => set({ region: trail });
    const top = [...within.counts.values()].filter((e) => e.depth === 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    const idle = units.filter((u) => !within.counts.has(u.code)).length;
    const rows = top.map((unit) => {
      const below = [...within.counts.values()].filter((e) => e.depth === 1 && e.parent === unit.code)
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
      const trail = [province, { code: unit.code, name: unit.name }];
      return el('tr', { 'data-code': unit.code, class: state.region[1]?.code === unit.code ? 'selected' : null },
        el('td', {}, el('span', { class: 'link', onclick: pick(trail) }, unit.name), el('small', {}, ' ', unit.code)),
        el('td', { class: 'num' }, unit.count),
        el('td', {}, below.length ? el('ul', { class: 'units' }, below.map((c) => el('li', { 'data-code': c.code },
          el('span', { class: 'link', onclick: pick(trail.concat([{ code: c.code, name: c.name }])) }, c.name),
          ' ', el('span', { class: 'num' }, c.count)))) : el('small', {}, 'placed at this level only')));
    });
    fill(document.getElementById('drill'),
      el('h3', {}, province.name, ': ', within.total, ' clusters', within.atProvince ? ' (' + within.atProvince + ' placed in the province as a whole)' : ''),
      el('table', { class: 'drill' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Under ' + province.name), el('th', { class: 'num' }, 'Clusters'),
          el('th', {}, 'Counties, districts and zones in it (clusters)'))),
        el('tbody', {}, rows)),
      idle ? el('p', { class: 'note' }, idle, ' other units under ', province.name, ' have no cluster', Object.keys(filter(false)).length ? ' that matches' : '', '.') : '');
  }

  chart.on('click', (params) => {
    const item = params.data;
    if (!item || !item.code) return;
    if (!state.region.length) {
      set({ region: [{ code: item.code, name: item.regionName }] });
    } else if (state.region[1]?.code === item.code) {
      set({ region: state.region.slice(0, 1) });
    } else {
      set({ region: [state.region[0], { code: item.code, name: item.regionName }] });
    }
  });

  // --- editions ---------------------------------------------------------------------------------

  function timeline() {
    const programs = base.programs;
    const years = programs.flatMap((p) => p.editions.map((e) => e.year));
    const box = document.getElementById('timeline');
    if (!years.length) {
      box.replaceChildren(el('p', {}, 'No program states editions.'));
      return;
    }
    const [first, lastYear] = [Math.min(...years), Math.max(...years)];
    const span = lastYear - first + 1;
    const [labelWidth, column, top, barHeight] = [230, 130, 26, 64];
    // A lane per program: tall enough for the bars where there are editions, one line where there are none.
    const lanes = [];
    programs.reduce((y, p) => {
      const height = p.editions.length ? barHeight + 56 : 40;
      lanes.push({ program: p, y, height });
      return y + height;
    }, top);
    const width = labelWidth + span * column + 10;
    const height = lanes.length ? last(lanes).y + last(lanes).height + 4 : top;
    const tallest = Math.max(1, ...programs.flatMap((p) => p.editions.map((e) => e.clusterCount)));
    const scale = (n) => barHeight * n / tallest;
    const x = (year) => labelWidth + (year - first) * column + column / 2;
    const chartSvg = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img',
      'aria-label': 'Editions of each program by year, new and already listed clusters' },
    Array.from({ length: span }, (_, i) => svg('text', { x: x(first + i), y: 16, class: 'year' }, first + i)),
    lanes.map(({ program: p, y: y0, height: lane }) => {
      const active = state.program?.key === p.key;
      const middle = y0 + lane / 2;
      return svg('g', { class: 'lane' + (active ? ' active' : ''), 'data-program': p.key },
        svg('line', { x1: 0, x2: width, y1: y0 + lane, y2: y0 + lane, class: 'rule' }),
        svg('text', { x: 4, y: middle - 2, class: 'program' }, p.name),
        svg('text', { x: 4, y: middle + 13, class: 'sub' }, p.editions.length
          ? p.editions.length + ' editions · ' + p.clusterCount + ' clusters'
          : 'one list, no editions stated · ' + p.clusterCount + ' clusters'),
        p.editions.map((e) => {
          const floor = y0 + lane - 30;
          const [newHeight, seenHeight] = [scale(e.newClusters), scale(e.seenInEarlierEdition)];
          const picked = active && state.year === e.year;
          return svg('g', { class: 'edition' + (picked ? ' picked' : ''), 'data-year': e.year, 'data-count': e.clusterCount,
            'data-new': e.newClusters, 'data-seen': e.seenInEarlierEdition, tabindex: 0, role: 'button',
            onclick: () => set(picked ? { year: null } : { program: p, year: e.year }) },
          svg('title', {}, p.name + ' ' + e.year + ': ' + e.clusterCount + ' clusters (' + e.listingCount + ' entries), '
            + e.newClusters + ' new to the program, ' + e.seenInEarlierEdition + ' listed by an earlier edition, '
            + e.alsoOnOtherPrograms + ' also on other programs. Click to filter by this edition.'),
          svg('rect', { class: 'new', x: x(e.year) - 18, width: 36, y: floor - newHeight, height: newHeight }),
          svg('rect', { class: 'seen', x: x(e.year) - 18, width: 36, y: floor - newHeight - seenHeight, height: seenHeight }),
          svg('text', { x: x(e.year), y: floor - newHeight - seenHeight - 3, class: 'total' }, e.clusterCount),
          svg('text', { x: x(e.year), y: floor + 12, class: 'split' }, e.newClusters + ' new · ' + e.seenInEarlierEdition + ' seen'),
          svg('text', { x: x(e.year), y: floor + 24, class: 'split other' }, e.alsoOnOtherPrograms + ' on other lists'));
        }));
    }));
    chartSvg.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target.closest('.edition')) {
        event.preventDefault();
        event.target.closest('.edition').dispatchEvent(new MouseEvent('click'));
      }
    });
    box.replaceChildren(chartSvg);
  }

  // --- clusters --------------------------------------------------------------------------------

  const CLUSTER_FIELDS = `pageInfo { hasNextPage endCursor } totalCount edges { node { id name
    programs { name } regions { name ancestors { name } } industries { code name } } }`;

  function clusterRows(edges) {
    return edges.map(({ node }) => el('tr', { 'data-id': node.id },
      el('td', {}, el('span', { class: 'link', onclick: () => draw(node.id) }, node.name)),
      el('td', {}, node.regions.map((r) => r.ancestors.map((a) => a.name).concat([r.name]).join(' › ')).join('; ')),
      el('td', {}, node.programs.map((p) => p.name).join('、')),
      el('td', {}, node.industries.map((i) => i.code + ' ' + i.name).join('; '))));
  }

  function showClusters(connection) {
    const body = el('tbody', {}, clusterRows(connection.edges));
    const more = el('button', { id: 'more-clusters' }, 'Show ' + PAGE + ' more');
    let after = connection.pageInfo.endCursor;
    const token = refreshes;
    more.hidden = !connection.pageInfo.hasNextPage;
    more.addEventListener('click', async () => {
      const { clusters } = await graphql(`query($filter: ClusterFilter, $after: String) { clusters(filter: $filter,
        first: ${PAGE}, after: $after) { ${CLUSTER_FIELDS} } }`, { filter: filter(true), after });
      if (token !== refreshes) return;
      body.append(...clusterRows(clusters.edges));
      after = clusters.pageInfo.endCursor;
      more.hidden = !clusters.pageInfo.hasNextPage;
    });
    fill(document.getElementById('cluster-list'),
      el('table', {}, el('thead', {}, el('tr', {}, ['Cluster', 'Where', 'Programs', 'Industries'].map((h) => el('th', {}, h)))), body),
      connection.totalCount ? '' : el('p', {}, 'No cluster matches these filters.'), more);
  }

  function draw(id) {
    cy.elements().remove();
    expand(id);
    document.getElementById('graph-view').scrollIntoView({ block: 'start' });
  }

  // --- putting it together ----------------------------------------------------------------------

  async function refresh() {
    const token = ++refreshes;
    mapBox.dataset.state = 'loading';
    const here = last(state.industry);
    const level = here ? NEXT_INDUSTRY_LEVEL[industryLevel(here.code)] : 'SECTION';
    const data = await graphql(`query($wide: ClusterFilter, $filter: ClusterFilter, $level: IndustryLevel) {
      wide: clusterFacets(filter: $wide) { total byProvince { region { code name } count } }
      here: clusterFacets(filter: $filter) { total byProgram { program { key } count } byRegionLevel { regionLevel count }
        byIndustry(level: $level) { industry { code name parent { code } } count } }
      clusters(filter: $filter, first: ${PAGE}) { ${CLUSTER_FIELDS} } }`,
    { wide: filter(false), filter: filter(true), level });
    if (token !== refreshes) return;
    showFilters(data.here.total);
    programBars(data.here.byProgram);
    industryBars(data.here.byIndustry, level);
    provinceBars(data.wide.byProvince);
    levelBars(data.here.byRegionLevel);
    document.getElementById('industry-level').textContent = level.toLowerCase();
    timeline();
    showCrumbs();
    showClusters(data.clusters);
    if (state.region.length) await drawProvince(token);
    else drawNation(data.wide.byProvince);
    if (token === refreshes) mapBox.dataset.state = 'ready';
  }

  function industryLevel(code) {
    return /^[A-Z]$/.test(code) ? 'SECTION' : ['DIVISION', 'GROUP', 'CLASS'][code.length - 2] || 'CLASS';
  }

  async function start() {
    const data = await graphql(`{ clusterFacets { total }
      programs { key name issuer level clusterCount editions { year listingCount clusterCount newClusters
        seenInEarlierEdition alsoOnOtherPrograms } }
      regions(filter: { level: PROVINCE }, first: 100) { edges { node { code name } } } }`);
    const provinces = data.regions.edges.map((e) => e.node);
    base = { total: data.clusterFacets.total, programs: data.programs, provinces,
      provinceMatch: matchPlaces(shapeNames('china'), provinces) };
    await refresh();
  }

  start().catch(() => {
    mapBox.dataset.state = 'failed';
  });

  window.explorer.overview = { chart, state, set, matchPlaces, loadProvinceShapes, shapeNames, mapNameOfProvince,
    get base() { return base; } };
})();
