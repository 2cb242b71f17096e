// The TOML reader for config.toml and themes: parser and schema validation with file, line and key in every error.
