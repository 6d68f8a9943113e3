"""What a reader sees: charts (house style, CJK font), readable tables and the prose of each page.

One layer above :mod:`ipanalysis.analysis`, one below :mod:`ipanalysis.report`: it reads frames the
analysis returns and never computes a verdict itself.

* :mod:`~ipanalysis.present.charts`: matplotlib figures with bilingual titles, units and sources;
* :mod:`~ipanalysis.present.display`: readable tables (labels, units, ``—`` for missing) and :class:`Prose`;
* :mod:`~ipanalysis.present.findings`: the conclusions of a parameterised page, written from its frames;
* :mod:`~ipanalysis.present.vocabulary`: codes → words, English and Chinese (statuses, measures, headers);
* :mod:`~ipanalysis.present.worked`: the worked line of each verdict in Chinese.
"""
