"""Demo data: the Keski-Uusimaa example process, its accounts and work groups."""

from .data import DEMO_PASSWORD, KESKI_UUSIMAA
from .loader import LoadReport, has_processes, load_demo
from .overview import DemoOverview, demo_overview

__all__ = [
    "DEMO_PASSWORD",
    "KESKI_UUSIMAA",
    "DemoOverview",
    "LoadReport",
    "demo_overview",
    "has_processes",
    "load_demo",
]
