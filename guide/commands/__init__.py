"""One module per subcommand: its arguments and its run, over the domain packages."""
