"""OFAC's Specially Designated Nationals list (legacy sdn.csv), read from raw/ofac/."""
