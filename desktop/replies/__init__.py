"""Replying to the customer: recording replies, drafting and approving letters, the standard
answers (口径一致)."""
