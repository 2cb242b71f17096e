// Tests of EndToEnd go here.
