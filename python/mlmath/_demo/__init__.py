"""Parts of ``python -m mlmath demo`` (see :mod:`mlmath.demo`): timing and formatting
(``common``), progress bars (``progress``, tqdm when installed), the figures
(``plots``, matplotlib, imported only when drawing) and the full pipeline
section (``pipeline``). Nothing here is imported by the library itself."""
