/* collabnet interactive view: draws the graph from the page's JSON block and wires search, filters, kinds of
   link, groups that open on click, organisations that unfold into their people, and labels placed without
   overlap. All user text goes to vis-network as data (tooltips set with innerText), to the canvas with
   fillText, or to the DOM with textContent: nothing is ever parsed as HTML.
   What is drawn is kept in sync by differences: a control adds and removes only what changes. */
(function () {
  "use strict";

  var started = performance.now();
  var data = JSON.parse(document.getElementById("collabnet-data").textContent);
  // Each link comes as [a, b, look(, change)], its style, width and tooltip written once in data.looks.
  data.edges = data.edges.map(function (e) {
    var look = data.looks[e[2]];
    return e.length > 3 ? [e[0], e[1], look[0], look[1], look[2], e[3]] : [e[0], e[1], look[0], look[1], look[2]];
  });
  var styles = data.styles;
  var groups = data.groups || [];
  var people = data.people || {};
  // Each person comes as [id, name, look, links], the tooltip being the name and data.people_looks[look]
  // (a tooltip that does not begin with the name comes whole); each link as [actor, style] when it is drawn
  // as the organisation whose people list the actor (or as the actor itself), else [actor, drawn as, style],
  // its style numbered in data.people_styles. Unpacked here into [actor, drawn as, style].
  var ownerOf = Object.create(null);
  Object.keys(people).forEach(function (org) {
    people[org].forEach(function (row) { ownerOf[row[0]] = org; });
  });
  Object.keys(people).forEach(function (org) {
    people[org].forEach(function (row) {
      if (typeof row[2] === "number") row[2] = row[1] + data.people_looks[row[2]];
      row[3] = row[3].map(function (link) {
        if (link.length === 3) return [link[0], link[1], data.people_styles[link[2]]];
        var drawn = ownerOf[link[0]];
        return [link[0], drawn === undefined ? link[0] : drawn, data.people_styles[link[1]]];
      });
    });
  });
  var cross = data.cross || [];
  var count = data.nodes.length;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function colours(background, border) {
    return {background: background, border: border, highlight: {background: background, border: "#000000"},
            hover: {background: background, border: "#000000"}};
  }

  var ids = [];
  var index = {};
  var names = {};  // node id -> label drawn on the canvas
  var shown = [];
  var nodeItems = data.nodes.map(function (n, i) {
    var mark = n.mark ? styles.marks[n.mark] : null;
    ids.push(n.id);
    index[n.id] = i;
    names[n.id] = n.label;
    shown.push(n.group < 0);
    return {
      id: n.id, x: n.x, y: n.y, size: n.size, title: n.title, shape: n.shape, hidden: n.group >= 0,
      color: colours(n.colour, mark ? mark.border : styles.border),
      borderWidth: mark ? mark.width : 1, borderWidthSelected: mark ? mark.width + 1 : 3,
      shapeProperties: {borderDashes: mark ? mark.dashes : false}
    };
  });
  var groupShown = groups.map(function () { return true; });
  groups.forEach(function (g) {
    names[g.id] = g.label;
    nodeItems.push({id: g.id, x: g.x, y: g.y, size: g.size, title: g.title, shape: "hexagon",
                    color: colours(g.colour, "#333333"), borderWidth: 2, borderWidthSelected: 3});
  });
  var members = groups.map(function () { return []; });
  data.nodes.forEach(function (n) { if (n.group >= 0) members[n.group].push(n.id); });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet([]);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    physics: false,
    layout: {improvedLayout: false},
    edges: {smooth: false, selectionWidth: 1, hoverWidth: 0.5},
    interaction: {hover: !data.large, tooltipDelay: 150, hideEdgesOnDrag: data.large,
                  hideEdgesOnZoom: data.large, multiselect: true, keyboard: false}
  });

  // ------------------------------------------------------------------ what is drawn
  var initial = {links: Object.assign({}, data.links)};
  var state = {zone: "", sector: "", line: ""};
  var links = Object.assign({}, data.links);
  var open = groups.map(function () { return false; });
  var unfolded = {};     // organisation id -> true while its people are shown
  var inEdges = {};      // edge id -> true for every edge now in the DataSet
  var personNodes = {};  // person id -> organisation id, for the people now shown
  var counts = {shown: 0, total: 0};

  function keep(n) {
    if (state.zone && n.zone !== state.zone) return false;
    if (state.sector && n.sectors.indexOf(state.sector) === -1) return false;
    if (state.line && n.line !== state.line) return false;
    return true;
  }
  function wanted(i) {
    var e = data.edges[i];
    if (e[5] === "new" || e[5] === "lost") return true;
    var bits = cross[i] || 0;
    if (bits === 0) return links.within;
    return Boolean((bits & 1 && links.sector) || (bits & 2 && links.line) || (bits & 4 && links.language));
  }
  function edgeItem(i) {
    var e = data.edges[i];
    var style = styles.changes[e[5]] || styles.edges[e[2]];
    return {id: i, from: ids[e[0]], to: ids[e[1]], width: e[3], dashes: style.dashes, change: e[5] || null,
            color: {color: style.color, highlight: "#000000", hover: "#000000", opacity: data.large ? 0.5 : 0.9},
            title: names[ids[e[0]]] + " \u2014 " + names[ids[e[1]]] + (e[4] ? "\n" + e[4] : "")};
  }

  function sync() {
    var kept = data.nodes.map(keep);
    var inGroup = groups.map(function () { return 0; });
    var changes = [];
    data.nodes.forEach(function (n, i) {
      if (kept[i] && n.group >= 0) inGroup[n.group] += 1;
      var show = kept[i] && (n.group < 0 || open[n.group]);
      if (show !== shown[i]) {
        shown[i] = show;
        changes.push({id: n.id, hidden: !show});
      }
    });
    groups.forEach(function (g, k) {
      var show = !open[k] && inGroup[k] > 0;
      if (show !== groupShown[k]) {
        groupShown[k] = show;
        changes.push({id: g.id, hidden: !show});
      }
    });
    if (changes.length) nodes.update(changes);
    // Where an actor is drawn: itself, its closed group, or nowhere (filtered out).
    function drawnAs(i) {
      if (!kept[i]) return null;
      var g = data.nodes[i].group;
      return shown[i] ? ids[i] : (g >= 0 ? groups[g].id : null);
    }
    var desired = {};
    var summed = {};
    counts = {shown: 0, total: 0};
    data.edges.forEach(function (e, i) {
      if (!kept[e[0]] || !kept[e[1]]) return;
      if (e[5] !== "lost") counts.total += 1;
      if (!wanted(i)) return;
      if (e[5] !== "lost") counts.shown += 1;
      if (shown[e[0]] && shown[e[1]]) {
        desired[i] = edgeItem;
        return;
      }
      var a = drawnAs(e[0]), b = drawnAs(e[1]);
      if (a === null || b === null || a === b) return;
      var key = String(a) < String(b) ? a + "\u0001" + b : b + "\u0001" + a;
      if (!(key in summed)) summed[key] = {from: a, to: b, count: 0};
      summed[key].count += 1;
    });
    Object.keys(summed).forEach(function (key) {
      var link = summed[key];
      var id = "g\u0001" + key + "\u0001" + link.count;
      desired[id] = function () {
        var style = styles.edges.sector;
        return {id: id, from: link.from, to: link.to, width: Math.min(1 + Math.log2(link.count), 8), dashes: false,
                color: {color: style.color, highlight: "#000000", hover: "#000000", opacity: 0.6},
                title: names[link.from] + " \u2014 " + names[link.to] + "\n" + data.ui.links.replace("{n}", link.count)};
      };
    });
    peopleEdges(desired, drawnAs);
    var removed = Object.keys(inEdges).filter(function (id) { return !(id in desired); });
    var added = Object.keys(desired).filter(function (id) { return !(id in inEdges); });
    if (removed.length) {
      edges.remove(removed.map(function (id) { return /^\d+$/.test(id) ? Number(id) : id; }));
      removed.forEach(function (id) { delete inEdges[id]; });
    }
    if (added.length) {
      edges.add(added.map(function (id) { return desired[id](/^\d+$/.test(id) ? Number(id) : id); }));
      added.forEach(function (id) { inEdges[id] = true; });
    }
    var line = document.getElementById("links-shown");
    if (line) {
      line.textContent = data.ui.shown.replace("{shown}", String(counts.shown)).replace("{total}", String(counts.total));
    }
  }

  // ------------------------------------------------------------------ people of an organisation
  function peopleEdges(desired, drawnAs) {
    Object.keys(unfolded).forEach(function (org) {
      var i = index[org];
      if (i === undefined || !shown[i]) return;
      people[org].forEach(function (row) {
        var person = row[0];
        var own = "p\u0001" + person;
        desired[own] = function () {
          var style = styles.edges.affiliation;
          return {id: own, from: person, to: org, width: style.width, dashes: style.dashes,
                  color: {color: style.color, opacity: 0.9}, title: names[person] + " \u2014 " + names[org]};
        };
        row[3].forEach(function (link) {
          var other = link[0];
          var target = other in personNodes ? other : drawnAs(index[link[1]]);
          if (target === null || target === undefined || target === org) return;
          var a = String(person), b = String(target);
          var id = "p\u0001" + (a < b ? a + "\u0001" + b : b + "\u0001" + a);
          if (id in desired) return;
          desired[id] = function () {
            var style = styles.edges[link[2]] || styles.edges.tie;
            return {id: id, from: person, to: target, width: style.width, dashes: style.dashes,
                    color: {color: style.color, highlight: "#000000", hover: "#000000", opacity: 0.9},
                    title: names[person] + " \u2014 " + names[target]};
          };
        });
      });
    });
  }
  function unfold(org) {
    var rows = people[org];
    var centre = network.getPositions([org])[org];
    var size = data.nodes[index[org]].size;
    var radius = size + 30 + 6 * rows.length;
    var added = rows.filter(function (row) { return !(row[0] in personNodes); }).map(function (row, j) {
      var angle = 2 * Math.PI * j / rows.length - Math.PI / 2;
      personNodes[row[0]] = org;
      names[row[0]] = row[1];
      return {id: row[0], x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle),
              size: 6, shape: "dot", title: row[2], color: colours(data.nodes[index[org]].colour, "#555555"),
              borderWidth: 2};
    });
    nodes.add(added);
    unfolded[org] = true;
  }
  function foldUp(org) {
    var gone = people[org].map(function (row) { return row[0]; });
    delete unfolded[org];
    gone.forEach(function (id) { delete personNodes[id]; });
    sync();  // the people's links go first, then the people
    nodes.remove(gone);
  }
  function toggle(org) {
    if (unfolded[org]) {
      foldUp(org);
    } else {
      unfold(org);
      sync();
    }
  }

  // ------------------------------------------------------------------ groups
  function openGroups(which, fit) {
    which.forEach(function (k) { open[k] = true; });
    sync();
    if (fit) {
      var shownIds = [];
      which.forEach(function (k) { members[k].forEach(function (id) { if (shown[index[id]]) shownIds.push(id); }); });
      if (shownIds.length) network.fit({nodes: shownIds, animation: false});
    }
  }
  function closeGroups() {
    open = groups.map(function () { return false; });
    sync();
  }

  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var id = params.nodes[0];
    if (typeof id === "number" && id < 0) {
      openGroups([-id - 1], true);
    } else if (people[id]) {
      toggle(id);
    }
  });

  // ------------------------------------------------------------------ labels
  // Most important first (selected, groups, people shown, then by betweenness), each below its node, never over
  // another label and never past the canvas edge; a label that does not fit waits for the reader to zoom in.
  var LABEL_FONT = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";
  var LABEL_HEIGHT = 15;
  var CELL = 64;
  var widths = {};
  var boxes = [];
  var byRank = data.nodes.map(function (n, i) { return i; }).sort(function (a, b) {
    return data.nodes[a].rank - data.nodes[b].rank;
  }).map(function (i) { return data.nodes[i].id; });
  var byGroupSize = groups.map(function (g) { return g.id; });

  function labelOrder() {
    var selected = network.getSelectedNodes();
    return selected.concat(byGroupSize, Object.keys(personNodes), byRank);
  }
  function placeLabels(ctx) {
    var scale = network.getScale();
    var view = network.body.view.translation;
    var width = container.clientWidth, height = container.clientHeight;
    var grid = {};
    var placed = [];
    var seen = {};
    ctx.font = LABEL_FONT;
    function hits(left, top, w, h) {
      for (var cx = Math.floor(left / CELL); cx <= Math.floor((left + w) / CELL); cx++) {
        for (var cy = Math.floor(top / CELL); cy <= Math.floor((top + h) / CELL); cy++) {
          var cell = grid[cx + "," + cy];
          if (!cell) continue;
          for (var k = 0; k < cell.length; k++) {
            var b = cell[k];
            if (left < b.left + b.width && b.left < left + w && top < b.top + b.height && b.top < top + h) return true;
          }
        }
      }
      return false;
    }
    function take(box) {
      for (var cx = Math.floor(box.left / CELL); cx <= Math.floor((box.left + box.width) / CELL); cx++) {
        for (var cy = Math.floor(box.top / CELL); cy <= Math.floor((box.top + box.height) / CELL); cy++) {
          (grid[cx + "," + cy] = grid[cx + "," + cy] || []).push(box);
        }
      }
      placed.push(box);
    }
    labelOrder().forEach(function (id) {
      if (seen[id]) return;
      seen[id] = true;
      var node = network.body.nodes[id];
      if (!node || node.options.hidden) return;
      var x = node.x * scale + view.x, y = node.y * scale + view.y;
      if (x < 0 || x > width || y < 0 || y > height) return;
      var text = names[id];
      if (!text) return;
      var w = widths[id] || (widths[id] = ctx.measureText(text).width + 4);
      if (w > width) return;
      var radius = node.options.size * scale;
      var left = Math.min(Math.max(x - w / 2, 0), width - w);
      var top = y + radius + 2;
      if (top + LABEL_HEIGHT > height) top = y - radius - 2 - LABEL_HEIGHT;
      if (top < 0 || hits(left, top, w, LABEL_HEIGHT)) return;
      take({id: id, text: text, left: left, top: top, width: w, height: LABEL_HEIGHT});
    });
    return placed;
  }
  network.on("afterDrawing", function (ctx) {
    var ratio = network.canvas.pixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    boxes = placeLabels(ctx);
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#222222";
    boxes.forEach(function (b) {
      ctx.strokeText(b.text, b.left + 2, b.top + 1);
      ctx.fillText(b.text, b.left + 2, b.top + 1);
    });
    ctx.restore();
  });

  // ------------------------------------------------------------------ timings (performance.now, for the benchmark)
  var times = {script: started, draws: []};
  var drawStart = 0;
  network.on("beforeDrawing", function () { drawStart = performance.now(); });
  network.on("afterDrawing", function () {
    var now = performance.now();
    times.draws.push(now - drawStart);
    times.last = now;
    if (!window.collabnetDrawn) {
      times.firstDrawn = now;
      window.collabnetDrawn = true;
    }
  });

  // ------------------------------------------------------------------ controls
  function fitAll() {
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.92, animation: false});  // room for the outer labels
  }
  function applyFilters() {
    sync();
    fitAll();
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
    var found = [];
    var closed = {};
    data.nodes.forEach(function (n, i) {
      if (!keep(n) || fold(n.label).indexOf(query) === -1) return;
      found.push(n.id);
      if (!shown[i] && n.group >= 0) closed[n.group] = true;
    });
    var toOpen = Object.keys(closed).map(Number);
    if (toOpen.length) openGroups(toOpen, false);
    result.textContent = data.ui.found.replace("{n}", String(found.length));
    network.selectNodes(found);
    if (found.length === 1) {
      network.focus(found[0], {scale: 1.5, animation: false});
    } else if (found.length > 1) {
      network.fit({nodes: found, animation: false});
    }
    return found;
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
  var boxesOfLinks = document.querySelectorAll("input[data-links]");
  Array.prototype.forEach.call(boxesOfLinks, function (box) {
    box.addEventListener("change", function () {
      links[box.getAttribute("data-links")] = box.checked;
      sync();
    });
  });
  var openAll = document.getElementById("open-all");
  if (openAll) {
    openAll.addEventListener("click", function () {
      openGroups(groups.map(function (g, k) { return k; }), false);
      fitAll();
    });
    document.getElementById("close-all").addEventListener("click", function () {
      closeGroups();
      fitAll();
    });
  }
  document.getElementById("reset").addEventListener("click", function () {
    Array.prototype.forEach.call(menus, function (menu) { menu.value = ""; });
    state = {zone: "", sector: "", line: ""};
    links = Object.assign({}, initial.links);
    Array.prototype.forEach.call(boxesOfLinks, function (box) { box.checked = links[box.getAttribute("data-links")]; });
    open = groups.map(function () { return false; });
    Object.keys(unfolded).forEach(function (org) { foldUp(org); });
    search.value = "";
    result.textContent = "";
    network.unselectAll();
    applyFilters();
  });

  sync();
  fitAll();

  // For readers who script the page and for the tests.
  window.collabnetNetwork = network;
  window.collabnetNodes = nodes;
  window.collabnetEdges = edges;
  window.collabnetTimes = times;
  window.collabnetView = {
    applyFilters: applyFilters, search: runSearch, sync: sync, toggle: toggle, openGroups: openGroups,
    state: function () { return state; }, labels: function () { return boxes.slice(); },
    name: function (id) { return names[id]; }, counts: function () { return counts; },
    shownNodes: function () { return nodes.getIds({filter: function (n) { return !n.hidden; }}); },
    shownEdges: function () { return edges.getIds(); }
  };
})();
