"""The analysis layer: pure functions over the data layer's frames.

:mod:`.trajectory` (required growth, paths, observed baselines), :mod:`.attainment` (progress against
cited observations, three methods), :mod:`.compare` (cross-city matrix, per-10,000 figures, national
task coverage), :mod:`.commitments` (which sentences of a plan commit it to future work), :mod:`.audit` (a
registry of internal-consistency checks), :mod:`.wanted` (the figures that would settle targets without a
verdict; :mod:`.wanted_cli` its command-line ends).  Imports point down only:
to :mod:`ipanalysis.data`, :mod:`ipanalysis.text`, :mod:`ipanalysis.units`; never to charts, the report
or the extractor.
"""
