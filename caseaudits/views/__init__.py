"""Case-file audit pages (namespace "caseaudits")."""
