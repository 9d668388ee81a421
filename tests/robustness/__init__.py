"""The robustness matrix: every bad input gets a clear answer through the real CLI."""
