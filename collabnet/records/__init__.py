"""The typed, frozen, language-free results that every output reads.

The analyses (:func:`collabnet.analyses.analyse`) make them; the renderers
(:mod:`collabnet.render`) only read them, with a :class:`collabnet.words.Vocabulary`
for the words. :mod:`.findings` holds a record per row of each contract
table, :mod:`.messages` the sentences without a language, and
:mod:`.analysis` the record of a whole analysis.
"""

from collabnet.records.analysis import Analysis, Counts, LeftOut, Summary, ZoneSummary
from collabnet.records.findings import Action, Broker, CutEdge, Gap, IsolatedActor, SectorMatrix
from collabnet.records.messages import Message

__all__ = ["Action", "Analysis", "Broker", "Counts", "CutEdge", "Gap", "IsolatedActor", "LeftOut", "Message",
           "SectorMatrix", "Summary", "ZoneSummary"]
