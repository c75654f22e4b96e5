/* collabnet interactive view: draws the graph from the page's JSON block and wires search and filters.
   All user text goes to vis-network as data (labels drawn on a canvas, tooltips set with innerText) or
   to the DOM with textContent: nothing is ever parsed as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("collabnet-data").textContent);
  var styles = data.styles;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var ids = [];
  var labels = [];
  var nodeItems = data.nodes.map(function (n) {
    var mark = n.mark ? styles.marks[n.mark] : null;
    var colour = {background: n.colour, border: mark ? mark.border : styles.border};
    ids.push(n.id);
    labels.push(n.label);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, title: n.title,
      shape: styles.shapes[n.kind] || "dot",
      color: {background: colour.background, border: colour.border,
              highlight: {background: colour.background, border: "#000000"},
              hover: {background: colour.background, border: "#000000"}},
      borderWidth: mark ? mark.width : 1,
      borderWidthSelected: mark ? mark.width + 1 : 3,
      shapeProperties: {borderDashes: mark ? mark.dashes : false},
      zone: n.zone, sectors: n.sectors, line: n.line, search: fold(n.label)
    };
  });
  var edgeItems = data.edges.map(function (e, i) {
    // e[5], when the view compares two dates: "new", "lost" or "kept" (kept links keep their origin's style)
    var style = styles.changes[e[5]] || styles.edges[e[2]];
    return {
      id: i, from: ids[e[0]], to: ids[e[1]], width: e[3], dashes: style.dashes, change: e[5] || null,
      color: {color: style.color, highlight: "#000000", hover: "#000000", opacity: data.large ? 0.5 : 0.9},
      title: labels[e[0]] + " \u2014 " + labels[e[1]] + (e[4] ? "\n" + e[4] : "")
    };
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var state = {};
  var visible = {};

  function keep(n) {
    if (state.zone && n.zone !== state.zone) return false;
    if (state.sector && n.sectors.indexOf(state.sector) === -1) return false;
    if (state.line && n.line !== state.line) return false;
    return true;
  }
  function computeVisible() {
    visible = {};
    nodes.forEach(function (n) { visible[n.id] = keep(n); });
  }
  computeVisible();
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return visible[n.id] === true; }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return visible[e.from] && visible[e.to]; }});

  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, {
    physics: false,
    layout: {improvedLayout: false},
    nodes: {font: {size: 14, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff"},
            scaling: {label: {drawThreshold: 7}}},
    edges: {smooth: false, selectionWidth: 1, hoverWidth: 0.5},
    interaction: {hover: !data.large, tooltipDelay: 150, hideEdgesOnDrag: data.large,
                  hideEdgesOnZoom: data.large, multiselect: true, keyboard: false}
  });
  network.once("afterDrawing", function () { window.collabnetDrawn = true; });

  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    network.fit({animation: false});
  }

  var search = document.getElementById("search");
  var result = document.getElementById("search-result");
  function runSearch() {
    var query = fold(search.value.trim());
    if (!query) {
      result.textContent = "";
      network.unselectAll();
      return [];
    }
    var hits = nodeView.getIds({filter: function (n) { return n.search.indexOf(query) !== -1; }});
    result.textContent = data.ui.found.replace("{n}", String(hits.length));
    network.selectNodes(hits);
    if (hits.length === 1) {
      network.focus(hits[0], {scale: 1.5, animation: false});
    } else if (hits.length > 1) {
      network.fit({nodes: hits, animation: false});
    }
    return hits;
  }
  var pending = null;
  search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(runSearch, 250);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      clearTimeout(pending);
      runSearch();
    }
  });

  var menus = document.querySelectorAll("select[data-filter]");
  Array.prototype.forEach.call(menus, function (menu) {
    menu.addEventListener("change", function () {
      state[menu.getAttribute("data-filter")] = menu.value;
      applyFilters();
      if (search.value) runSearch();
    });
  });
  document.getElementById("reset").addEventListener("click", function () {
    Array.prototype.forEach.call(menus, function (menu) { menu.value = ""; });
    state = {};
    search.value = "";
    result.textContent = "";
    applyFilters();
    network.unselectAll();
  });

  // For readers who script the page and for the tests.
  window.collabnetNetwork = network;
  window.collabnetNodes = nodes;
  window.collabnetEdges = edges;
  window.collabnetView = {nodes: nodeView, edges: edgeView, applyFilters: applyFilters, search: runSearch,
                          state: function () { return state; }};
})();
