"""The weekly and monthly review (总结检讨)."""
