"""Builds the sample papers in ``samples/`` from data that is also the tests' expectation.

Each paper is described once, as a :class:`samplegen.spec.Paper`; ``python -m samplegen``
writes the Word file (python-docx) and, where asked, the PDF LibreOffice makes from it.
"""
