"""cds-tracker: the digital-transformation programme tracker of a Vietnamese province."""
