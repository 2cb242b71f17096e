// Tests of TOML go here.
