"""Demo data: the Keski-Uusimaa example process, its accounts and work groups.

The content is data (``content/*.toml``, read by ``data.py``); its times count from
the day the demo is loaded (``clock.py``, ``timeline.py``), so the demo is live
whenever it is loaded.
"""

from .base import LoadReport
from .clock import DemoClock
from .data import DEMO_PASSWORD, KESKI_UUSIMAA
from .loader import has_processes, load_demo
from .overview import DemoOverview, demo_overview
from .timeline import demo_spec

__all__ = [
    "DEMO_PASSWORD",
    "KESKI_UUSIMAA",
    "DemoClock",
    "DemoOverview",
    "LoadReport",
    "demo_overview",
    "demo_spec",
    "has_processes",
    "load_demo",
]
