"""Stage 3 of the pipeline: analyses, pure functions over the actor graph.

Each module answers one question (who is isolated, who bridges sectors, which
tie or actor is a single point of failure, how sectors mix); the names below
are re-exported for convenience.
"""

from collabnet.analyses.bridges import LANGUAGE_PAIR, LINE_PAIR, SEPARATIONS, CutEdge, cut_edges, cut_vertices
from collabnet.analyses.brokerage import (BROKER_COLUMNS, CUT_VERTEX_BONUS, EXACT_MAX, ROLES, SAMPLE_SOURCES,
                                          betweenness, broker_table, constraint, effective_size, ei_index,
                                          gould_fernandez)
from collabnet.analyses.isolation import EVIDENCE_NAMES, LINE_PRIORITY, REASONS, IsolatedActor, isolated_actors
from collabnet.analyses.mixing import network_ei, sector_matrix, zone_ei
