"""Stage 3 of the pipeline: the analyses, pure functions over any networkx graph with collabnet's node attributes.

One module per question: :mod:`.isolation` (who is isolated), :mod:`.brokerage`
(who bridges sectors), :mod:`.bridges` (where one departure cuts a link),
:mod:`.mixing` (who talks to whom, E-I index), :mod:`.gaps` (what is not
linked), :mod:`.actions` (what to do), :mod:`.summary`; :func:`analyse`
(:mod:`.run`) runs all of them once and returns the
:class:`~collabnet.records.Analysis` record every output reads.
"""

from collabnet.analyses.run import analyse

__all__ = ["analyse"]
