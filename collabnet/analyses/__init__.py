"""Stage 3 of the pipeline: the analyses, pure functions over any networkx graph with collabnet's node attributes.

One module per question: :mod:`.isolation` (who is isolated), :mod:`.brokerage`
(who bridges sectors), :mod:`.bridges` (where one departure cuts a link),
:mod:`.mixing` (who talks to whom, E-I index), :mod:`.gaps` (what is not
linked), :mod:`.actions` (what to do), :mod:`.summary` and :mod:`.run` (all of
it at once for a dataset).
"""

from collabnet.analyses import actions, bridges, brokerage, gaps, isolation, mixing, run, summary
from collabnet.analyses.actions import *  # noqa: F403
from collabnet.analyses.bridges import *  # noqa: F403
from collabnet.analyses.brokerage import *  # noqa: F403
from collabnet.analyses.gaps import *  # noqa: F403
from collabnet.analyses.isolation import *  # noqa: F403
from collabnet.analyses.mixing import *  # noqa: F403
from collabnet.analyses.run import *  # noqa: F403
from collabnet.analyses.summary import *  # noqa: F403

__all__ = sorted({name for module in (actions, bridges, brokerage, gaps, isolation, mixing, run, summary)
                  for name in module.__all__})
