"""The English catalogue in parts, one class per place the words are shown;
`guide.i18n.strings.Strings` joins them."""
