"""Hang-up Guide: what to do after someone hangs up on you."""

__version__ = "0.1.0"
