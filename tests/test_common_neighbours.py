"""Sums over common neighbours (collabnet.algorithms.common_neighbours) against scipy's sparse product."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from collabnet.algorithms.common_neighbours import common_sums, transpose


def _pattern(G: nx.Graph) -> sp.csr_array:
    A = sp.csr_array(nx.to_scipy_sparse_array(G, nodelist=sorted(G), weight=None, format="csr"))
    A.sort_indices()
    return A


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sums_equal_the_masked_sparse_product(seed):
    G = nx.powerlaw_cluster_graph(300, 6, 0.4, seed=seed)
    A = _pattern(G)
    weights = np.random.default_rng(seed).integers(0, 1000, A.nnz)
    W = sp.csr_array((weights, A.indices, A.indptr), shape=A.shape)
    expected = A.multiply(A @ W).toarray()[A.nonzero()]  # (A @ W)[v, a] where A has an entry, in CSR order
    found = common_sums(A.indptr.astype(np.int64), A.indices.astype(np.int64), transpose(A.indptr, A.indices),
                        weights[:, None])
    assert found[:, 0].tolist() == expected.tolist()


def test_columns_are_answered_each_as_alone():
    A = _pattern(nx.powerlaw_cluster_graph(200, 5, 0.5, seed=7))
    weights = np.random.default_rng(7).integers(0, 50, (A.nnz, 3))
    args = (A.indptr.astype(np.int64), A.indices.astype(np.int64), transpose(A.indptr, A.indices))
    together = common_sums(*args, weights)
    for c in range(3):
        assert together[:, c].tolist() == common_sums(*args, weights[:, c:c + 1].copy())[:, 0].tolist()


def test_float_weights_are_summed_as_floats():
    A = _pattern(nx.complete_graph(4))
    found = common_sums(A.indptr.astype(np.int64), A.indices.astype(np.int64), transpose(A.indptr, A.indices),
                        np.full((A.nnz, 1), 0.25))
    assert found[:, 0].tolist() == [0.5] * 12  # every pair of K4 has two common neighbours


def test_transpose_finds_the_reverse_entry():
    A = _pattern(nx.powerlaw_cluster_graph(50, 3, 0.3, seed=4))
    rows = np.repeat(np.arange(A.shape[0]), np.diff(A.indptr))
    back = transpose(A.indptr, A.indices)
    assert (rows[back] == A.indices).all() and (A.indices[back] == rows).all()


@pytest.mark.parametrize("seed", [1, 2])
def test_integer_sums_in_two_parts_equal_the_sparse_product(seed, monkeypatch):
    from collabnet.algorithms import common_neighbours

    monkeypatch.setattr(common_neighbours, "_PARALLEL_ENTRIES", 0)  # split (and fork) even this small graph
    G = nx.powerlaw_cluster_graph(300, 6, 0.4, seed=seed)
    A = _pattern(G)
    weights = np.random.default_rng(seed).integers(0, 1000, A.nnz)
    W = sp.csr_array((weights, A.indices, A.indptr), shape=A.shape)
    expected = A.multiply(A @ W).toarray()[A.nonzero()]
    found = common_sums(A.indptr.astype(np.int64), A.indices.astype(np.int64), transpose(A.indptr, A.indices),
                        weights[:, None])
    assert found[:, 0].tolist() == expected.tolist()


def test_the_two_parts_share_the_work():
    from collabnet.algorithms.common_neighbours import _middle

    A = _pattern(nx.disjoint_union(nx.complete_graph(10), nx.complete_graph(10)))  # the same work on each side
    # Work from node v of a 10-clique: pairs above it, C(9 - v, 2); the first clique's 120 end with node 7
    assert _middle(A.indptr, A.indices) == 8
