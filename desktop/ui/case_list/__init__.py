"""The home screen: the list of stored cases with search, status filter, sort, import and export."""
