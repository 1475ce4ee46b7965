"""The guide's own words: the string catalogue, translations, times in words."""
