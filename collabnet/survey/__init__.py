"""The relationship survey (intake.md, section 3): the form, reading the answers, answers as ties.

- :mod:`collabnet.survey.scale`: the Levels of Collaboration scale and PARTNER's items;
- :mod:`collabnet.survey.form`: the workbook to send (:func:`form_bytes`);
- :mod:`collabnet.survey.answers`: filled forms -> answers, every row used or reported;
- :mod:`collabnet.survey.ties`: answers -> ``ties`` rows of type ``survey``, waves.

What the answers say (disagreeing pairs, weak sector pairs, trust and value,
response rates) is an analysis: :mod:`collabnet.analyses.survey`.
"""
