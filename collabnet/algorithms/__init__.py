"""Graph algorithms that are not analyses: pure, graph-first functions (networkx style) the analyses and views use.

- :mod:`.blocks`: the graph as arrays and adjacency lists; biconnected components, cut vertices and the
  block-cut tree, without recursion.
- :mod:`.reductions`: block weights at cut vertices, and twins (the exact structure behind fast betweenness).
- :mod:`.searches`: Brandes' searches for many sources, compiled with numba (the inner loop of betweenness).
"""
