"""The flow core: model, loader, validator, engine and matcher. Never imports Textual."""
