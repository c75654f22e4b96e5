"""Tools for developers, outside the analysis pipeline: synthetic datasets with planted structure
(:mod:`collabnet.devtools.synth`, ``collabnet synth``) and the benchmark with its plain-networkx and
python-igraph baselines (:mod:`collabnet.devtools.benchmark`, ``collabnet bench``)."""
