"""Helpers shared by rule families (text shapes, years, punctuation pairs, segmentation)."""
