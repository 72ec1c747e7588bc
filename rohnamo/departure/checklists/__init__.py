"""Personal pre-departure checklists: the centre's templates per destination and purpose, and the
lists people build from them without an account, found again by a short code."""
