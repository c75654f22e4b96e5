"""Graph algorithms that are not analyses: pure, graph-first functions (networkx style) the analyses and views use.

- :mod:`.blocks`: the graph as arrays and adjacency lists; biconnected components, cut vertices and the
  block-cut tree, without recursion.
"""
