"""Sums over the common neighbours of every linked pair, compiled: the inner loop of brokerage and constraint.

For every stored entry ``(v, a)`` of a symmetric adjacency matrix ``A`` (CSR,
sorted, no diagonal) and a weight on every entry (several weights: columns),
:func:`common_sums` gives
``sum of W[b, a] over the common neighbours b of v and a``, that is
``(A @ W)[v, a]`` read where ``A`` has an entry. Gould-Fernandez brokerage
counts pairs of a broker's contacts that are linked to each other this way,
and Burt's constraint sums indirect investments along two-step paths.

Every common neighbour closes a triangle, so it lists the triangles, each
once (from its lowest node in degree order: at most ``m ** 1.5`` steps for
``m`` links), with no intermediate matrix, where the sparse product
``A @ W`` builds every two-step path first.

Examples
--------
A triangle 0-1-2 with a pendant node 3 on node 2. The pair (0, 1) has one common
neighbour, 2; the pair (2, 3) none:

>>> import scipy.sparse as sp
>>> A = sp.csr_array(np.array([[0, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 1], [0, 0, 1, 0]]))
>>> common_sums(A.indptr, A.indices, transpose(A.indptr, A.indices), np.ones((A.nnz, 1), np.int64))[:, 0].tolist()
[1, 1, 1, 1, 1, 1, 0, 0]

Integer weights (counts) are summed in two parts on two cores when the
graph is large (the parts' sums are exact, so the result is the same to the
bit); float weights in one pass, in one fixed order.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from collabnet.runtime import available_cores, share_out

__all__ = ["common_sums", "transpose"]

# Stored entries above which integer sums are listed in two parts, one per core (below, forking costs more).
_PARALLEL_ENTRIES = 1_000_000


def transpose(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """For every stored entry ``(v, a)`` of a symmetric CSR pattern, the position of the entry ``(a, v)``.

    >>> transpose(np.array([0, 1, 2]), np.array([1, 0])).tolist()
    [1, 0]
    """
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    return np.lexsort((rows, indices))  # sorted by (column, row): the k-th is the transpose of the k-th entry


def common_sums(indptr: np.ndarray, indices: np.ndarray, transposed: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``out[(v, a)] = sum of weights[(b, a)] over the common neighbours b of v and a``, per stored entry.

    ``weights`` has one row per stored entry and one column per question; the
    triangles are listed once for all the columns.

    Each triangle ``v, a, b`` is found once, from its lowest node in (degree, number)
    order towards the two higher ones (Chiba & Nishizeki 1985; Schank & Wagner 2005),
    and adds to the six entries between its nodes. Integer weights on a graph
    of more than a million entries: the triangles are listed in two parts
    (lowest nodes below and from :func:`_middle`), on two cores when a second
    is free, and the two integer sums added.
    """
    n = len(indptr) - 1
    if len(indices) <= _PARALLEL_ENTRIES or weights.dtype.kind != "i" or available_cores() < 2:
        return _sums(indptr, indices, transposed, weights, 0, n)
    middle = _middle(indptr, indices)
    _sums(indptr[:1], indices[:0], transposed[:0], weights[:0], 0, 0)  # compiled (or loaded) once, before the fork
    parts = share_out([(0, middle), (middle, n)], lambda part: _sums(indptr, indices, transposed, weights, *part))
    return parts[0] + parts[1]


def _middle(indptr: np.ndarray, indices: np.ndarray) -> int:
    """The node that splits the triangle listing in two halves of about equal work.

    The work from a lowest node ``v`` is, over its higher neighbours ``a``, the
    higher neighbours of ``a`` (what :func:`_sums` scans).

    >>> _middle(np.array([0, 2, 4, 6]), np.array([1, 2, 0, 2, 0, 1]))  # a triangle: all the work from node 0
    1
    """
    n = len(indptr) - 1
    degree = np.diff(indptr)
    rows = np.repeat(np.arange(n), degree)
    up = (degree[indices] > degree[rows]) | ((degree[indices] == degree[rows]) & (indices > rows))
    higher = np.bincount(rows[up], minlength=n)
    work = np.cumsum(np.bincount(rows[up], weights=higher[indices[up]], minlength=n))
    return int(np.searchsorted(work, work[-1] / 2)) + 1 if n else 0


@njit(cache=True, nogil=True)
def _sums(indptr, indices, transposed, weights, first, last):  # pragma: no cover - compiled; tested through callers
    """:func:`common_sums` of the triangles whose lowest node is in ``first .. last - 1``."""
    n = len(indptr) - 1
    columns = weights.shape[1]
    out = np.zeros(weights.shape, weights.dtype)
    degree = indptr[1:] - indptr[:-1]
    # The links oriented upwards: per node, its higher neighbours and the entry of each.
    up_ptr = np.zeros(n + 1, np.int64)
    up_entry = np.empty(len(indices) // 2 + 1, np.int64)
    k = 0
    for v in range(n):
        for e in range(indptr[v], indptr[v + 1]):
            b = indices[e]
            if degree[b] > degree[v] or (degree[b] == degree[v] and b > v):
                up_entry[k] = e
                k += 1
        up_ptr[v + 1] = k
    mark = np.full(n, -1, np.int64)
    where = np.zeros(n, np.int64)  # entry (v, b) of each marked b
    for v in range(first, last):
        for i in range(up_ptr[v], up_ptr[v + 1]):
            mark[indices[up_entry[i]]] = v
            where[indices[up_entry[i]]] = up_entry[i]
        for i in range(up_ptr[v], up_ptr[v + 1]):
            e = up_entry[i]  # (v, a), a above v
            a = indices[e]
            for j in range(up_ptr[a], up_ptr[a + 1]):
                f = up_entry[j]  # (a, b), b above a
                b = indices[f]
                if mark[b] != v:
                    continue
                g = where[b]  # (v, b)
                te, tf, tg = transposed[e], transposed[f], transposed[g]
                for c in range(columns):
                    out[e, c] += weights[tf, c]  # (v, a) via b: W[b, a]
                    out[te, c] += weights[tg, c]  # (a, v) via b: W[b, v]
                    out[g, c] += weights[f, c]  # (v, b) via a: W[a, b]
                    out[tg, c] += weights[te, c]  # (b, v) via a: W[a, v]
                    out[f, c] += weights[g, c]  # (a, b) via v: W[v, b]
                    out[tf, c] += weights[e, c]  # (b, a) via v: W[v, a]
    return out
