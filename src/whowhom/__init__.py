"""whowhom: who did what to whom, when, and according to whom -- event data from news."""

__version__ = "0.1.0"
