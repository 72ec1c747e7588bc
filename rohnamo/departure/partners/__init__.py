"""Partner systems checking the lists by API: tokens, their limits, the check and its log."""
