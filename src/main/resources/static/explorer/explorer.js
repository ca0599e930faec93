// The explorer talks only to the public GraphQL API at /graphql.
(function () {
  'use strict';

  const COLORS = { Cluster: '#d9480f', Region: '#1971c2', Industry: '#2f9e44', Program: '#862e9c' };
  const NEIGHBOURS = 40;
  const status = document.getElementById('status');
  const details = document.getElementById('details');
  const hits = document.getElementById('hits');
  const view = document.getElementById('view');
  let pending = 0;
  let selected = null;
  let pathFrom = null;

  async function graphql(query, variables) {
    pending++;
    if (status.className !== 'error') showStatus('Loading…', 'loading');
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query, variables: variables || {} }),
      });
      if (!response.ok) {
        throw new Error('The API answered HTTP ' + response.status);
      }
      const body = await response.json();
      if (body.errors && body.errors.length) {
        throw new Error(body.errors.map((e) => e.message).join('; '));
      }
      pending--;
      // An error stays visible until the user does something else.
      if (status.className !== 'error') showStatus(pending ? 'Loading…' : '', pending ? 'loading' : '');
      return body.data;
    } catch (error) {
      pending--;
      showStatus('Error: ' + error.message, 'error');
      throw error;
    }
  }

  function showStatus(text, kind) {
    status.textContent = text;
    status.className = kind || '';
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(key, value);
    });
    children.flat(Infinity).forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  }

  function table(headers, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
  }

  // --- the graph ---------------------------------------------------------------------------

  const cy = cytoscape({
    container: document.getElementById('graph'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        'background-color': (n) => COLORS[n.data('label')] || '#adb5bd',
        label: 'data(caption)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110,
        'text-valign': 'bottom', 'text-margin-y': 3, width: 18, height: 18,
        'font-family': 'Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif' } },
      { selector: 'node[label = "Program"]', style: { shape: 'round-rectangle', width: 26 } },
      { selector: 'node[label = "Region"]', style: { shape: 'diamond' } },
      { selector: 'node[label = "Industry"]', style: { shape: 'hexagon' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#fab005' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#ced4da', 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#ced4da', 'arrow-scale': 0.6 } },
      { selector: '.path', style: { 'line-color': '#fab005', 'target-arrow-color': '#fab005', width: 3 } },
    ],
  });

  function caption(node) {
    const drawn = cy.getElementById(node.id()).neighborhood('node').length;
    const hidden = node.data('degree') - drawn;
    return node.data('name') + (hidden > 0 ? ' +' + hidden : '');
  }

  function addGraph(graph, focus) {
    cy.batch(() => {
      graph.nodes.forEach((n) => {
        if (cy.getElementById(n.id).empty()) {
          cy.add({ group: 'nodes', data: { id: n.id, label: n.label, name: n.name, degree: n.degree } });
        }
      });
      graph.edges.forEach((e) => {
        if (cy.getElementById(e.id).empty()) {
          cy.add({ group: 'edges', data: { id: e.id, type: e.type, source: e.source, target: e.target } });
        }
      });
      cy.nodes().forEach((n) => n.data('caption', caption(n)));
    });
    document.getElementById('graph-pane').classList.toggle('empty', cy.nodes().empty());
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70 }).run();
    if (focus) {
      select(cy.getElementById(focus));
    }
  }

  async function expand(id) {
    const data = await graphql(`query($id: ID!, $limit: Int) { neighborhood(id: $id, depth: 1, limit: $limit) {
      truncated nodes { id label name degree } edges { id type source target } } }`, { id, limit: NEIGHBOURS });
    if (!data.neighborhood) {
      showStatus('Nothing found for ' + id, 'error');
      return;
    }
    addGraph(data.neighborhood, id);
    if (data.neighborhood.truncated) {
      showStatus('Showing the nearest ' + NEIGHBOURS + ' neighbours; the +N on a node counts those left out.');
    }
  }

  function select(node) {
    if (!node || node.empty()) return;
    cy.nodes().unselect();
    node.select();
    selected = node.id();
    showDetails(node.id());
  }

  cy.on('tap', 'node', (event) => select(event.target));
  cy.on('dbltap', 'node', (event) => expand(event.target.id()));

  // --- search ------------------------------------------------------------------------------

  document.getElementById('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    showStatus('', '');
    const text = document.getElementById('search').value.trim();
    hits.replaceChildren();
    if (!text) return;
    const data = await graphql(`query($text: String!) { search(text: $text, first: 12) { score node { __typename id
      ... on Cluster { name } ... on Region { name level } ... on Industry { name code } ... on Program { name } } } }`,
    { text });
    if (!data.search.length) {
      showStatus('No names contain ' + text);
      return;
    }
    hits.replaceChildren(...data.search.map((hit) => el('li', {
      'data-id': hit.node.id,
      onclick: () => { hits.replaceChildren(); cy.elements().remove(); expand(hit.node.id); },
    }, hit.node.name, el('small', {}, hit.node.__typename))));
    // The graph lies below the overview: bring it into view with the results.
    document.getElementById('graph-view').scrollIntoView({ block: 'start' });
  });

  // --- details -----------------------------------------------------------------------------

  let detailsShown = 0;

  async function showDetails(id) {
    // Answers for a node selected earlier must not land in a later node's panel.
    const token = ++detailsShown;
    const current = () => token === detailsShown;
    const [label, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
    const actions = el('div', { class: 'actions' },
      el('button', { onclick: () => expand(id) }, 'Expand neighbours'),
      el('button', { onclick: () => { pathFrom = id; showStatus('Path starts at ' + id + '; select another node and press "Path to here".'); } }, 'Path from here'),
      el('button', { onclick: () => pathFrom && drawPath(pathFrom, id) }, 'Path to here'),
      el('span', { class: 'downloads' }, 'Download its neighbourhood: ',
        el('a', { href: '/export/neighborhood.graphml?id=' + encodeURIComponent(id), download: '' }, 'GraphML'), ' · ',
        el('a', { href: '/export/neighborhood.cyjs?id=' + encodeURIComponent(id), download: '' }, 'Cytoscape JSON')));
    details.replaceChildren(el('p', { class: 'kind' }, label + ' · ' + id), actions);
    if (label === 'Cluster') {
      const { cluster } = await graphql(`query($id: ID!) { cluster(id: $id) { name industryPhrase
        regions { code name ancestors { name } }
        classification { industry { code name } confidence rule evidence }
        possibleMatches { cluster { id name } score evidence }
        listings { program { name } year rank nameAsListed source { document line } } } }`, { id });
      if (!current()) return;
      details.append(el('h2', {}, cluster.name),
        el('p', {}, 'Industry phrase: ', cluster.industryPhrase),
        el('h3', {}, 'Listings'),
        el('ol', { class: 'listings' }, cluster.listings.map((l) => el('li', {},
          el('strong', {}, l.program.name), ' · ', l.year ? l.year + ' · ' : '', 'No. ', l.rank,
          el('br'), l.nameAsListed,
          el('br'), el('small', {}, l.source.document + ', line ' + l.source.line)))),
        el('h3', {}, 'Regions'),
        table(['Code', 'Name'], cluster.regions.map((r) => [r.code, r.ancestors.map((a) => a.name).concat(r.name).join(' › ')])),
        el('h3', {}, 'Industries'),
        table(['Code', 'Name', 'Confidence', 'How'], cluster.classification.map((c) => [c.industry.code, c.industry.name,
          c.confidence.toFixed(2), el('span', { title: c.evidence }, c.rule)])),
        el('h3', {}, 'Possible matches'),
        cluster.possibleMatches.length
          ? el('ul', { class: 'matches' }, cluster.possibleMatches.map((m) => el('li', {},
            el('a', { href: '#', 'data-id': m.cluster.id, title: m.evidence,
              onclick: (event) => { event.preventDefault(); expand(m.cluster.id); showDetails(m.cluster.id); } }, m.cluster.name),
            ' · score ', m.score.toFixed(2), el('br'), el('small', {}, m.evidence))))
          : el('p', {}, 'None: no other cluster scored high enough to be worth a look.'));
    } else if (label === 'Region') {
      const { region } = await graphql(`query($code: String!) { region(code: $code) { name level
        ancestors { name } clusters(first: 0) { totalCount } programs { name } } }`, { code: key });
      if (!current()) return;
      details.append(el('h2', {}, region.name),
        el('p', {}, region.level, ' · ', region.ancestors.map((a) => a.name).join(' › ') || '—'),
        el('p', {}, 'Clusters here and below: ', region.clusters.totalCount),
        el('p', {}, 'Programs: ', region.programs.map((p) => p.name).join('、') || '—'));
    } else if (label === 'Industry') {
      const { industry } = await graphql(`query($code: String!) { industry(code: $code) { code name level
        parent { code name } clusters(first: 0) { totalCount } provinces { name } } }`, { code: key });
      if (!current()) return;
      details.append(el('h2', {}, industry.code + ' ' + industry.name),
        el('p', {}, industry.level, industry.parent ? ' · under ' + industry.parent.code + ' ' + industry.parent.name : ''),
        el('p', {}, 'Clusters of it and below: ', industry.clusters.totalCount),
        el('p', {}, 'Provinces: ', industry.provinces.map((p) => p.name).join('、') || '—'));
    } else if (label === 'Program') {
      const { program } = await graphql(`query($key: String!) { program(key: $key) { name issuer level years clusterCount } }`, { key });
      if (!current()) return;
      details.append(el('h2', {}, program.name),
        el('p', {}, (program.issuer || 'issuer not stated') + ' · ' + program.level),
        el('p', {}, 'Editions: ', program.years.join(', ') || 'none stated'),
        el('p', {}, 'Distinct clusters: ', program.clusterCount));
    }
  }

  // --- path --------------------------------------------------------------------------------

  async function drawPath(from, to) {
    const { shortestPath } = await graphql(`query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxLength: 10) {
      nodes { id label name degree } edges { id type source target } truncated } }`, { from, to });
    if (!shortestPath) {
      showStatus('No path within 10 hops that avoids programs.', 'error');
      return;
    }
    addGraph(shortestPath, to);
    cy.elements().removeClass('path');
    shortestPath.edges.forEach((e) => cy.getElementById(e.id).addClass('path'));
    showStatus('Path of ' + shortestPath.edges.length + ' hops: ' + shortestPath.nodes.map((n) => n.name).join(' → '));
    if (document.querySelector('[data-view=path][aria-selected=true]')) {
      views.path();
    }
  }

  // --- cross-list views --------------------------------------------------------------------

  let currentView = 'cross-listed';

  // A view's answer may arrive after the user moved to another tab: only the current one draws.
  function render(name, ...nodes) {
    if (currentView === name) view.replaceChildren(...nodes);
  }

  const views = {
    async 'cross-listed'() {
      const { crossListedClusters } = await graphql(`{ crossListedClusters(first: 100) { totalCount
        edges { node { id name programs { key name } listings { program { key } year nameAsListed } } } } }`);
      render('cross-listed', el('p', {}, crossListedClusters.totalCount, ' clusters are listed by two or more programs.'),
        table(['Cluster', 'Programs', 'Names as listed'], crossListedClusters.edges.map(({ node }) => [
          el('span', { class: 'link', onclick: () => { cy.elements().remove(); expand(node.id); } }, node.name),
          node.programs.map((p) => p.name).join('、'),
          node.listings.map((l) => l.nameAsListed + (l.year ? ' (' + l.year + ')' : '')).join(' / ')])));
    },
    async overlap() {
      const { programs, programOverlap } = await graphql(`{ programs { key name }
        programOverlap { a { key } b { key } sharedClusters sharedRegions clusterJaccard } }`);
      const cell = {};
      programOverlap.forEach((o) => { cell[o.a.key + '|' + o.b.key] = o; cell[o.b.key + '|' + o.a.key] = o; });
      const max = Math.max(1, ...programOverlap.map((o) => o.sharedRegions));
      render('overlap', el('p', {}, 'Shared clusters / shared prefecture-level regions; darker means more regions in common.'),
        el('table', { class: 'heat' },
          el('thead', {}, el('tr', {}, el('th', {}, ''), programs.map((p) => el('th', { title: p.key }, p.name)))),
          el('tbody', {}, programs.map((row) => el('tr', {}, el('th', { title: row.key }, row.name), programs.map((col) => {
            const o = cell[row.key + '|' + col.key];
            if (!o) return el('td', { class: 'cell' }, '—');
            const td = el('td', { class: 'cell', title: 'Jaccard ' + o.clusterJaccard.toFixed(4) }, o.sharedClusters + ' / ' + o.sharedRegions);
            const share = o.sharedRegions / max;
            td.style.background = 'rgba(25, 113, 194, ' + (0.08 + 0.8 * share).toFixed(2) + ')';
            td.style.color = share > 0.5 ? '#fff' : '#212529';
            return td;
          }))))));
    },
    async spread() {
      const { industrySpread } = await graphql(`{ industrySpread(level: DIVISION, minProvinces: 2) {
        industry { id code name } provinceCount clusterCount } }`);
      const top = industrySpread.slice(0, 20);
      const max = Math.max(1, ...top.map((s) => s.provinceCount));
      render('spread', el('p', {}, 'Industries (divisions) whose clusters lie in the most provinces.'),
        el('div', { class: 'bars' }, top.map((s) => {
          const bar = el('div', { class: 'bar', title: s.clusterCount + ' clusters' }, s.provinceCount + ' provinces');
          bar.style.width = (100 * s.provinceCount / max).toFixed(1) + '%';
          return [el('span', { class: 'link', onclick: () => { cy.elements().remove(); expand(s.industry.id); } }, s.industry.code + ' ' + s.industry.name), el('div', {}, bar)];
        })));
    },
    async regions(code, trail) {
      trail = trail || [];
      let rows;
      if (!code) {
        const { regions } = await graphql(`{ regions(filter: { level: PROVINCE, hasClusters: true }, first: 100) {
          edges { node { id code name level clusters(first: 0) { totalCount } } } } }`);
        rows = regions.edges.map((e) => e.node);
      } else {
        const { region } = await graphql(`query($code: String!) { region(code: $code) { children(first: 100) {
          edges { node { id code name level clusters(first: 0) { totalCount } } } } } }`, { code });
        rows = region.children.edges.map((e) => e.node).filter((r) => r.clusters.totalCount > 0);
      }
      const crumbs = el('div', { class: 'crumbs' }, el('span', { class: 'link', onclick: () => views.regions() }, 'China'),
        trail.map((t, i) => [' › ', el('span', { class: 'link', onclick: () => views.regions(t.code, trail.slice(0, i + 1)) }, t.name)]));
      render('regions', crumbs, table(['Code', 'Region', 'Level', 'Clusters (with those below)', ''], rows.map((r) => [
        r.code,
        r.level === 'TOWNSHIP' || r.level === 'ZONE' ? r.name
          : el('span', { class: 'link', onclick: () => views.regions(r.code, trail.concat([{ code: r.code, name: r.name }])) }, r.name),
        r.level, r.clusters.totalCount,
        el('button', { onclick: () => { cy.elements().remove(); expand(r.id); } }, 'Draw')])));
    },
    async path() {
      render('path', el('p', {}, 'Select a node, press "Path from here" in its details, then select another and press "Path to here". ',
        'The shortest path over places and industries is drawn in yellow.'),
      el('p', {}, pathFrom ? 'From: ' + pathFrom : 'No start chosen yet.'));
    },
  };

  document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => {
    document.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t === tab)));
    showStatus('', '');
    currentView = tab.dataset.view;
    view.replaceChildren(el('p', {}, 'Loading…'));
    views[tab.dataset.view]().catch(() => render(tab.dataset.view, el('p', {}, 'This view could not be loaded; see the message above.')));
  }));

  views['cross-listed']().catch(() => {});

  window.explorer = { cy, expand, select: (id) => select(cy.getElementById(id)), drawPath, graphql };
})();
