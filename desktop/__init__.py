"""ReviewDesk (报告评阅台): review and score annual reports on building rule-of-law government.

This package's top level stays free of third-party imports so that ``python3 -m desktop.bootstrap``
can run on a fresh machine before anything is installed.
"""

__version__ = "0.1.0"
