"""Comparing two versions of a flow by what they do: `compare` in `guide.compare.report`."""
