"""The guided case flow: step list, one page per step, review with the why tree, memo."""
